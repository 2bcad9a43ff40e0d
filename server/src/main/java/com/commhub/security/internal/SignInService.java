package com.commhub.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.commhub.security.Audit;
import com.commhub.security.AuditOutcome;
import com.commhub.security.CommHubUser;

/**
 * Checks a username and password for both the sign-in form and {@code POST /api/v1/auth/login}: throttling per
 * source address, temporary lockout per account after repeated failures (SEC-4), and an audit record of every
 * attempt. Failures are written in their own transaction so that the exception that reports them does not roll
 * them back.
 */
@Service
public class SignInService {

	private final AccountRepository accounts;
	private final PasswordEncoder encoder;
	private final SecurityProperties.Lockout lockout;
	private final Audit audit;
	private final Clock clock;
	private final TransactionTemplate tx;
	private final Map<String, Deque<Instant>> failuresByAddress = new ConcurrentHashMap<>();
	private final String dummyHash;

	SignInService(AccountRepository accounts, PasswordEncoder encoder, SecurityProperties properties, Audit audit,
			Clock clock, PlatformTransactionManager transactionManager) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.lockout = properties.lockout();
		this.audit = audit;
		this.clock = clock;
		this.tx = new TransactionTemplate(transactionManager);
		this.dummyHash = encoder.encode("timing-equaliser-" + System.nanoTime());
	}

	/** Thrown when one address fails too often; answered with 429 by the API. */
	public static class ThrottledException extends AuthenticationException {

		public ThrottledException() {
			super("too many failed sign-ins from this address");
		}
	}

	/** The account behind a sign-in name: its username (the 工号 for employees). */
	public CommHubUser authenticate(String username, String password, String sourceIp) {
		Instant now = Instant.now(clock);
		String name = username == null ? "" : username.trim();
		if (throttled(sourceIp, now)) {
			audit.recordAs(null, name, "signin", "account", null, name, AuditOutcome.DENIED, "throttled address");
			throw new ThrottledException();
		}
		Account account = accounts.findByUsername(name).orElse(null);
		if (account == null) {
			encoder.matches(password == null ? "" : password, dummyHash);
			fail(null, name, sourceIp, now, "unknown account");
			throw new BadCredentialsException("bad credentials");
		}
		if (account.lockedAt(now)) {
			audit.recordAs(account.id(), account.username(), "signin", "account", account.id(), account.username(),
					AuditOutcome.DENIED, "account locked");
			throw new LockedException("locked");
		}
		if (password == null || !encoder.matches(password, account.passwordHash())) {
			fail(account.id(), name, sourceIp, now, "wrong password");
			throw new BadCredentialsException("bad credentials");
		}
		if (!account.enabled()) {
			audit.recordAs(account.id(), account.username(), "signin", "account", account.id(), account.username(),
					AuditOutcome.DENIED, "account disabled");
			throw new DisabledException("disabled");
		}
		tx.executeWithoutResult(status -> {
			Account fresh = accounts.findById(account.id()).orElseThrow();
			fresh.recordSuccess(now);
			accounts.save(fresh);
		});
		failuresByAddress.remove(key(sourceIp));
		return new CommHubUser(account.id(), account.username(), account.displayName(), account.employeeId(),
				account.passwordHash(), true);
	}

	/** Audits a completed sign-in (after the second factor, when there is one). */
	public void recordSuccess(CommHubUser user, String channel) {
		audit.recordAs(user.accountId(), user.getUsername(), "signin", "account", user.accountId(),
				user.getUsername(), AuditOutcome.SUCCESS, channel);
	}

	private void fail(Long accountId, String name, String sourceIp, Instant now, String reason) {
		failuresByAddress.computeIfAbsent(key(sourceIp), k -> new ConcurrentLinkedDeque<>()).add(now);
		tx.executeWithoutResult(status -> {
			if (accountId != null) {
				Account fresh = accounts.findById(accountId).orElseThrow();
				fresh.recordFailure(lockout.maxAttempts(), lockout.duration(), now);
				accounts.save(fresh);
				if (fresh.lockedAt(now)) {
					audit.recordAs(accountId, name, "account.lock", "account", accountId, name, AuditOutcome.SUCCESS,
							"locked for " + lockout.duration());
				}
			}
			audit.recordAs(accountId, name, "signin", "account", accountId, name, AuditOutcome.FAILURE, reason);
		});
	}

	private boolean throttled(String sourceIp, Instant now) {
		Deque<Instant> failures = failuresByAddress.get(key(sourceIp));
		if (failures == null) {
			return false;
		}
		Instant windowStart = now.minus(Duration.ofMinutes(1));
		while (!failures.isEmpty() && failures.peekFirst().isBefore(windowStart)) {
			failures.pollFirst();
		}
		return failures.size() >= lockout.maxFailuresPerIpPerMinute();
	}

	private static String key(String sourceIp) {
		return sourceIp == null ? "unknown" : sourceIp;
	}
}
