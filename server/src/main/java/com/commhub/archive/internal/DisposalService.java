package com.commhub.archive.internal;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.commhub.archive.ArchiveEntryId;
import com.commhub.archive.ArchiveRecorder;
import com.commhub.archive.Disposal;
import com.commhub.archive.DisposalRun;
import com.commhub.archive.NewArchiveEntry;
import com.commhub.archive.RecordKind;
import com.commhub.security.Audit;
import com.commhub.security.AuditOutcome;
import com.commhub.security.CurrentUser;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.Classification;

/**
 * Disposal (ARC-3): removes the content of sealed entries whose retention period has passed and that no active legal
 * hold covers. Only {@code content}, {@code content_nonce} and {@code content_key_id} become null — what the chain
 * hashes (including {@code content_sha256}) stays, so the chain still verifies. Each batch is one transaction that
 * also lists the entries in {@code arc_disposed_entry} (which the V13 trigger requires) and archives a disposal
 * certificate naming them, so content is never gone without a certificate, and a backlog never becomes one giant
 * transaction. Batches and hold creation serialise on an advisory lock.
 */
@Service
public class DisposalService {

	/** "ARCDISP" in ASCII. */
	static final long LOCK_KEY = 0x41524344_495350L;

	static final String CERTIFICATE_FORMAT = "commhub.archive.disposal.v1";

	private static final Logger log = LoggerFactory.getLogger(DisposalService.class);

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final ArchiveRecorder recorder;
	private final LegalHoldService holds;
	private final ArchiveContents contents;
	private final ArchiveSealer sealer;
	private final Audit audit;
	private final Clock clock;
	private final boolean enabled;
	private final int batchSize;

	DisposalService(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ArchiveRecorder recorder,
			LegalHoldService holds, ArchiveContents contents, ArchiveSealer sealer, Audit audit, Clock clock,
			@Value("${commhub.archive.disposal.enabled:true}") boolean enabled,
			@Value("${commhub.archive.disposal.batch-size:500}") int batchSize) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.recorder = recorder;
		this.holds = holds;
		this.contents = contents;
		this.sealer = sealer;
		this.audit = audit;
		this.clock = clock;
		this.enabled = enabled;
		this.batchSize = batchSize;
	}

	/** Daily by default ({@code commhub.archive.disposal.cron}, company time zone); off with {@code enabled=false}. */
	@Scheduled(cron = "${commhub.archive.disposal.cron:0 30 2 * * *}", zone = "${commhub.time-zone:Asia/Shanghai}")
	void scheduled() {
		if (!enabled) {
			return;
		}
		try {
			DisposalRun run = dispose("system", null);
			if (run.disposed() > 0) {
				audit.recordAs(null, "system", "archive.disposal.run", "disposal-run", run.runId(), null,
						AuditOutcome.SUCCESS, summary(run, null));
			}
		}
		catch (RuntimeException ex) {
			log.warn("Archive disposal failed; retrying on the next run", ex);
		}
	}

	/** "Run disposal now" (ARCHIVE_RETENTION_MANAGE), with the reason recorded in the certificate and the audit. */
	public DisposalRun runNow(String reason) {
		RetentionService.requireManage();
		if (reason == null || reason.isBlank()) {
			throw BusinessRuleException.invalid("reason", "archive.disposal.reasonRequired");
		}
		if (reason.trim().length() > 500) {
			throw BusinessRuleException.invalid("reason", "archive.hold.tooLong", 500);
		}
		String by = CurrentUser.require().getUsername();
		DisposalRun run = dispose(by, reason.trim());
		audit.record("archive.disposal.run", "disposal-run", run.runId(), null, AuditOutcome.SUCCESS,
				summary(run, reason.trim()));
		return run;
	}

	private static String summary(DisposalRun run, String reason) {
		return run.disposed() + " disposed in " + run.disposals().size() + " certificate(s), " + run.held()
				+ " kept by legal holds" + (reason == null ? "" : "; reason: " + reason);
	}

	public List<Disposal> disposals(int limit) {
		RetentionService.requireView();
		return jdbc.query(DISPOSALS + " order by d.id desc limit ?", DisposalService::disposal,
				Math.clamp(limit, 1, 500));
	}

	private static final String DISPOSALS = """
			select d.*, e.position as certificate_position, e.summary as certificate_summary
			from arc_disposal d join arc_entry e on e.id = d.certificate_entry_id""";

	private static Disposal disposal(ResultSet rs, int n) throws SQLException {
		return new Disposal(rs.getLong("id"), rs.getObject("run_id", UUID.class), rs.getInt("batch"),
				rs.getObject("disposed_at", OffsetDateTime.class).toInstant(), rs.getString("disposed_by"),
				rs.getString("reason"), rs.getInt("entry_count"), rs.getLong("certificate_entry_id"),
				rs.getObject("certificate_position") == null ? null : rs.getLong("certificate_position"),
				rs.getString("certificate_summary"));
	}

	/** Disposes everything due, batch by batch; returns what it did. {@code by} is a user name or "system". */
	DisposalRun dispose(String by, String reason) {
		UUID runId = UUID.randomUUID();
		long after = 0;
		int held = 0;
		List<Long> disposalIds = new ArrayList<>();
		while (true) {
			long from = after;
			int batchNo = disposalIds.size() + 1;
			Batch batch = transactions.execute(status -> batch(runId, batchNo, from, by, reason));
			if (batch == null || batch.scanned() == 0) {
				break;
			}
			after = batch.lastPosition();
			held += batch.held();
			if (batch.disposalId() != null) {
				disposalIds.add(batch.disposalId());
				// the verifier accepts removed content only once the certificate is sealed: do not wait for the timer
				sealer.sealNow(false);
			}
		}
		List<Disposal> disposals = disposalIds.isEmpty() ? List.of() : disposalsOf(disposalIds);
		int disposed = disposals.stream().mapToInt(Disposal::entryCount).sum();
		return new DisposalRun(runId, disposed, held, disposals);
	}

	private List<Disposal> disposalsOf(List<Long> ids) {
		return jdbc.query(DISPOSALS + " where d.id = any(?) order by d.id",
				ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids.toArray())),
				DisposalService::disposal);
	}

	private record Batch(int scanned, long lastPosition, int held, Long disposalId) {
	}

	private record Candidate(long id, long position, String kind, String parties, Instant occurredAt, String summary,
			byte[] content, String contentKeyId, int retentionDays) {
	}

	private Batch batch(UUID runId, int batchNo, long after, String by, String reason) {
		jdbc.queryForObject("select pg_advisory_xact_lock(?)::text", String.class, LOCK_KEY);
		Instant now = clock.instant();
		List<LegalHoldService.ActiveHold> active = holds.activeHolds();
		boolean keywordHolds = active.stream().anyMatch(h -> h.keyword() != null);
		List<Candidate> candidates = jdbc.query("""
				select e.id, e.position, e.kind, e.parties, e.occurred_at, e.summary, e.content_key_id,
				       s.retention_days, case when ? then e.content end as content
				from arc_entry e join arc_retention_schedule s on s.kind = e.kind
				where e.position > ? and e.content is not null and s.retention_days is not null
				  and e.kind <> 'DISPOSAL_CERTIFICATE'
				  and e.occurred_at + s.retention_days * interval '1 day' <= ?
				order by e.position limit ?""",
				(rs, n) -> new Candidate(rs.getLong("id"), rs.getLong("position"), rs.getString("kind"),
						rs.getString("parties"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
						rs.getString("summary"), rs.getBytes("content"), rs.getString("content_key_id"),
						rs.getInt("retention_days")),
				keywordHolds, after, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), batchSize);
		if (candidates.isEmpty()) {
			return new Batch(0, after, 0, null);
		}
		List<Candidate> due = new ArrayList<>();
		int held = 0;
		for (Candidate candidate : candidates) {
			if (held(candidate, active)) {
				held++;
			}
			else {
				due.add(candidate);
			}
		}
		long last = candidates.getLast().position();
		if (due.isEmpty()) {
			return new Batch(candidates.size(), last, held, null);
		}
		long disposalId = jdbc.queryForObject("select nextval('arc_disposal_id_seq')", Long.class);
		Map<String, Integer> counts = new TreeMap<>();
		Map<String, Integer> schedules = new TreeMap<>();
		for (Candidate candidate : due) {
			counts.merge(candidate.kind(), 1, Integer::sum);
			schedules.put(candidate.kind(), candidate.retentionDays());
		}
		String certificate = certificate(disposalId, runId, batchNo, now, by, reason, schedules, counts, due);
		StringBuilder summary = new StringBuilder("Disposal certificate " + disposalId + ": " + due.size()
				+ " entries (");
		counts.forEach((kind, count) -> summary.append(summary.charAt(summary.length() - 1) == '(' ? "" : ", ")
			.append(kind).append(' ').append(count));
		summary.append(')');
		ArchiveEntryId certificateId = recorder.record(NewArchiveEntry.text(RecordKind.DISPOSAL_CERTIFICATE,
				"archive-disposal", String.valueOf(disposalId), new NewArchiveEntry.Parties(by, List.of(), List.of()),
				Classification.INTERNAL, now, summary.toString(), certificate));
		jdbc.update("""
				insert into arc_disposal (id, run_id, batch, disposed_at, disposed_by, reason, entry_count,
				    certificate_entry_id) values (?, ?, ?, ?, ?, ?, ?, ?)""", disposalId, runId, batchNo,
				OffsetDateTime.ofInstant(now, ZoneOffset.UTC), by, reason, due.size(), certificateId.value());
		jdbc.batchUpdate("insert into arc_disposed_entry (entry_id, disposal_id, position, kind) values (?, ?, ?, ?)",
				due.stream().map(c -> new Object[] { c.id(), disposalId, c.position(), c.kind() }).toList());
		jdbc.batchUpdate("update arc_entry set content = null, content_nonce = null, content_key_id = null "
				+ "where id = ?", due.stream().map(c -> new Object[] { c.id() }).toList());
		return new Batch(candidates.size(), last, held, disposalId);
	}

	private boolean held(Candidate candidate, List<LegalHoldService.ActiveHold> active) {
		String text = null;
		for (LegalHoldService.ActiveHold hold : active) {
			if (!hold.matchesWithoutContent(candidate.parties(), candidate.occurredAt())) {
				continue;
			}
			if (hold.keyword() == null || hold.matchesText(candidate.summary(), null)) {
				return true;
			}
			if (text == null) {
				try {
					text = plainText(candidate);
				}
				catch (IllegalStateException ex) {
					// unreadable content cannot be shown to be outside the hold: keep it
					log.warn("Archive entry {} kept: {}", candidate.id(), ex.getMessage());
					return true;
				}
			}
			if (hold.matchesText(null, text)) {
				return true;
			}
		}
		return false;
	}

	private String plainText(Candidate candidate) {
		byte[] plain = candidate.contentKeyId() == null ? candidate.content()
				: contents.content(new ArchiveEntryId(candidate.id()));
		return plain == null ? "" : new String(plain, StandardCharsets.UTF_8);
	}

	/**
	 * The certificate's content: plain JSON, keys in a fixed order. The verifier reads the {@code entries} list
	 * ({@code {"id":…,"position":…}} first in each object) to accept removed content.
	 */
	private static String certificate(long disposalId, UUID runId, int batchNo, Instant now, String by, String reason,
			Map<String, Integer> schedules, Map<String, Integer> counts, List<Candidate> due) {
		StringBuilder json = new StringBuilder(128 + due.size() * 96);
		json.append("{\"format\":\"").append(CERTIFICATE_FORMAT).append("\",\"disposal\":").append(disposalId)
			.append(",\"run\":\"").append(runId).append("\",\"batch\":").append(batchNo)
			.append(",\"disposedAt\":\"").append(now).append("\",\"disposedBy\":").append(Json.string(by))
			.append(",\"reason\":").append(Json.string(reason)).append(",\"schedules\":[");
		String separator = "";
		for (Map.Entry<String, Integer> schedule : schedules.entrySet()) {
			json.append(separator).append("{\"kind\":\"").append(schedule.getKey()).append("\",\"retentionDays\":")
				.append(schedule.getValue()).append('}');
			separator = ",";
		}
		json.append("],\"counts\":{");
		separator = "";
		for (Map.Entry<String, Integer> count : counts.entrySet()) {
			json.append(separator).append('"').append(count.getKey()).append("\":").append(count.getValue());
			separator = ",";
		}
		json.append("},\"total\":").append(due.size()).append(",\"entries\":[");
		separator = "";
		for (Candidate candidate : due) {
			json.append(separator).append("{\"id\":").append(candidate.id()).append(",\"position\":")
				.append(candidate.position()).append(",\"kind\":\"").append(candidate.kind())
				.append("\",\"occurredAt\":\"").append(candidate.occurredAt()).append("\"}");
			separator = ",";
		}
		return json.append("]}").toString();
	}
}
