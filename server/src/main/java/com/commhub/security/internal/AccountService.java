package com.commhub.security.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.commhub.security.AccountManagement;
import com.commhub.security.Audit;
import com.commhub.security.AuditOutcome;
import com.commhub.shared.BusinessRuleException;

/** Account lifecycle: provisioning on hire, disabling on suspension or departure (DIR-8). */
@Service
public class AccountService implements AccountManagement {

	private final AccountRepository accounts;
	private final PasswordService passwords;
	private final PasswordPolicy policy;
	private final SessionService sessions;
	private final RoleService roles;
	private final Audit audit;
	private final Clock clock;

	AccountService(AccountRepository accounts, PasswordService passwords, PasswordPolicy policy,
			SessionService sessions, RoleService roles, Audit audit, Clock clock) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.policy = policy;
		this.sessions = sessions;
		this.roles = roles;
		this.audit = audit;
		this.clock = clock;
	}

	public record AccountSummary(long id, String username, String displayName, Long employeeId, boolean enabled,
			boolean mustChangePassword, boolean totpEnabled, Instant lastLoginAt, Instant lockedUntil) {
	}

	@Override
	@Transactional
	public ProvisionedAccount provisionForEmployee(long employeeId, String username, String displayName,
			String initialPassword) {
		if (accounts.findByUsername(username).isPresent()) {
			throw BusinessRuleException.conflict("employeeNo", "account.usernameTaken", username);
		}
		String generated = null;
		String password = initialPassword;
		if (password == null || password.isBlank()) {
			generated = PasswordService.generate();
			password = generated;
		}
		else {
			try {
				policy.check(password, username, displayName);
			}
			catch (BusinessRuleException ex) {
				throw BusinessRuleException.invalid("initialPassword", ex.messageCode(), ex.arguments());
			}
		}
		Account account = accounts.save(new Account(username, displayName, employeeId, "", true, Instant.now(clock)));
		passwords.setPassword(account, password, true);
		audit.record("account.create", "account", account.id(), username, AuditOutcome.SUCCESS,
				"employee " + employeeId);
		return new ProvisionedAccount(account.id(), username, generated);
	}

	@Override
	@Transactional
	public void provisionDemoAccounts(java.util.Map<Long, String> displayNameByEmployeeId,
			java.util.Map<Long, String> usernameByEmployeeId, String password) {
		String hash = passwords.encode(password);
		displayNameByEmployeeId.forEach((employeeId, displayName) -> {
			Account account = accounts.save(new Account(usernameByEmployeeId.get(employeeId), displayName, employeeId,
					"", false, Instant.now(clock)));
			passwords.setHash(account, hash, false);
		});
	}

	@Override
	@Transactional
	public String resetPassword(long employeeId) {
		Account account = accounts.findByEmployeeId(employeeId)
			.orElseThrow(() -> new com.commhub.shared.NotFoundException("account of employee", employeeId));
		String generated = PasswordService.generate();
		passwords.setPassword(account, generated, true);
		account.unlock();
		audit.record("password.reset", "account", account.id(), account.username(), AuditOutcome.SUCCESS, null);
		return generated;
	}

	@Override
	@Transactional
	public void disableForEmployee(long employeeId) {
		accounts.findByEmployeeId(employeeId).ifPresent(account -> {
			account.disable();
			accounts.save(account);
			int revoked = sessions.revokeAllQuietly(account);
			audit.record("account.disable", "account", account.id(), account.username(), AuditOutcome.SUCCESS,
					revoked + " sessions revoked");
		});
	}

	@Override
	@Transactional
	public void enableForEmployee(long employeeId) {
		accounts.findByEmployeeId(employeeId).ifPresent(account -> {
			account.enable();
			accounts.save(account);
			audit.record("account.enable", "account", account.id(), account.username(), AuditOutcome.SUCCESS, null);
		});
	}

	@Override
	public void checkNotLastAdministrator(long employeeId) {
		roles.checkNotLastAdministrator(employeeId);
	}

	@Override
	@Transactional
	public int revokeAllSessions(long employeeId) {
		Account account = accounts.findByEmployeeId(employeeId)
			.orElseThrow(() -> new com.commhub.shared.NotFoundException("account of employee", employeeId));
		return sessions.revokeAll(account.id());
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<com.commhub.security.AccountInfo> accountOf(long employeeId) {
		return accounts.findByEmployeeId(employeeId)
			.map(a -> new com.commhub.security.AccountInfo(a.id(), a.username(), a.enabled(), a.lastLoginAt()));
	}

	@Transactional(readOnly = true)
	public Optional<AccountSummary> findByEmployee(long employeeId) {
		return accounts.findByEmployeeId(employeeId).map(AccountService::summary);
	}

	@Transactional(readOnly = true)
	public Optional<AccountSummary> find(long accountId) {
		return accounts.findById(accountId).map(AccountService::summary);
	}

	private static AccountSummary summary(Account a) {
		return new AccountSummary(a.id(), a.username(), a.displayName(), a.employeeId(), a.enabled(),
				a.mustChangePassword(), a.totpEnabled(), a.lastLoginAt(), a.lockedUntil());
	}

	/** Whether the account must change its password before doing anything else. */
	@Transactional(readOnly = true)
	public boolean passwordChangeRequired(long accountId) {
		return accounts.findById(accountId).map(a -> a.mustChangePassword() || passwords.expired(a)).orElse(false);
	}

	@Transactional(readOnly = true)
	public boolean enabled(long accountId) {
		return accounts.findById(accountId).map(Account::enabled).orElse(false);
	}
}
