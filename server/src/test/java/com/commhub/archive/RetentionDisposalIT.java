package com.commhub.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.commhub.Api;
import com.commhub.IntegrationTest;
import com.commhub.Personas;
import com.commhub.archive.internal.ArchiveKeys;
import com.commhub.archive.internal.ArchiveSealer;
import com.commhub.shared.Classification;
import com.commhub.verifier.VerificationResult;
import com.commhub.verifier.VerificationResult.Problem;
import com.commhub.verifier.Verifier;

/**
 * Retention and disposal (ARC-3) against the real database: expired content goes, held and unexpired content stays,
 * the chain still verifies and counts the disposed entries, content removed behind disposal's back is named by the
 * verifier, and the trigger refuses it. Every test narrows the schedules to MEETING_MINUTES (all other kinds
 * permanent) so that entries of other tests in the shared database are left alone, and restores them afterwards.
 */
@IntegrationTest
class RetentionDisposalIT {

	static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	int port;
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
	DataSource dataSource;

	Api api;
	ArchiveTestSupport support;
	Map<String, Integer> savedSchedules;
	final String run = UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void narrowSchedules() {
		api = new Api(port);
		support = new ArchiveTestSupport(recorder, transactionManager, jdbc, sealer);
		savedSchedules = new HashMap<>();
		jdbc.query("select kind, retention_days from arc_retention_schedule",
				rs -> {
					savedSchedules.put(rs.getString(1), (Integer) rs.getObject(2));
				});
		jdbc.update("update arc_retention_schedule set retention_days = null");
		jdbc.update("update arc_retention_schedule set retention_days = 3653 where kind = 'MEETING_MINUTES'");
	}

	@AfterEach
	void restoreSchedules() {
		savedSchedules.forEach((kind, days) -> jdbc.update(
				"update arc_retention_schedule set retention_days = ? where kind = ?", days, kind));
	}

	long minutes(Instant occurredAt, Classification classification, String sender, String summary, String content) {
		return support.record(NewArchiveEntry.text(RecordKind.MEETING_MINUTES, "test-minutes",
				run + "-" + UUID.randomUUID(), NewArchiveEntry.Parties.of(sender, "HX9998 收件人"), classification, occurredAt,
				summary, content)).value();
	}

	static Instant yearsAgo(int years) {
		return Instant.now().minus(Duration.ofDays(365L * years + 10));
	}

	boolean hasContent(long id) {
		return jdbc.queryForObject("select content is not null from arc_entry where id = ?", Boolean.class, id);
	}

	Map<String, Object> dispose(String persona) {
		return api.post(persona, "/api/v1/archive/disposals").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("reason", "test run " + run)).retrieve().body(JSON);
	}

	Map<String, Object> hold(Map<String, Object> body) {
		return api.post(Personas.AUDITOR, "/api/v1/archive/legal-holds").contentType(MediaType.APPLICATION_JSON)
			.body(body).retrieve().body(JSON);
	}

	void release(Object id) {
		api.post(Personas.AUDITOR, "/api/v1/archive/legal-holds/{id}/release", id)
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("reason", "case closed " + run)).retrieve()
			.toBodilessEntity();
	}

	VerificationResult verify(String schema) throws SQLException {
		PublicKey key = keys.publicKey();
		try (Connection connection = dataSource.getConnection()) {
			return Verifier.verify(connection, key, schema);
		}
	}

	String schema() {
		return jdbc.queryForObject("select current_schema()", String.class);
	}

	@Test
	void disposalRemovesExpiredContentKeepsHeldAndUnexpiredAndTheChainStillVerifies() throws SQLException {
		// a department with a sub-department that has an active member: the hold on the parent covers that member
		Map<String, Object> member = jdbc.queryForMap("""
				select p.id as department_id, e.employee_no, e.name from dir_department p
				join dir_department c on c.parent_id = p.id
				join dir_employee e on e.department_id = c.id and e.status = 'ACTIVE'
				order by p.id, e.id limit 1""");
		String employee = member.get("employee_no") + " " + member.get("name");

		long expired = minutes(yearsAgo(11), Classification.INTERNAL, "HX9999 测试", "旧会议 " + run, "旧内容 " + run);
		long expiredSecret = minutes(yearsAgo(12), Classification.CONFIDENTIAL, "HX9999 测试", "机密会议 " + run,
				"机密内容 " + run);
		long unexpired = minutes(yearsAgo(9), Classification.INTERNAL, "HX9999 测试", "较新会议 " + run, "新 " + run);
		long byKeyword = minutes(yearsAgo(11), Classification.CONFIDENTIAL, "HX9999 测试", "合同会议 " + run,
				"涉及 KW" + run + " 的条款");
		long byPerson = minutes(yearsAgo(11), Classification.INTERNAL, "HP" + run + " 当事人", "会议 " + run, "当事人");
		long byDepartment = minutes(yearsAgo(11), Classification.INTERNAL, employee, "部门会议 " + run, "部门");
		Instant heldDay = Instant.parse("1985-03-14T04:00:00Z");
		long byDate = minutes(heldDay, Classification.INTERNAL, "HX9999 测试", "日期会议 " + run, "日期");
		long dayAfter = minutes(heldDay.plus(Duration.ofDays(1)), Classification.INTERNAL, "HX9999 测试",
				"次日会议 " + run, "次日");
		support.sealAndCheckpoint();
		long dispositionsBefore = jdbc.queryForObject("select count(*) from arc_disposal", Long.class);

		List<Object> holds = List.of(
				hold(Map.of("caseId", "CASE-K-" + run, "reason", "合同纠纷", "keyword", "kw" + run)).get("id"),
				hold(Map.of("caseId", "CASE-P-" + run, "reason", "劳动争议", "parties", List.of("HP" + run))).get("id"),
				hold(Map.of("caseId", "CASE-D-" + run, "reason", "部门调查", "departmentId",
						member.get("department_id"))).get("id"),
				hold(Map.of("caseId", "CASE-T-" + run, "reason", "监管问询", "from", "1985-03-14", "to", "1985-03-14"))
					.get("id"));

		Map<String, Object> result = dispose(Personas.COMMUNICATION_OFFICER);
		assertThat(((Number) result.get("disposed")).intValue()).isGreaterThanOrEqualTo(3);
		assertThat(((Number) result.get("held")).intValue()).isGreaterThanOrEqualTo(4);

		assertThat(hasContent(expired)).isFalse();
		assertThat(hasContent(expiredSecret)).isFalse();
		assertThat(hasContent(dayAfter)).isFalse();
		assertThat(hasContent(unexpired)).isTrue();
		assertThat(hasContent(byKeyword)).as("held by keyword in encrypted content").isTrue();
		assertThat(hasContent(byPerson)).as("held by person").isTrue();
		assertThat(hasContent(byDepartment)).as("held by department (sub-department member)").isTrue();
		assertThat(hasContent(byDate)).as("held by date range").isTrue();
		// what the chain hashes stays, the nonce and key id go with the content
		Map<String, Object> secret = jdbc.queryForMap("select content_sha256, content_nonce, content_key_id, position "
				+ "from arc_entry where id = ?", expiredSecret);
		assertThat(secret.get("content_sha256")).isNotNull();
		assertThat(secret.get("content_nonce")).isNull();
		assertThat(secret.get("content_key_id")).isNull();

		// the certificate: sealed, internal, plain JSON naming the entries, their positions and kinds, who and why
		Map<String, Object> certificate = jdbc.queryForMap("""
				select c.position, c.classification, c.content_key_id, convert_from(c.content, 'UTF8') as json,
				       c.parties, d.disposed_by
				from arc_disposed_entry x join arc_disposal d on d.id = x.disposal_id
				join arc_entry c on c.id = d.certificate_entry_id where x.entry_id = ?""", expired);
		assertThat(certificate.get("position")).as("sealed right after the batch").isNotNull();
		assertThat(certificate.get("classification")).isEqualTo("INTERNAL");
		assertThat(certificate.get("content_key_id")).isNull();
		assertThat((String) certificate.get("json")).contains("\"format\":\"commhub.archive.disposal.v1\"")
			.contains("{\"id\":" + expired + ",\"position\":")
			.contains("{\"id\":" + expiredSecret + ",\"position\":" + secret.get("position") + ",\"kind\":\"MEETING_MINUTES\"")
			.contains("\"disposedBy\":\"" + Personas.COMMUNICATION_OFFICER + "\"")
			.contains("\"reason\":\"test run " + run + "\"")
			.contains("{\"kind\":\"MEETING_MINUTES\",\"retentionDays\":3653}")
			.doesNotContain("\"id\":" + unexpired + ",");
		assertThat(certificate.get("disposed_by")).isEqualTo(Personas.COMMUNICATION_OFFICER);

		VerificationResult verification = verify(schema());
		assertThat(verification.valid()).as(verification.summary()).isTrue();
		assertThat(verification.disposed()).isGreaterThanOrEqualTo(3);
		assertThat(verification.summary()).contains("disposed=" + verification.disposed());

		// the run is audited, and visible to the auditor
		assertThat(jdbc.queryForObject("select count(*) from arc_audit_event where action = 'archive.disposal.run' "
				+ "and details like ?", Long.class, "%test run " + run + "%")).isEqualTo(1);
		List<Map<String, Object>> listed = api.get(Personas.AUDITOR, "/api/v1/archive/disposals")
			.retrieve().body(new ParameterizedTypeReference<>() {
			});
		assertThat(listed).anySatisfy(d -> assertThat(d.get("reason")).isEqualTo("test run " + run));

		// released holds no longer protect; a run with nothing to dispose writes no certificate
		holds.forEach(this::release);
		long certificatesBefore = jdbc.queryForObject("select count(*) from arc_disposal", Long.class);
		dispose(Personas.ADMIN);
		assertThat(hasContent(byKeyword)).isFalse();
		assertThat(hasContent(byPerson)).isFalse();
		assertThat(hasContent(byDepartment)).isFalse();
		assertThat(hasContent(byDate)).isFalse();
		assertThat(hasContent(unexpired)).isTrue();
		assertThat(jdbc.queryForObject("select count(*) from arc_disposal", Long.class))
			.isGreaterThan(certificatesBefore);
		long afterSecond = jdbc.queryForObject("select count(*) from arc_disposal", Long.class);
		Map<String, Object> nothing = dispose(Personas.ADMIN);
		assertThat(((Number) nothing.get("disposed")).intValue()).isZero();
		assertThat(jdbc.queryForObject("select count(*) from arc_disposal", Long.class)).isEqualTo(afterSecond);
		assertThat(afterSecond).isGreaterThan(dispositionsBefore);
		VerificationResult after = verify(schema());
		assertThat(after.valid()).as(after.summary()).isTrue();
	}

	@Test
	@SuppressWarnings("unchecked")
	void aBacklogIsDisposedInBatchesEachWithItsOwnCertificate() throws SQLException {
		int backlog = 1_100;
		List<Long> ids = new TransactionTemplate(transactionManager).execute(status -> {
			List<Long> recorded = new java.util.ArrayList<>();
			for (int i = 0; i < backlog; i++) {
				recorded.add(recorder.record(NewArchiveEntry.text(RecordKind.MEETING_MINUTES, "test-minutes",
						run + "-" + i, NewArchiveEntry.Parties.of("HX9999 测试", "HX9998 收件人"),
						i % 2 == 0 ? Classification.INTERNAL : Classification.CONFIDENTIAL, yearsAgo(20),
						"积压 " + run + " #" + i, "积压内容 " + run + " " + i)).value());
			}
			return recorded;
		});
		support.sealAndCheckpoint();
		support.awaitSealed(ids.getLast());

		long started = System.nanoTime();
		Map<String, Object> result = dispose(Personas.COMMUNICATION_OFFICER);
		long millis = (System.nanoTime() - started) / 1_000_000;
		System.out.println("disposal of a backlog of " + backlog + " entries: " + millis + " ms, "
				+ ((List<?>) result.get("disposals")).size() + " certificates");

		assertThat(((Number) result.get("disposed")).intValue()).isGreaterThanOrEqualTo(backlog);
		List<Map<String, Object>> disposals = (List<Map<String, Object>>) result.get("disposals");
		assertThat(disposals).hasSizeGreaterThanOrEqualTo(3)
			.allSatisfy(d -> {
				assertThat(((Number) d.get("entryCount")).intValue()).isBetween(1, 500);
				assertThat(d.get("certificatePosition")).as("each certificate sealed").isNotNull();
			});
		assertThat(disposals).extracting(d -> d.get("runId")).containsOnly(result.get("runId"));
		assertThat(jdbc.queryForObject("select count(*) from arc_entry where id = any(?) and content is null",
				Long.class, (Object) ids.toArray(Long[]::new))).isEqualTo(backlog);
		VerificationResult verification = verify(schema());
		assertThat(verification.valid()).as(verification.summary()).isTrue();
		assertThat(verification.disposed()).isGreaterThanOrEqualTo(backlog);
	}

	@Test
	void contentRemovedBehindDisposalsBackIsNamedByTheVerifier() throws SQLException {
		long removed = minutes(Instant.now(), Classification.INTERNAL, "HX9999 测试", "会议 " + run, "内容 " + run);
		support.sealAndCheckpoint();
		long position = support.awaitSealed(removed);
		String copy = "dispose_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			statement.execute("create schema " + copy);
			statement.execute("create table " + copy + ".arc_entry as select * from " + schema() + ".arc_entry");
			statement.execute("create table " + copy + ".arc_checkpoint as select * from " + schema()
					+ ".arc_checkpoint");
			connection.commit();
			connection.setAutoCommit(true);
			// the copy has no trigger, as if a DBA had dropped it
			statement.execute("update " + copy + ".arc_entry set content = null where id = " + removed);
		}
		try {
			VerificationResult result = verify(copy);
			assertThat(result.valid()).as(result.summary()).isFalse();
			assertThat(result.problem()).as(result.summary()).isEqualTo(Problem.CONTENT_REMOVED_WITHOUT_CERTIFICATE);
			assertThat(result.failedPosition()).as(result.summary()).isEqualTo(position);
			assertThat(result.summary()).contains("FAILED at position " + position);
		}
		finally {
			jdbc.execute("drop schema if exists " + copy + " cascade");
		}
	}

	@Test
	void theTriggerRefusesContentRemovalThatIsNotADisposal() {
		long id = minutes(Instant.now(), Classification.INTERNAL, "HX9999 测试", "会议 " + run, "内容 " + run);
		support.sealAndCheckpoint();
		support.awaitSealed(id);
		assertThatThrownBy(() -> jdbc.update("update arc_entry set content = null, content_nonce = null, "
				+ "content_key_id = null where id = ?", id)).isInstanceOf(DataAccessException.class)
			.hasMessageContaining("sealed");
		// listed as disposed in this transaction, but with a hashed field changed as well: refused (rolled back)
		assertThatThrownBy(() -> listedAsDisposed(id, () -> jdbc.update("update arc_entry set content = null, "
				+ "content_nonce = null, content_key_id = null, summary = 'changed' where id = ?", id)))
			.isInstanceOf(DataAccessException.class).hasMessageContaining("sealed");
		assertThat(hasContent(id)).isTrue();
		// the disposal tables are append-only
		assertThatThrownBy(() -> listedAsDisposed(id,
				() -> jdbc.update("delete from arc_disposed_entry where entry_id = ?", id)))
			.isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
		assertThatThrownBy(() -> listedAsDisposed(id,
				() -> jdbc.update("update arc_disposal set reason = 'x' where run_id is not null")))
			.isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
		assertThat(jdbc.queryForObject("select count(*) from arc_disposed_entry where entry_id = ?", Long.class, id))
			.isZero();
	}

	/** Lists the entry as disposed, runs {@code then} in the same transaction, and never commits. */
	void listedAsDisposed(long id, Runnable then) {
		new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
			status.setRollbackOnly();
			long disposal = jdbc.queryForObject("""
					insert into arc_disposal (run_id, batch, disposed_at, disposed_by, entry_count, certificate_entry_id)
					values (gen_random_uuid(), 1, now(), 'test', 1, ?) returning id""", Long.class, id);
			jdbc.update("insert into arc_disposed_entry (entry_id, disposal_id, position, kind) "
					+ "select id, ?, position, kind from arc_entry where id = ?", disposal, id);
			then.run();
		});
	}
}
