package com.commhub.archive.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.commhub.verifier.CanonicalEncoding;
import com.commhub.verifier.EntryRow;

/**
 * Seals committed entries into the chain (ARC-2): one node at a time (a transaction-scoped PostgreSQL advisory
 * lock), in batches, positions consecutive after the head, {@code entry_hash = SHA-256(canonical encoding ||
 * prev_hash)}. Every {@code commhub.archive.checkpoint.every-entries} entries or
 * {@code commhub.archive.checkpoint.interval} it signs a checkpoint over the head with the Ed25519 key.
 */
@Component
public class ArchiveSealer {

	/** The advisory lock key: "ARCSEAL" in ASCII. */
	static final long LOCK_KEY = 0x41524353_45414cL;

	private static final Logger log = LoggerFactory.getLogger(ArchiveSealer.class);

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final ArchiveKeys keys;
	private final Clock clock;
	private final boolean enabled;
	private final int batchSize;
	private final long checkpointEvery;
	private final Duration checkpointInterval;

	ArchiveSealer(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ArchiveKeys keys, Clock clock,
			@Value("${commhub.archive.sealer.enabled:true}") boolean enabled,
			@Value("${commhub.archive.sealer.batch-size:1000}") int batchSize,
			@Value("${commhub.archive.checkpoint.every-entries:1000}") long checkpointEvery,
			@Value("${commhub.archive.checkpoint.interval:10s}") Duration checkpointInterval) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.keys = keys;
		this.clock = clock;
		this.enabled = enabled;
		this.batchSize = batchSize;
		this.checkpointEvery = checkpointEvery;
		this.checkpointInterval = checkpointInterval;
	}

	@Scheduled(fixedDelayString = "${commhub.archive.sealer.delay:200ms}",
			initialDelayString = "${commhub.archive.sealer.delay:200ms}")
	void scheduled() {
		if (!enabled) {
			return;
		}
		try {
			while (sealBatch(false, false) == batchSize) {
				// keep going while full batches are waiting
			}
		}
		catch (RuntimeException ex) {
			log.warn("Archive sealing failed; retrying on the next run", ex);
		}
	}

	/**
	 * Seals everything committed so far, waiting for another sealer if need be, and signs a checkpoint over the head
	 * when {@code checkpoint} is set (or when one is due). For tests and operations.
	 */
	public void sealNow(boolean checkpoint) {
		while (sealBatch(true, checkpoint) == batchSize) {
			// next batch
		}
	}

	/** One transaction: seals up to one batch; returns the number sealed, or -1 when another node holds the lock. */
	int sealBatch(boolean wait, boolean forceCheckpoint) {
		Integer sealed = transactions.execute(status -> {
			if (wait) {
				jdbc.queryForObject("select pg_advisory_xact_lock(?)::text", String.class, LOCK_KEY);
			}
			else if (!Boolean.TRUE.equals(
					jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK_KEY))) {
				return -1;
			}
			Head head = head();
			List<EntryRow> rows = jdbc.query(UNSEALED, (rs, n) -> hashed(rs), batchSize);
			int count = rows.size();
			long[] ids = new long[count];
			long[] positions = new long[count];
			byte[][] prevHashes = new byte[count][];
			byte[][] entryHashes = new byte[count][];
			long position = head.position();
			byte[] prev = head.hash();
			for (int i = 0; i < count; i++) {
				EntryRow row = rows.get(i);
				position++;
				byte[] hash = CanonicalEncoding.entryHash(row, position, prev);
				ids[i] = row.id();
				positions[i] = position;
				prevHashes[i] = prev;
				entryHashes[i] = hash;
				prev = hash;
			}
			if (count > 0) {
				int updated = jdbc.update(SEAL, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), ids,
						positions, prevHashes, entryHashes);
				if (updated != count) {
					// only one sealer runs (the lock), so this means a row changed under us: seal nothing
					throw new IllegalStateException("sealed " + updated + " archive entries instead of " + count);
				}
			}
			checkpointIfDue(new Head(position, prev), forceCheckpoint);
			return rows.size();
		});
		return sealed == null ? 0 : sealed;
	}

	/**
	 * Only what the hash covers: the content itself is bound through {@code content_sha256}, so its bytes (the
	 * widest column) are not read.
	 */
	private static final String UNSEALED = """
			select id, kind, subject_type, subject_id, parties, classification, occurred_at, summary, content_sha256,
			       attachment_hashes, related
			from arc_entry where position is null order by id limit ?""";

	/**
	 * The whole batch in one statement (one plan, one execution) rather than one UPDATE per row; the row trigger
	 * still checks every row.
	 */
	private static final String SEAL = """
			update arc_entry e
			set position = s.position, prev_hash = s.prev_hash, entry_hash = s.entry_hash, sealed_at = ?
			from unnest(?::bigint[], ?::bigint[], ?::bytea[], ?::bytea[]) as s(id, position, prev_hash, entry_hash)
			where e.id = s.id and e.position is null""";

	private static EntryRow hashed(ResultSet rs) throws SQLException {
		return new EntryRow(rs.getLong("id"), null, rs.getString("kind"), rs.getString("subject_type"),
				rs.getString("subject_id"), rs.getString("parties"), rs.getString("classification"),
				rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("summary"), null, null,
				rs.getBytes("content_sha256"), rs.getString("attachment_hashes"), rs.getString("related"), null, null);
	}

	private record Head(long position, byte[] hash) {
	}

	private Head head() {
		List<Head> heads = jdbc.query("select position, entry_hash from arc_entry where position is not null "
				+ "order by position desc limit 1", (rs, n) -> new Head(rs.getLong(1), rs.getBytes(2)));
		return heads.isEmpty() ? new Head(0, CanonicalEncoding.genesis()) : heads.getFirst();
	}

	private void checkpointIfDue(Head head, boolean force) {
		if (head.position() == 0) {
			return;
		}
		List<Object[]> last = jdbc.query("select position, signed_at from arc_checkpoint order by position desc limit 1",
				(rs, n) -> new Object[] { rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant() });
		long lastPosition = last.isEmpty() ? 0 : (Long) last.getFirst()[0];
		Instant lastSignedAt = last.isEmpty() ? Instant.EPOCH : (Instant) last.getFirst()[1];
		if (head.position() <= lastPosition) {
			return;
		}
		Instant now = CanonicalEncoding.truncate(clock.instant());
		boolean due = force || head.position() - lastPosition >= checkpointEvery
				|| !now.isBefore(lastSignedAt.plus(checkpointInterval));
		if (!due) {
			return;
		}
		byte[] signature = keys.sign(CanonicalEncoding.checkpoint(head.position(), head.hash(), now));
		jdbc.update("insert into arc_checkpoint (position, entry_hash, signed_at, signature, key_id) "
				+ "values (?, ?, ?, ?, ?)", head.position(), head.hash(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
				signature, keys.publicKeyId());
	}
}
