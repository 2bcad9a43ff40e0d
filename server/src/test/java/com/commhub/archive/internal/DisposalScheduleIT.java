package com.commhub.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.commhub.IntegrationTest;
import com.commhub.archive.ArchiveRecorder;
import com.commhub.archive.NewArchiveEntry;
import com.commhub.archive.RecordKind;
import com.commhub.shared.Classification;

/**
 * The scheduled disposal (ARC-3) runs as "system": it writes its certificate and its audit event under that name,
 * and a second run with nothing due writes neither. Schedules are narrowed to one kind, as in RetentionDisposalIT.
 */
@IntegrationTest
class DisposalScheduleIT {

	@Autowired
	DisposalService disposal;
	@Autowired
	ArchiveRecorder recorder;
	@Autowired
	ArchiveSealer sealer;
	@Autowired
	PlatformTransactionManager transactionManager;
	@Autowired
	JdbcTemplate jdbc;

	final Map<String, Integer> saved = new HashMap<>();
	final String run = UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void narrowSchedules() {
		jdbc.query("select kind, retention_days from arc_retention_schedule", rs -> {
			saved.put(rs.getString(1), (Integer) rs.getObject(2));
		});
		jdbc.update("update arc_retention_schedule set retention_days = null");
		jdbc.update("update arc_retention_schedule set retention_days = 3653 where kind = 'TASK_RECORD'");
	}

	@AfterEach
	void restore() {
		saved.forEach((kind, days) -> jdbc.update("update arc_retention_schedule set retention_days = ? where kind = ?",
				days, kind));
	}

	@Test
	void theScheduledRunDisposesAsSystemAndAnEmptyRunLeavesNoTrace() {
		long id = new TransactionTemplate(transactionManager).execute(status -> recorder.record(NewArchiveEntry.text(
				RecordKind.TASK_RECORD, "test-task", run, NewArchiveEntry.Parties.of("HX9999 测试"),
				Classification.INTERNAL, Instant.now().minus(Duration.ofDays(4000)), "旧任务 " + run, "任务内容 " + run))
			.value());
		sealer.sealNow(true);

		disposal.scheduled();

		assertThat(jdbc.queryForObject("select content is null from arc_entry where id = ?", Boolean.class, id)).isTrue();
		Map<String, Object> certificate = jdbc.queryForMap("""
				select d.disposed_by, d.reason, d.run_id::text as run_id, c.parties, c.position
				from arc_disposed_entry x join arc_disposal d on d.id = x.disposal_id
				join arc_entry c on c.id = d.certificate_entry_id where x.entry_id = ?""", id);
		assertThat(certificate.get("disposed_by")).isEqualTo("system");
		assertThat(certificate.get("reason")).isNull();
		assertThat((String) certificate.get("parties")).startsWith("{\"sender\":\"system\"");
		assertThat(certificate.get("position")).isNotNull();
		assertThat(jdbc.queryForObject("select count(*) from arc_audit_event where action = 'archive.disposal.run' "
				+ "and actor_name = 'system' and target_id = ?", Long.class, certificate.get("run_id"))).isEqualTo(1);

		long disposals = jdbc.queryForObject("select count(*) from arc_disposal", Long.class);
		long audits = jdbc.queryForObject("select count(*) from arc_audit_event where action = 'archive.disposal.run'",
				Long.class);
		disposal.scheduled();
		assertThat(jdbc.queryForObject("select count(*) from arc_disposal", Long.class)).isEqualTo(disposals);
		assertThat(jdbc.queryForObject("select count(*) from arc_audit_event where action = 'archive.disposal.run'",
				Long.class)).isEqualTo(audits);
	}
}
