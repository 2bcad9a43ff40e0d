package com.commhub.security.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.commhub.security.Audit;
import com.commhub.security.AuditOutcome;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.NotFoundException;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;

/** TOTP enrolment with a QR code, one-time recovery codes, and second-factor checks (SEC-4). */
@Service
public class MfaService {

	private static final int RECOVERY_CODE_COUNT = 10;

	private final AccountRepository accounts;
	private final RecoveryCodes recoveryCodes;
	private final SecurityProperties properties;
	private final RoleService roles;
	private final Audit audit;
	private final Clock clock;

	MfaService(AccountRepository accounts, RecoveryCodes recoveryCodes, SecurityProperties properties,
			RoleService roles, Audit audit, Clock clock) {
		this.accounts = accounts;
		this.recoveryCodes = recoveryCodes;
		this.properties = properties;
		this.roles = roles;
		this.audit = audit;
		this.clock = clock;
	}

	public record Enrolment(String secret, String otpauthUri, String qrCodeDataUri) {
	}

	public record Status(boolean enabled, boolean required, int unusedRecoveryCodes) {
	}

	@Transactional(readOnly = true)
	public Status status(long accountId) {
		Account account = account(accountId);
		int unused = (int) recoveryCodes.findByAccountId(accountId).stream().filter(c -> !c.used()).count();
		return new Status(account.totpEnabled(), required(account), unused);
	}

	/** Whether policy demands a second factor of this account (privileged role and the policy switched on). */
	boolean required(Account account) {
		return properties.mfa().requiredForPrivileged() && roles.isPrivileged(account);
	}

	@Transactional
	public Enrolment startEnrolment(long accountId) {
		Account account = account(accountId);
		if (account.totpEnabled()) {
			throw BusinessRuleException.conflict(null, "mfa.alreadyEnabled");
		}
		String secret = Totp.newSecret();
		account.startTotpEnrolment(secret);
		accounts.save(account);
		return enrolmentOf(account);
	}

	/** The pending enrolment, for re-showing the QR code after a wrong confirmation code. */
	@Transactional(readOnly = true)
	public Enrolment pendingEnrolment(long accountId) {
		Account account = account(accountId);
		if (account.totpEnabled() || account.totpSecret() == null) {
			return null;
		}
		return enrolmentOf(account);
	}

	private Enrolment enrolmentOf(Account account) {
		String uri = Totp.otpauthUri(properties.mfa().issuer(), account.username(), account.totpSecret());
		return new Enrolment(account.totpSecret(), uri, qrCode(uri));
	}

	/** Confirms the enrolment with a first code and returns the recovery codes, shown once. */
	@Transactional
	public List<String> confirmEnrolment(long accountId, String code) {
		Account account = account(accountId);
		if (account.totpSecret() == null || account.totpEnabled()) {
			throw BusinessRuleException.conflict(null, "mfa.noPendingEnrolment");
		}
		if (!Totp.verify(account.totpSecret(), code, Instant.now(clock))) {
			throw BusinessRuleException.invalid("code", "mfa.codeWrong");
		}
		account.confirmTotp();
		accounts.save(account);
		List<String> codes = newRecoveryCodes(accountId);
		audit.record("mfa.enable", "account", accountId, account.username(), AuditOutcome.SUCCESS, null);
		return codes;
	}

	@Transactional
	public void disable(long accountId, String code) {
		Account account = account(accountId);
		if (!account.totpEnabled()) {
			throw BusinessRuleException.conflict(null, "mfa.notEnabled");
		}
		if (required(account)) {
			throw BusinessRuleException.conflict(null, "mfa.requiredByPolicy");
		}
		if (!verifySecondFactor(account, code)) {
			throw BusinessRuleException.invalid("code", "mfa.codeWrong");
		}
		account.removeTotp();
		accounts.save(account);
		recoveryCodes.deleteByAccountId(accountId);
		audit.record("mfa.disable", "account", accountId, account.username(), AuditOutcome.SUCCESS, null);
	}

	/** Checks a TOTP code or an unused recovery code (which is then spent). */
	@Transactional
	public boolean verify(long accountId, String code) {
		return verifySecondFactor(account(accountId), code);
	}

	private boolean verifySecondFactor(Account account, String code) {
		if (!account.totpEnabled() || code == null) {
			return false;
		}
		if (Totp.verify(account.totpSecret(), code, Instant.now(clock))) {
			return true;
		}
		String hash = Hashing.sha256(normaliseRecoveryCode(code));
		for (RecoveryCode recovery : recoveryCodes.findByAccountId(account.id())) {
			if (!recovery.used() && recovery.codeHash().equals(hash)) {
				recovery.use(Instant.now(clock));
				recoveryCodes.save(recovery);
				audit.recordAs(account.id(), account.username(), "mfa.recoveryCodeUsed", "account", account.id(),
						account.username(), AuditOutcome.SUCCESS, null);
				return true;
			}
		}
		return false;
	}

	@Transactional
	public List<String> regenerateRecoveryCodes(long accountId) {
		Account account = account(accountId);
		if (!account.totpEnabled()) {
			throw BusinessRuleException.conflict(null, "mfa.notEnabled");
		}
		recoveryCodes.deleteByAccountId(accountId);
		recoveryCodes.flush();
		List<String> codes = newRecoveryCodes(accountId);
		audit.record("mfa.recoveryCodesRegenerated", "account", accountId, account.username(), AuditOutcome.SUCCESS,
				null);
		return codes;
	}

	private List<String> newRecoveryCodes(long accountId) {
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODE_COUNT; i++) {
			String code = Hashing.randomString(10, "abcdefghjkmnpqrstuvwxyz23456789");
			String shown = code.substring(0, 5) + "-" + code.substring(5);
			codes.add(shown);
			recoveryCodes.save(new RecoveryCode(accountId, Hashing.sha256(code)));
		}
		return codes;
	}

	private static String normaliseRecoveryCode(String code) {
		return code.replace("-", "").replaceAll("\\s", "").toLowerCase();
	}

	private Account account(long accountId) {
		return accounts.findById(accountId).orElseThrow(() -> new NotFoundException("account", accountId));
	}

	private static String qrCode(String content) {
		try {
			BitMatrix matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 240, 240,
					Map.of(EncodeHintType.MARGIN, 2));
			BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
			for (int x = 0; x < matrix.getWidth(); x++) {
				for (int y = 0; y < matrix.getHeight(); y++) {
					image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
				}
			}
			var out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
		}
		catch (WriterException | IOException ex) {
			throw new IllegalStateException("cannot render QR code", ex);
		}
	}
}
