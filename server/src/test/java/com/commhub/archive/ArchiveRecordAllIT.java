package com.commhub.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.commhub.IntegrationTest;
import com.commhub.archive.internal.ArchiveContents;
import com.commhub.archive.internal.ArchiveKeys;
import com.commhub.archive.internal.ArchiveSealer;
import com.commhub.shared.Classification;
import com.commhub.verifier.VerificationResult;
import com.commhub.verifier.Verifier;

/** {@link ArchiveRecorder#recordAll}: one statement, the same guarantees as {@code record}. */
@IntegrationTest
class ArchiveRecordAllIT {

	@Autowired
	ArchiveRecorder recorder;
	@Autowired
	PlatformTransactionManager transactionManager;
	@Autowired
	JdbcTemplate jdbc;
	@Autowired
	ArchiveSealer sealer;
	@Autowired
	ArchiveKeys keys;
	@Autowired
	ArchiveContents contents;
	@Autowired
	DataSource dataSource;

	ArchiveTestSupport support;
	TransactionTemplate transactions;

	@BeforeEach
	void setUp() {
		support = new ArchiveTestSupport(recorder, transactionManager, jdbc, sealer);
		transactions = new TransactionTemplate(transactionManager);
	}

	@Test
	void idsComeBackInTheOrderOfTheEntriesAndEveryRowHoldsItsOwnEntry() {
		Instant occurred = Instant.parse("2026-11-23T08:15:30.123456789Z");
		List<NewArchiveEntry> entries = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			NewArchiveEntry entry = NewArchiveEntry.text(RecordKind.values()[i % RecordKind.values().length],
					"batch-test", support.run + "-" + i, NewArchiveEntry.Parties.of("HT1020 王芳", "HT1040", "HT1041"),
					Classification.INTERNAL, occurred.plusSeconds(i), "摘要 " + i, i % 5 == 0 ? null : "内容 " + i);
			if (i == 3) {
				entry = entry.withAttachments(List.of("AB".repeat(32)))
					.withRelated(List.of(new NewArchiveEntry.Related(NewArchiveEntry.Relation.REPLY_TO,
							new ArchiveEntryId(42))));
			}
			entries.add(entry);
		}
		List<ArchiveEntryId> ids = transactions.execute(status -> recorder.recordAll(entries));

		assertThat(ids).hasSize(25);
		assertThat(ids.stream().mapToLong(ArchiveEntryId::value)).isSorted().doesNotHaveDuplicates();
		for (int i = 0; i < 25; i++) {
			Map<String, Object> row = jdbc.queryForMap("""
					select kind, subject_id, summary, content, content_sha256, occurred_at, parties, attachment_hashes,
					       related, position
					from arc_entry where id = ?""", ids.get(i).value());
			assertThat(row.get("subject_id")).isEqualTo(support.run + "-" + i);
			assertThat(row.get("kind")).isEqualTo(RecordKind.values()[i % RecordKind.values().length].name());
			assertThat(row.get("summary")).isEqualTo("摘要 " + i);
			assertThat(((Timestamp) row.get("occurred_at")).toInstant())
				.isEqualTo(Instant.parse("2026-11-23T08:15:30.123456Z").plusSeconds(i));
			assertThat(row.get("parties"))
				.isEqualTo("{\"sender\":\"HT1020 王芳\",\"recipients\":[\"HT1040\",\"HT1041\"],\"organisations\":[]}");
			if (i % 5 == 0) {
				assertThat(row.get("content")).isNull();
				assertThat(row.get("content_sha256")).isNull();
			}
			else {
				assertThat((byte[]) row.get("content")).isEqualTo(("内容 " + i).getBytes(StandardCharsets.UTF_8));
			}
			assertThat(row.get("attachment_hashes")).isEqualTo(i == 3 ? "[\"" + "ab".repeat(32) + "\"]" : "[]");
			assertThat(row.get("related")).isEqualTo(i == 3 ? "[{\"relation\":\"REPLY_TO\",\"entry\":42}]" : "[]");
			assertThat(row.get("position")).isNull();
		}
		List<ArchiveEntryId> none = transactions.execute(status -> recorder.recordAll(List.of()));
		assertThat(none).isEmpty();
	}

	@Test
	void textsThatLookLikeArraySyntaxOrNullRoundTripExactly() {
		List<String> texts = List.of("NULL", "null", "", "  spaced  ", "a\"b\\c{d},e", "{\"x\":[1,2]}", "行\n二\t三",
				"\\N", "'quoted'");
		List<NewArchiveEntry> entries = new ArrayList<>();
		for (int i = 0; i < texts.size(); i++) {
			String text = texts.get(i);
			NewArchiveEntry.Parties parties = new NewArchiveEntry.Parties(text, List.of(text), List.of());
			entries.add(NewArchiveEntry.text(RecordKind.CHAT_MESSAGE, "batch-test", support.run + "-" + text, parties,
					Classification.INTERNAL, Instant.now(), text, text));
		}
		List<ArchiveEntryId> ids = transactions.execute(status -> recorder.recordAll(entries));

		for (int i = 0; i < texts.size(); i++) {
			String text = texts.get(i);
			Map<String, Object> row = jdbc.queryForMap(
					"select subject_id, summary, content, parties from arc_entry where id = ?", ids.get(i).value());
			assertThat(row.get("subject_id")).isEqualTo(support.run + "-" + text);
			assertThat(row.get("summary")).isEqualTo(text);
			assertThat((byte[]) row.get("content")).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
			assertThat(row.get("parties")).isEqualTo(
					"{\"sender\":" + json(text) + ",\"recipients\":[" + json(text) + "],\"organisations\":[]}");
		}
	}

	/** JSON string for the characters used above. */
	private static String json(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t")
				+ "\"";
	}

	@Test
	void aRolledBackBatchLeavesNothingAndNoTransactionIsRefused() {
		List<ArchiveEntryId> ids = new ArrayList<>();
		transactions.executeWithoutResult(status -> {
			ids.addAll(recorder.recordAll(List.of(support.entry(1, Classification.INTERNAL, "回滚一"),
					support.entry(2, Classification.CONFIDENTIAL, "回滚二"))));
			status.setRollbackOnly();
		});
		assertThat(ids).hasSize(2);
		assertThat(jdbc.queryForObject("select count(*) from arc_entry where id in (?, ?) or subject_id like ?",
				Long.class, ids.get(0).value(), ids.get(1).value(), support.run + "-%")).isZero();

		// an invalid entry anywhere in the batch fails the whole call; the transaction commits nothing of it
		NewArchiveEntry invalid = support.entry(4, Classification.INTERNAL, "坏附件").withAttachments(List.of("nope"));
		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> recorder
			.recordAll(List.of(support.entry(3, Classification.INTERNAL, "好"), invalid))))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(jdbc.queryForObject("select count(*) from arc_entry where subject_id like ?", Long.class,
				support.run + "-%")).isZero();

		assertThatThrownBy(() -> recorder.recordAll(List.of(support.entry(5, Classification.INTERNAL, "无事务"))))
			.isInstanceOf(IllegalTransactionStateException.class);
	}

	@Test
	void confidentialEntriesOfABatchAreEncryptedAndTheBatchVerifiesOnceSealed() throws Exception {
		List<NewArchiveEntry> entries = List.of(support.entry(1, Classification.CONFIDENTIAL, "机密 " + support.run),
				support.entry(2, Classification.PUBLIC, "公开 " + support.run),
				support.entry(3, Classification.TOP_SECRET, "绝密 " + support.run),
				support.entry(4, Classification.INTERNAL, null));
		List<ArchiveEntryId> ids = transactions.execute(status -> recorder.recordAll(entries));

		for (int i = 0; i < entries.size(); i++) {
			NewArchiveEntry entry = entries.get(i);
			Map<String, Object> row = jdbc.queryForMap(
					"select content, content_key_id, content_nonce, content_sha256 from arc_entry where id = ?",
					ids.get(i).value());
			if (entry.content() == null) {
				assertThat(row.get("content")).isNull();
				continue;
			}
			assertThat((byte[]) row.get("content_sha256"))
				.isEqualTo(MessageDigest.getInstance("SHA-256").digest(entry.content()));
			assertThat(contents.content(ids.get(i))).isEqualTo(entry.content());
			if (entry.classification().confidential()) {
				assertThat(new String((byte[]) row.get("content"), StandardCharsets.ISO_8859_1))
					.doesNotContain(support.run);
				assertThat(row.get("content_key_id")).isNotNull();
				assertThat((byte[]) row.get("content_nonce")).hasSize(12);
			}
			else {
				assertThat((byte[]) row.get("content")).isEqualTo(entry.content());
				assertThat(row.get("content_key_id")).isNull();
				assertThat(row.get("content_nonce")).isNull();
			}
		}
		// two entries encrypted in one batch never share a nonce
		assertThat(jdbc.queryForObject("select count(distinct content_nonce) from arc_entry where id in (?, ?)",
				Long.class, ids.get(0).value(), ids.get(2).value())).isEqualTo(2);

		List<Long> positions = new ArrayList<>();
		for (ArchiveEntryId id : ids) {
			positions.add(support.awaitSealed(id.value()));
		}
		assertThat(positions).isSorted().doesNotHaveDuplicates();
		support.sealAndCheckpoint();
		try (Connection connection = dataSource.getConnection()) {
			VerificationResult result = Verifier.verify(connection, keys.publicKey(),
					jdbc.queryForObject("select current_schema()", String.class));
			assertThat(result.valid()).as(result.summary()).isTrue();
			assertThat(result.head()).isGreaterThanOrEqualTo(positions.getLast());
		}
	}
}
