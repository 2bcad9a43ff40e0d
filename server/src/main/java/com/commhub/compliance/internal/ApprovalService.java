package com.commhub.compliance.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.commhub.compliance.ApprovalRequested;
import com.commhub.compliance.ComplianceDecisions.Approver;
import com.commhub.compliance.DecisionOutcome;
import com.commhub.compliance.HeldItemDecided;
import com.commhub.compliance.HeldItemHandler;
import com.commhub.compliance.ItemQuarantined;
import com.commhub.compliance.internal.EvidenceService.EvidenceView;
import com.commhub.security.Audit;
import com.commhub.security.AuditOutcome;
import com.commhub.security.CommHubUser;
import com.commhub.security.CurrentUser;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.NotFoundException;

/**
 * Held items ({@code cmp_approval}) in two queues: {@code APPROVAL} (REQUIRE_APPROVAL; only the named approver sees
 * or decides an item) and {@code QUARANTINE} (QUARANTINE; any communication officer — COMPLIANCE_MANAGE — reviews
 * it). Everyone else gets 404. A decision calls the content module's {@link HeldItemHandler} in the same transaction,
 * is kept as evidence pointing at the held decision (archived like every decision) and is audited.
 */
@Service
public class ApprovalService {

	private static final Logger log = LoggerFactory.getLogger(ApprovalService.class);
	static final int MAX_NOTE = 2000;

	public enum Queue {
		APPROVAL, QUARANTINE
	}

	public enum Status {
		PENDING, APPROVED, REJECTED, RELEASED, DISCARDED;

		boolean delivers() {
			return this == APPROVED || this == RELEASED;
		}
	}

	public record ApprovalView(long id, Queue queue, long evidenceId, String subjectType, String subjectId,
			Long senderEmployeeId, String senderLabel, String approverLabel, Status status, String note,
			Instant createdAt, Instant decidedAt, String decidedBy) {
	}

	/** A quarantined item with the held decision (masked findings only), for the officer's review. */
	public record QuarantineItem(ApprovalView item, EvidenceView evidence) {
	}

	private final JdbcClient jdbc;
	private final ObjectProvider<HeldItemHandler> handlers;
	private final Audit audit;
	private final Clock clock;
	private final ComplianceAccess access;
	private final EvidenceRecorder recorder;
	private final ApplicationEventPublisher events;

	ApprovalService(JdbcClient jdbc, ObjectProvider<HeldItemHandler> handlers, Audit audit, Clock clock,
			ComplianceAccess access, EvidenceRecorder recorder, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.handlers = handlers;
		this.audit = audit;
		this.clock = clock;
		this.access = access;
		this.recorder = recorder;
		this.events = events;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void hold(long evidenceId, String subjectType, String subjectId, Long senderEmployeeId, String senderLabel,
			Approver approver, Instant now) {
		long id = insert(Queue.APPROVAL, evidenceId, subjectType, subjectId, senderEmployeeId, senderLabel,
				approver.employeeId(), approver.label(), now);
		events.publishEvent(new ApprovalRequested(id, approver.employeeId(), senderEmployeeId, senderLabel,
				subjectType, subjectId, now));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void quarantine(long evidenceId, String subjectType, String subjectId, Long senderEmployeeId, String senderLabel,
			Instant now) {
		long id = insert(Queue.QUARANTINE, evidenceId, subjectType, subjectId, senderEmployeeId, senderLabel, null,
				null, now);
		events.publishEvent(new ItemQuarantined(id, senderEmployeeId, senderLabel, subjectType, subjectId, now));
	}

	private long insert(Queue queue, long evidenceId, String subjectType, String subjectId, Long senderEmployeeId,
			String senderLabel, Long approverId, String approverLabel, Instant now) {
		return jdbc.sql("""
				insert into cmp_approval (queue, evidence_id, subject_type, subject_id, sender_employee_id,
				    sender_label, approver_employee_id, approver_label, status, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?) returning id""")
			.params(queue.name(), evidenceId, truncate(subjectType, 64), truncate(subjectId, 128), senderEmployeeId,
					truncate(senderLabel, 128), approverId, truncate(approverLabel, 128),
					OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

	/** The pending items the signed-in user is named to decide, oldest first. */
	@Transactional(readOnly = true)
	public List<ApprovalView> mine() {
		Long me = CurrentUser.find().map(CommHubUser::employeeId).orElse(null);
		if (me == null) {
			return List.of();
		}
		return jdbc.sql("""
				select * from cmp_approval where queue = 'APPROVAL' and approver_employee_id = ? and status = 'PENDING'
				order by id""")
			.param(me)
			.query((rs, n) -> view(rs))
			.list();
	}

	/** The quarantine queue, oldest first (COMPLIANCE_MANAGE). */
	@Transactional(readOnly = true)
	public List<QuarantineItem> quarantined() {
		access.requireManage();
		List<ApprovalView> items = jdbc.sql("""
				select * from cmp_approval where queue = 'QUARANTINE' and status = 'PENDING' order by id""")
			.query((rs, n) -> view(rs))
			.list();
		Map<Long, EvidenceView> held = new HashMap<>();
		jdbc.sql("""
				select * from cmp_evidence where id in
				    (select evidence_id from cmp_approval where queue = 'QUARANTINE' and status = 'PENDING')""")
			.query((rs, n) -> EvidenceService.view(rs))
			.list()
			.forEach(e -> held.put(e.id(), e));
		return items.stream().map(item -> new QuarantineItem(item, held.get(item.evidenceId()))).toList();
	}

	@Transactional
	public ApprovalView approve(long id, String note) {
		return decide(id, Queue.APPROVAL, Status.APPROVED, note);
	}

	@Transactional
	public ApprovalView reject(long id, String note) {
		return decide(id, Queue.APPROVAL, Status.REJECTED, note);
	}

	@Transactional
	public ApprovalView release(long id, String note) {
		return decide(id, Queue.QUARANTINE, Status.RELEASED, note);
	}

	@Transactional
	public ApprovalView discard(long id, String note) {
		return decide(id, Queue.QUARANTINE, Status.DISCARDED, note);
	}

	private ApprovalView decide(long id, Queue queue, Status status, String note) {
		String reason = note == null || note.isBlank() ? null : note.strip();
		if (reason != null && reason.length() > MAX_NOTE) {
			throw BusinessRuleException.invalid("note", "compliance.approval.noteTooLong", MAX_NOTE);
		}
		ApprovalView item = lockForDecision(id, queue).orElseThrow(() -> new NotFoundException("approval", id));
		if (item.status() != Status.PENDING) {
			throw BusinessRuleException.conflict("status", "compliance.approval.alreadyDecided");
		}
		Instant now = clock.instant();
		String decidedBy = CurrentUser.find().map(u -> u.getUsername() + " " + u.displayName()).orElse("system");
		jdbc.sql("update cmp_approval set status = ?, note = ?, decided_at = ?, decided_by = ? where id = ?")
			.params(status.name(), reason, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), truncate(decidedBy, 128), id)
			.update();
		Optional<HeldItemHandler> handler = handlers.orderedStream()
			.filter(h -> item.subjectType().equals(h.subjectType()))
			.findFirst();
		if (handler.isPresent()) {
			if (status.delivers()) {
				handler.get().release(item.subjectId());
			}
			else {
				handler.get().discard(item.subjectId(), reason);
			}
		}
		else {
			log.warn("No HeldItemHandler for subject type {}; {} {} recorded without a callback",
					item.subjectType(), queue, id);
		}
		recordReview(item, status, reason, decidedBy, now);
		events.publishEvent(new HeldItemDecided(item.id(), queue == Queue.QUARANTINE,
				DecisionOutcome.valueOf(status.name()), item.senderEmployeeId(), item.subjectType(), item.subjectId(),
				decidedBy, now));
		audit.record((queue == Queue.APPROVAL ? "compliance.approval." : "compliance.quarantine.")
				+ status.name().toLowerCase(Locale.ROOT), item.subjectType(), item.subjectId(),
				"evidence " + item.evidenceId(), AuditOutcome.SUCCESS, reason);
		return new ApprovalView(item.id(), queue, item.evidenceId(), item.subjectType(), item.subjectId(),
				item.senderEmployeeId(), item.senderLabel(), item.approverLabel(), status, reason, item.createdAt(),
				now, decidedBy);
	}

	/** The item if the signed-in user may decide it: the named approver, or for quarantine any officer. */
	private Optional<ApprovalView> lockForDecision(long id, Queue queue) {
		if (queue == Queue.QUARANTINE) {
			if (!access.canManage()) {
				return Optional.empty();
			}
			return jdbc.sql("select * from cmp_approval where id = ? and queue = 'QUARANTINE' for update")
				.param(id)
				.query((rs, n) -> view(rs))
				.optional();
		}
		Long me = CurrentUser.find().map(CommHubUser::employeeId).orElse(null);
		if (me == null) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select * from cmp_approval where id = ? and queue = 'APPROVAL' and approver_employee_id = ?
				for update""")
			.params(id, me)
			.query((rs, n) -> view(rs))
			.optional();
	}

	/** The reviewer's decision as evidence: the held decision's facts, the review outcome and the note. */
	private void recordReview(ApprovalView item, Status status, String note, String reviewer, Instant now) {
		EvidenceView held = jdbc.sql("select * from cmp_evidence where id = ?")
			.param(item.evidenceId())
			.query((rs, n) -> EvidenceService.view(rs))
			.single();
		recorder.record(new EvidenceRecorder.Entry(now, held.senderEmployeeId(), held.senderLabel(), held.channel(),
				held.internalRecipients(), held.externalRecipients(), new TreeSet<>(held.recipientDomains()),
				held.classification(), held.action(), DecisionOutcome.valueOf(status.name()), held.rules(),
				held.findings(), note, held.subjectType(), held.subjectId(), held.id(), reviewer));
	}

	private static ApprovalView view(java.sql.ResultSet rs) throws java.sql.SQLException {
		OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
		return new ApprovalView(rs.getLong("id"), Queue.valueOf(rs.getString("queue")), rs.getLong("evidence_id"),
				rs.getString("subject_type"), rs.getString("subject_id"), rs.getObject("sender_employee_id", Long.class),
				rs.getString("sender_label"), rs.getString("approver_label"), Status.valueOf(rs.getString("status")),
				rs.getString("note"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				decided == null ? null : decided.toInstant(), rs.getString("decided_by"));
	}

	private static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}
}
