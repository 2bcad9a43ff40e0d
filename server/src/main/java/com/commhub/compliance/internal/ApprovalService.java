package com.commhub.compliance.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.commhub.compliance.ComplianceDecisions.Approver;
import com.commhub.compliance.HeldItemHandler;
import com.commhub.security.Audit;
import com.commhub.security.AuditOutcome;
import com.commhub.security.CommHubUser;
import com.commhub.security.CurrentUser;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.NotFoundException;

/**
 * The approval queue ({@code cmp_approval}): held items, the approver's list and decisions. Only the named approver
 * sees or decides an item (everyone else gets 404). Deciding calls the content module's {@link HeldItemHandler} in
 * the same transaction and is audited.
 */
@Service
public class ApprovalService {

	private static final Logger log = LoggerFactory.getLogger(ApprovalService.class);

	public enum Status {
		PENDING, APPROVED, REJECTED
	}

	public record ApprovalView(long id, long evidenceId, String subjectType, String subjectId, Long senderEmployeeId,
			String senderLabel, String approverLabel, Status status, String note, Instant createdAt,
			Instant decidedAt) {
	}

	private final JdbcClient jdbc;
	private final ObjectProvider<HeldItemHandler> handlers;
	private final Audit audit;
	private final Clock clock;

	ApprovalService(JdbcClient jdbc, ObjectProvider<HeldItemHandler> handlers, Audit audit, Clock clock) {
		this.jdbc = jdbc;
		this.handlers = handlers;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void hold(long evidenceId, String subjectType, String subjectId, Long senderEmployeeId, String senderLabel,
			Approver approver, Instant now) {
		jdbc.sql("""
				insert into cmp_approval (evidence_id, subject_type, subject_id, sender_employee_id, sender_label,
				    approver_employee_id, approver_label, status, created_at)
				values (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)""")
			.params(evidenceId, truncate(subjectType, 64), truncate(subjectId, 128), senderEmployeeId,
					truncate(senderLabel, 128), approver.employeeId(), truncate(approver.label(), 128),
					OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update();
	}

	/** The pending items the signed-in user is named to decide, oldest first. */
	@Transactional(readOnly = true)
	public List<ApprovalView> mine() {
		Long me = CurrentUser.find().map(CommHubUser::employeeId).orElse(null);
		if (me == null) {
			return List.of();
		}
		return jdbc.sql("select * from cmp_approval where approver_employee_id = ? and status = 'PENDING' order by id")
			.param(me)
			.query((rs, n) -> view(rs))
			.list();
	}

	@Transactional
	public ApprovalView approve(long id, String note) {
		return decide(id, Status.APPROVED, note);
	}

	@Transactional
	public ApprovalView reject(long id, String note) {
		return decide(id, Status.REJECTED, note);
	}

	private ApprovalView decide(long id, Status status, String note) {
		String reason = note == null || note.isBlank() ? null : note.strip();
		if (reason != null && reason.length() > 2000) {
			throw BusinessRuleException.invalid("note", "compliance.approval.noteTooLong", 2000);
		}
		Long me = CurrentUser.find().map(CommHubUser::employeeId).orElse(null);
		ApprovalView item = me == null ? null : jdbc.sql(
				"select * from cmp_approval where id = ? and approver_employee_id = ? for update")
			.params(id, me)
			.query((rs, n) -> view(rs))
			.optional()
			.orElse(null);
		if (item == null) {
			throw new NotFoundException("approval", id);
		}
		if (item.status() != Status.PENDING) {
			throw BusinessRuleException.conflict("status", "compliance.approval.alreadyDecided");
		}
		jdbc.sql("update cmp_approval set status = ?, note = ?, decided_at = ? where id = ?")
			.params(status.name(), reason, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), id)
			.update();
		Optional<HeldItemHandler> handler = handlers.orderedStream()
			.filter(h -> item.subjectType().equals(h.subjectType()))
			.findFirst();
		if (handler.isPresent()) {
			if (status == Status.APPROVED) {
				handler.get().release(item.subjectId());
			}
			else {
				handler.get().discard(item.subjectId(), reason);
			}
		}
		else {
			log.warn("No HeldItemHandler for subject type {}; approval {} recorded without a callback",
					item.subjectType(), id);
		}
		audit.record("compliance.approval." + status.name().toLowerCase(java.util.Locale.ROOT), item.subjectType(),
				item.subjectId(), "evidence " + item.evidenceId(), AuditOutcome.SUCCESS, reason);
		return new ApprovalView(item.id(), item.evidenceId(), item.subjectType(), item.subjectId(),
				item.senderEmployeeId(), item.senderLabel(), item.approverLabel(), status, reason, item.createdAt(),
				clock.instant());
	}

	private static ApprovalView view(java.sql.ResultSet rs) throws java.sql.SQLException {
		OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
		return new ApprovalView(rs.getLong("id"), rs.getLong("evidence_id"), rs.getString("subject_type"),
				rs.getString("subject_id"), rs.getObject("sender_employee_id", Long.class), rs.getString("sender_label"),
				rs.getString("approver_label"), Status.valueOf(rs.getString("status")), rs.getString("note"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				decided == null ? null : decided.toInstant());
	}

	private static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}
}
