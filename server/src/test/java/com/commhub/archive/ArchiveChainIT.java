package com.commhub.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.commhub.Api;
import com.commhub.IntegrationTest;
import com.commhub.Personas;
import com.commhub.WebSession;
import com.commhub.archive.internal.ArchiveContents;
import com.commhub.archive.internal.ArchiveKeys;
import com.commhub.archive.internal.ArchiveSealer;
import com.commhub.security.Audit;
import com.commhub.security.AuditOutcome;
import com.commhub.shared.Classification;
import com.commhub.verifier.Pem;
import com.commhub.verifier.VerificationResult;
import com.commhub.verifier.Verifier;
import com.zaxxer.hikari.HikariDataSource;

/** Recording in the caller's transaction, append-only rows, encryption, sealing, status and the verifier CLI. */
@IntegrationTest
class ArchiveChainIT {

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
	@Autowired
	Audit audit;
	@LocalServerPort
	int port;

	ArchiveTestSupport support;

	@BeforeEach
	void setUp() {
		support = new ArchiveTestSupport(recorder, transactionManager, jdbc, sealer);
	}

	@Test
	void committedEntriesAreSealedAndRolledBackOnesLeaveNothing() {
		long id = support.record(support.entry(1, Classification.INTERNAL, "已提交")).value();
		assertThat(support.awaitSealed(id)).isPositive();

		var transactions = new TransactionTemplate(transactionManager);
		List<Long> rolledBack = new ArrayList<>();
		transactions.executeWithoutResult(status -> {
			rolledBack.add(recorder.record(support.entry(2, Classification.INTERNAL, "回滚")).value());
			status.setRollbackOnly();
		});
		assertThat(jdbc.queryForObject("select count(*) from arc_entry where id = ? or subject_id = ?", Long.class,
				rolledBack.getFirst(), support.run + "-2")).isZero();
		assertThat(jdbc.queryForObject("select count(*) from arc_entry where subject_id = ?", Long.class,
				support.run + "-1")).isOne();

		// outside a transaction the recorder refuses to run
		assertThatThrownBy(() -> recorder.record(support.entry(3, Classification.INTERNAL, "无事务")))
			.isInstanceOf(IllegalTransactionStateException.class);
	}

	@Test
	void sealedRowsCannotBeUpdatedOrDeleted() {
		long id = support.record(support.entry(1, Classification.PUBLIC, "公开内容")).value();
		long position = support.awaitSealed(id);

		assertThatThrownBy(() -> jdbc.update("update arc_entry set summary = 'changed' where id = ?", id))
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("sealed");
		assertThatThrownBy(() -> jdbc.update("update arc_entry set position = ? where id = ?", position + 1000000, id))
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("sealed");
		assertThatThrownBy(() -> jdbc.update("delete from arc_entry where id = ?", id))
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.update("update arc_checkpoint set position = position where position > 0"))
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		assertThat(jdbc.queryForObject("select summary from arc_entry where id = ?", String.class, id))
			.contains(support.run);

		// an unsealed row only takes its sealing columns
		var transactions = new TransactionTemplate(transactionManager);
		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
			long fresh = recorder.record(support.entry(2, Classification.PUBLIC, "未封存")).value();
			jdbc.update("update arc_entry set summary = 'changed' where id = ?", fresh);
		})).isInstanceOf(DataAccessException.class).hasMessageContaining("only the sealing columns");
	}

	@Test
	void confidentialContentIsEncryptedAndHashedInPlain() throws Exception {
		String secret = "机密：并购谈判底价 " + support.run;
		ArchiveEntryId id = support.record(support.entry(1, Classification.CONFIDENTIAL, secret));
		Map<String, Object> row = jdbc.queryForMap(
				"select content, content_key_id, content_nonce, content_sha256 from arc_entry where id = ?", id.value());
		byte[] plain = secret.getBytes(StandardCharsets.UTF_8);
		assertThat((byte[]) row.get("content")).isNotEqualTo(plain);
		assertThat(new String((byte[]) row.get("content"), StandardCharsets.ISO_8859_1)).doesNotContain(support.run);
		assertThat(row.get("content_key_id")).isNotNull();
		assertThat((byte[]) row.get("content_nonce")).hasSize(12);
		assertThat((byte[]) row.get("content_sha256"))
			.isEqualTo(MessageDigest.getInstance("SHA-256").digest(plain));
		assertThat(contents.content(id)).isEqualTo(plain);

		// the keys are files outside the database, readable by the owner only
		assertThat(Files.getPosixFilePermissions(keys.directory().resolve("archive-content.key")))
			.isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(Files.getPosixFilePermissions(keys.directory().resolve("archive-signing.key")))
			.isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(Files.getPosixFilePermissions(keys.directory()))
			.isEqualTo(PosixFilePermissions.fromString("rwx------"));
		String keyText = Files.readString(keys.directory().resolve("archive-content.key")).trim();
		// searched as bytes: ciphertext is arbitrary binary, which no text encoding can convert reliably
		assertThat(jdbc.queryForObject("select count(*) from arc_entry where position(? in content) > 0",
				Long.class, (Object) keyText.getBytes(StandardCharsets.UTF_8))).isZero();

		ArchiveEntryId internal = support.record(support.entry(2, Classification.INTERNAL, "内部 " + support.run));
		assertThat(jdbc.queryForObject("select content from arc_entry where id = ?", byte[].class, internal.value()))
			.isEqualTo(("内部 " + support.run).getBytes(StandardCharsets.UTF_8));
		assertThat(jdbc.queryForObject("select content_key_id from arc_entry where id = ?", String.class,
				internal.value())).isNull();
	}

	@Test
	void auditEventsEnterTheChainInTheSameTransaction() {
		String action = "archive.test." + support.run;
		new TransactionTemplate(transactionManager).executeWithoutResult(
				status -> audit.record(action, "test", 7, "测试目标", AuditOutcome.SUCCESS, "详情 " + support.run));
		Long auditId = jdbc.queryForObject("select id from arc_audit_event where action = ?", Long.class, action);
		Map<String, Object> entry = jdbc.queryForMap(
				"select id, kind, summary, content from arc_entry where subject_type = 'audit-event' and subject_id = ?",
				String.valueOf(auditId));
		assertThat(entry.get("kind")).isEqualTo("AUDIT_EVENT");
		assertThat((String) entry.get("summary")).contains(action).contains("SUCCESS");
		assertThat(new String((byte[]) entry.get("content"), StandardCharsets.UTF_8)).contains("详情 " + support.run);

		String rolledBack = "archive.rollback." + support.run;
		new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
			audit.record(rolledBack, null, null, null, AuditOutcome.SUCCESS, null);
			status.setRollbackOnly();
		});
		assertThat(jdbc.queryForObject("select count(*) from arc_audit_event where action = ?", Long.class, rolledBack))
			.isZero();
		assertThat(jdbc.queryForObject("select count(*) from arc_entry where summary like ?", Long.class,
				rolledBack + "%")).isZero();
		support.awaitSealed(((Number) entry.get("id")).longValue());
	}

	@Test
	void theWholeChainVerifiesAndTheStatusSaysSo() throws Exception {
		long id = support.record(support.entry(1, Classification.PUBLIC, "状态")).value();
		long position = support.awaitSealed(id);
		support.sealAndCheckpoint();

		try (Connection connection = dataSource.getConnection()) {
			VerificationResult result = Verifier.verify(connection, keys.publicKey(), schema());
			assertThat(result.valid()).as(result.summary()).isTrue();
			assertThat(result.head()).isGreaterThanOrEqualTo(position);
			assertThat(result.lastCheckpoint()).isGreaterThanOrEqualTo(position);
		}

		Api api = new Api(port);
		var response = api.get(Personas.AUDITOR, "/api/v1/archive/status")
			.retrieve()
			.toEntity(new ParameterizedTypeReference<Map<String, Object>>() {
			});
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		Map<String, Object> status = response.getBody();
		assertThat(status).containsEntry("verifies", true);
		assertThat(((Number) status.get("sealedUpTo")).longValue()).isGreaterThanOrEqualTo(position);
		assertThat(((Number) status.get("entries")).longValue()).isGreaterThanOrEqualTo(position);
		@SuppressWarnings("unchecked")
		Map<String, Object> checkpoint = (Map<String, Object>) status.get("lastCheckpoint");
		assertThat(((Number) checkpoint.get("position")).longValue()).isGreaterThanOrEqualTo(position);
		assertThat(status).containsKeys("unsealed", "sealingLagSeconds", "verification");

		String pem = api.get(Personas.EMPLOYEE, "/api/v1/archive/public-key").retrieve().body(String.class);
		assertThat(Pem.decode(pem)).isEqualTo(keys.publicKey());
		assertThat(api.get(Personas.EMPLOYEE, "/api/v1/archive/status").retrieve().toEntity(String.class)
			.getStatusCode().value()).isEqualTo(403);

		WebSession browser = new WebSession(port);
		browser.signIn(Personas.COMMUNICATION_OFFICER);
		var page = browser.get("/archive");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"archive-verifies\"").contains("alert ok")
			.contains("href=\"/api/v1/archive/public-key\"").contains("href=\"/archive\"");
		var key = browser.get("/api/v1/archive/public-key");
		assertThat(key.statusCode()).isEqualTo(200);
		assertThat(key.body()).contains("BEGIN PUBLIC KEY");
	}

	@Test
	void theVerifierCommandLineExitsZeroOnAGoodChainAndTwoOnBadUsage() throws Exception {
		support.awaitSealed(support.record(support.entry(1, Classification.PUBLIC, "命令行")).value());
		support.sealAndCheckpoint();
		HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
		Path pem = Files.createTempFile("archive-public", ".pem");
		Files.writeString(pem, keys.publicKeyPem());
		List<String> args = new ArrayList<>(List.of("--jdbc-url", hikari.getJdbcUrl(), "--public-key", pem.toString(),
				"--schema", schema()));
		if (hikari.getUsername() != null) {
			args.addAll(List.of("--user", hikari.getUsername()));
		}
		if (hikari.getPassword() != null && !hikari.getPassword().isEmpty()) {
			args.addAll(List.of("--password", hikari.getPassword()));
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = Verifier.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(code).as(out + " " + err).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("OK entries=");

		assertThat(Verifier.run(new String[] { "--jdbc-url" }, new PrintStream(out), new PrintStream(err))).isEqualTo(2);
		assertThat(Verifier.run(new String[] { "--jdbc-url", hikari.getJdbcUrl(), "--public-key", "/no/such.pem" },
				new PrintStream(out), new PrintStream(err))).isEqualTo(2);
		Files.deleteIfExists(pem);
	}

	private String schema() {
		return jdbc.queryForObject("select current_schema()", String.class);
	}
}
