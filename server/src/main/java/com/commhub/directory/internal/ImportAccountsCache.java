package com.commhub.directory.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.commhub.security.CurrentUser;

/**
 * The accounts and initial passwords of a just-confirmed import, kept in this node's memory only (never in the
 * database or the session) for a few minutes, so that the importer can download them once as CSV right after
 * the import.
 */
@Component
public class ImportAccountsCache {

	static final Duration TIME_TO_LIVE = Duration.ofMinutes(10);

	private record Entry(List<ImportResult.ImportedAccount> accounts, Instant expires) {
	}

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();
	private final Clock clock;

	ImportAccountsCache(Clock clock) {
		this.clock = clock;
	}

	/** Keeps the accounts for the current user's download. */
	public void put(long batchId, List<ImportResult.ImportedAccount> accounts) {
		Instant now = Instant.now(clock);
		entries.values().removeIf(e -> e.expires().isBefore(now));
		entries.put(key(batchId), new Entry(List.copyOf(accounts), now.plus(TIME_TO_LIVE)));
	}

	/** The accounts, once: they are forgotten when taken or when their time is up. */
	public Optional<List<ImportResult.ImportedAccount>> take(long batchId) {
		Entry entry = entries.remove(key(batchId));
		if (entry == null || entry.expires().isBefore(Instant.now(clock))) {
			return Optional.empty();
		}
		return Optional.of(entry.accounts());
	}

	private static String key(long batchId) {
		return CurrentUser.require().accountId() + ":" + batchId;
	}
}
