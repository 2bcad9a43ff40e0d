package com.commhub.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.commhub.security.AuditEvent;
import com.commhub.security.AuditOutcome;

/**
 * What every request asks about its caller — an account's permissions (roles reach it directly, through its
 * department chain and its groups) and a bearer token's owner and scopes — kept in memory so that a request does
 * not cost the ten or so queries that resolve them.
 * <p>
 * Correctness rests on one rule: every change that can alter them is audited (roles, accounts, tokens, the
 * directory). A successful audited action that is not known to be harmless ({@link #HARMLESS}) drops both caches on
 * this node when its transaction commits and then increments {@code security_change.version}; every node polls the
 * version each second and drops its caches when it moved, so a change reaches the other nodes within about a
 * second. Entries also expire after {@link #MAX_AGE}, as a bound for anything that slipped through.
 * An entry is stored with the generation read before it was loaded, so a load that raced with a change is never used;
 * a transaction that changed something reads around the cache until it completes, so its uncommitted state is never
 * shared.
 */
@Component
class SecurityCache {

	static final Duration MAX_AGE = Duration.ofMinutes(5);
	private static final int MAX_ENTRIES = 100_000;
	/** Frequent audited actions that never change permissions, accounts' state or tokens. */
	private static final Set<String> HARMLESS = Set.of("signin", "signout", "token.create", "password.change",
			"mfa.recoveryCodeUsed", "mfa.recoveryCodesRegenerated", "access.denied", "file.upload");
	private static final Set<String> HARMLESS_MODULES = Set.of("chat.", "mail.", "archive.", "compliance.",
			"notification.");

	private final JdbcClient jdbc;
	private final TransactionTemplate newTransaction;
	private final Clock clock;
	private final AtomicLong generation = new AtomicLong();
	private final Map<Object, Entry> entries = new ConcurrentHashMap<>();
	private volatile long seenVersion = -1;

	SecurityCache(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	private record Entry(Object value, long generation, Instant loadedAt) {
	}

	/** Keys of the two kinds of entries: an account's permissions, a token by the hash of its secret. */
	record PermissionsKey(long accountId) {
	}

	record TokenKey(String tokenHash) {
	}

	/**
	 * The cached value, or the loader's (cached unless null). Callers must treat the value as immutable: it is
	 * shared by every request.
	 */
	@SuppressWarnings("unchecked")
	<T> T get(Object key, Supplier<T> loader) {
		if (TransactionSynchronizationManager.hasResource(this)) {
			// this transaction changed something not yet committed: what it reads is its own, never to be shared
			return loader.get();
		}
		long current = generation.get();
		Instant now = Instant.now(clock);
		Entry entry = entries.get(key);
		if (entry != null && entry.generation() == current && entry.loadedAt().plus(MAX_AGE).isAfter(now)) {
			return (T) entry.value();
		}
		T value = loader.get();
		if (value != null) {
			if (entries.size() >= MAX_ENTRIES) {
				entries.clear();
			}
			entries.put(key, new Entry(value, current, now));
		}
		return value;
	}

	/** Replaces a cached value without a reload (a token's last use), keeping the entry's generation. */
	void update(Object key, Object value) {
		entries.computeIfPresent(key, (k, e) -> new Entry(value, e.generation(), e.loadedAt()));
	}

	/**
	 * Something changed: drop the caches and bump the shared version once the change is visible, i.e. after the
	 * current transaction commits (a node that reloaded before then would otherwise keep the old state).
	 */
	void changed() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			publishChange();
			return;
		}
		if (TransactionSynchronizationManager.hasResource(this)) {
			return; // once per transaction
		}
		TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(SecurityCache.this);
				if (status == STATUS_COMMITTED) {
					// the finished transaction's connection is still bound here: write in a new one
					newTransaction.executeWithoutResult(tx -> publishChange());
				}
			}
		});
	}

	private void publishChange() {
		clear();
		jdbc.sql("update security_change set version = version + 1 where id = 1").update();
	}

	@EventListener
	void on(AuditEvent event) {
		if (event.outcome() == AuditOutcome.SUCCESS && !harmless(event.action())) {
			changed();
		}
	}

	static boolean harmless(String action) {
		return HARMLESS.contains(action) || HARMLESS_MODULES.stream().anyMatch(action::startsWith)
				|| action.endsWith(".dryRun");
	}

	/** Picks up changes made on other nodes (and by anything that bumped the version directly). */
	@Scheduled(fixedDelay = 1000, initialDelay = 1000)
	void poll() {
		long version = jdbc.sql("select version from security_change where id = 1").query(Long.class).single();
		if (version != seenVersion) {
			seenVersion = version;
			clear();
		}
	}

	private void clear() {
		generation.incrementAndGet();
		entries.clear();
	}
}
