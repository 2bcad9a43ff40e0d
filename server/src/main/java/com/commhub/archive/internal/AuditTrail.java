package com.commhub.archive.internal;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.Predicate;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.commhub.archive.ArchiveRecorder;
import com.commhub.archive.AuditEventView;
import com.commhub.archive.AuditQuery;
import com.commhub.archive.NewArchiveEntry;
import com.commhub.archive.RecordKind;
import com.commhub.security.AuditEvent;
import com.commhub.security.CurrentUser;
import com.commhub.security.Permission;
import com.commhub.shared.Classification;
import com.commhub.shared.PageResult;

/**
 * Stores audit events synchronously, inside the publisher's transaction (MANDATORY: {@code Audit.record} always
 * opens or joins one), and answers the auditor's queries.
 */
@Service
public class AuditTrail {

	private final AuditRecords records;
	private final ArchiveRecorder archive;

	AuditTrail(AuditRecords records, ArchiveRecorder archive) {
		this.records = records;
		this.archive = archive;
	}

	/**
	 * Records the event twice in the same transaction: in the queryable index {@code arc_audit_event} and as an
	 * AUDIT_EVENT entry of the chain (SEC-7), whose subject is the index row.
	 */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AuditEvent event) {
		AuditRecord saved = records.save(new AuditRecord(event));
		String summary = event.action() + " " + event.outcome()
				+ (event.targetType() == null ? "" : " " + event.targetType() + ":" + event.targetId())
				+ (event.targetLabel() == null ? "" : " " + event.targetLabel());
		String content = "{\"actorAccountId\":" + event.actorAccountId() + ",\"sourceIp\":"
				+ Json.string(event.sourceIp()) + ",\"details\":" + Json.string(event.details()) + "}";
		archive.record(NewArchiveEntry.text(RecordKind.AUDIT_EVENT, "audit-event", String.valueOf(saved.id()),
				new NewArchiveEntry.Parties(event.actorName(), List.of(), List.of()), Classification.INTERNAL,
				event.occurredAt(), summary, content));
	}

	@Transactional(readOnly = true)
	public PageResult<AuditEventView> search(AuditQuery query, int page, int size) {
		if (!CurrentUser.has(Permission.AUDIT_READ)) {
			throw new AccessDeniedException("audit trail");
		}
		var result = records.findAll(specification(query),
				PageRequest.of(Math.max(page, 0), Math.clamp(size, 1, 200), Sort.by(Sort.Direction.DESC, "id")));
		return PageResult.of(result).map(AuditRecord::view);
	}

	private static Specification<AuditRecord> specification(AuditQuery query) {
		return (root, cq, cb) -> {
			List<Predicate> predicates = new ArrayList<>();
			if (query.action() != null && !query.action().isBlank()) {
				predicates.add(cb.like(root.get("action"), query.action().trim() + "%"));
			}
			if (query.actor() != null && !query.actor().isBlank()) {
				predicates.add(cb.equal(cb.lower(root.get("actorName")), query.actor().trim().toLowerCase()));
			}
			if (query.outcome() != null && !query.outcome().isBlank()) {
				predicates.add(cb.equal(root.get("outcome"), query.outcome().trim().toUpperCase()));
			}
			if (query.from() != null) {
				predicates.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), query.from()));
			}
			if (query.to() != null) {
				predicates.add(cb.lessThan(root.get("occurredAt"), query.to()));
			}
			return cb.and(predicates.toArray(Predicate[]::new));
		};
	}
}
