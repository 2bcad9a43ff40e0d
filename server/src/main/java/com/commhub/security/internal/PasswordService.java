package com.commhub.security.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.data.domain.Limit;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.commhub.security.Audit;
import com.commhub.security.AuditOutcome;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.NotFoundException;

/** Changing passwords under the policy and the history rule, and generating initial passwords. */
@Service
public class PasswordService {

	private static final String GENERATED_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
	private static final SecureRandom RANDOM = new SecureRandom();

	private final AccountRepository accounts;
	private final PasswordHistory history;
	private final PasswordPolicy policy;
	private final PasswordEncoder encoder;
	private final Audit audit;
	private final Clock clock;

	PasswordService(AccountRepository accounts, PasswordHistory history, PasswordPolicy policy, PasswordEncoder encoder,
			Audit audit, Clock clock) {
		this.accounts = accounts;
		this.history = history;
		this.policy = policy;
		this.encoder = encoder;
		this.audit = audit;
		this.clock = clock;
	}

	/** The user changes their own password, proving the current one. */
	@Transactional
	public void change(long accountId, String currentPassword, String newPassword, String confirmation) {
		Account account = accounts.findById(accountId).orElseThrow(() -> new NotFoundException("account", accountId));
		if (currentPassword == null || !encoder.matches(currentPassword, account.passwordHash())) {
			audit.record("password.change", "account", accountId, account.username(), AuditOutcome.FAILURE,
					"wrong current password");
			throw BusinessRuleException.invalid("currentPassword", "password.currentWrong");
		}
		if (newPassword == null || !newPassword.equals(confirmation)) {
			throw BusinessRuleException.invalid("confirmation", "password.confirmationMismatch");
		}
		if (newPassword.equals(currentPassword)) {
			throw BusinessRuleException.invalid("newPassword", "password.reused", policy.historySize());
		}
		policy.check(newPassword, account.username(), account.displayName());
		for (PasswordHistoryEntry old : history.findByAccountIdOrderByCreatedAtDescIdDesc(accountId,
				Limit.of(policy.historySize()))) {
			if (encoder.matches(newPassword, old.passwordHash())) {
				throw BusinessRuleException.invalid("newPassword", "password.reused", policy.historySize());
			}
		}
		setPassword(account, newPassword, false);
		audit.record("password.change", "account", accountId, account.username(), AuditOutcome.SUCCESS, null);
	}

	/** Stores a new hash and remembers it in the history. */
	void setPassword(Account account, String rawPassword, boolean mustChange) {
		setHash(account, encoder.encode(rawPassword), mustChange);
	}

	String encode(String rawPassword) {
		return encoder.encode(rawPassword);
	}

	void setHash(Account account, String hash, boolean mustChange) {
		Instant now = Instant.now(clock);
		account.changePassword(hash, mustChange, now);
		accounts.save(account);
		history.save(new PasswordHistoryEntry(account.id(), hash, now));
	}

	boolean expired(Account account) {
		return account.passwordChangedAt()
			.plus(Duration.ofDays(policy.rotationDays()))
			.isBefore(Instant.now(clock));
	}

	/** A random password that satisfies the policy: 16 characters from an unambiguous alphabet plus a symbol. */
	static String generate() {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < 14; i++) {
			sb.append(GENERATED_ALPHABET.charAt(RANDOM.nextInt(GENERATED_ALPHABET.length())));
		}
		sb.insert(RANDOM.nextInt(sb.length()), '#');
		sb.append(2 + RANDOM.nextInt(8));
		sb.insert(0, (char) ('A' + RANDOM.nextInt(26)));
		return sb.toString();
	}
}
