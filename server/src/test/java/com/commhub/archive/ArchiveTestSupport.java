package com.commhub.archive;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.commhub.archive.internal.ArchiveSealer;
import com.commhub.shared.Classification;

/** Writes uniquely named entries through real transactions and waits for the sealer. */
final class ArchiveTestSupport {

	private final ArchiveRecorder recorder;
	private final TransactionTemplate transactions;
	private final JdbcTemplate jdbc;
	private final ArchiveSealer sealer;
	final String run = UUID.randomUUID().toString().substring(0, 8);

	ArchiveTestSupport(ArchiveRecorder recorder, PlatformTransactionManager transactionManager, JdbcTemplate jdbc,
			ArchiveSealer sealer) {
		this.recorder = recorder;
		this.transactions = new TransactionTemplate(transactionManager);
		this.jdbc = jdbc;
		this.sealer = sealer;
	}

	NewArchiveEntry entry(int n, Classification classification, String content) {
		return NewArchiveEntry.text(RecordKind.CHAT_MESSAGE, "test-message", run + "-" + n,
				NewArchiveEntry.Parties.of("HT1040 测试", "HT1041"), classification, Instant.now(),
				"测试消息 " + run + " #" + n, content);
	}

	ArchiveEntryId record(NewArchiveEntry entry) {
		return transactions.execute(status -> recorder.record(entry));
	}

	List<Long> recordMany(int from, int count) {
		List<Long> ids = new ArrayList<>();
		for (int i = from; i < from + count; i++) {
			ids.add(record(entry(i, Classification.INTERNAL, "内容 " + run + " " + i)).value());
		}
		return ids;
	}

	/** Waits until the scheduled sealer has sealed the entry, then returns its position. */
	long awaitSealed(long id) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (Instant.now().isBefore(deadline)) {
			Long position = jdbc.queryForObject("select position from arc_entry where id = ?", Long.class, id);
			if (position != null) {
				return position;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new AssertionError("entry " + id + " was not sealed in time");
	}

	void sealAndCheckpoint() {
		sealer.sealNow(true);
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
