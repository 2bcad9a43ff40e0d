package com.commhub.compliance.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.commhub.compliance.Channel;
import com.commhub.compliance.ComplianceDecisionRecorded;
import com.commhub.compliance.DecisionOutcome;
import com.commhub.compliance.PolicyAction;
import com.commhub.compliance.internal.EvidenceService.FindingRef;
import com.commhub.compliance.internal.EvidenceService.RuleRef;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one {@code cmp_evidence} row and publishes {@link ComplianceDecisionRecorded} (the archive records it) in
 * the caller's transaction: for the sender's decision ({@link EvidenceService#decide}) and for a reviewer's decision
 * on a held item ({@link ApprovalService}), which points back at the held decision with {@code reviewOf}.
 */
@Component
class EvidenceRecorder {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** One evidence row; {@code reviewOf}/{@code reviewer} only for a review of a held item. */
	record Entry(Instant occurredAt, Long senderEmployeeId, String senderLabel, Channel channel, int internalRecipients,
			int externalRecipients, SortedSet<String> recipientDomains, String classification, PolicyAction action,
			DecisionOutcome outcome, List<RuleRef> rules, List<FindingRef> findings, String justification,
			String subjectType, String subjectId, Long reviewOf, String reviewer) {
	}

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;

	EvidenceRecorder(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	long record(Entry e) {
		Long id = jdbc.sql("""
				insert into cmp_evidence (occurred_at, sender_employee_id, sender_label, channel, internal_recipients,
				    external_recipients, recipient_domains, classification, action, outcome, rules, findings,
				    justification, subject_type, subject_id, review_of, reviewer_label)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC), e.senderEmployeeId(),
					truncate(e.senderLabel(), 128), e.channel().name(), e.internalRecipients(),
					e.externalRecipients(), truncate(String.join(",", e.recipientDomains()), 2000), e.classification(),
					e.action().name(), e.outcome().name(), JSON.writeValueAsString(e.rules()),
					JSON.writeValueAsString(e.findings()), e.justification(), truncate(e.subjectType(), 64),
					truncate(e.subjectId(), 128), e.reviewOf(), truncate(e.reviewer(), 128))
			.query(Long.class)
			.single();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("evidenceId", id);
		details.put("channel", e.channel());
		details.put("internalRecipients", e.internalRecipients());
		details.put("externalRecipients", e.externalRecipients());
		details.put("recipientDomains", e.recipientDomains());
		details.put("classification", e.classification());
		details.put("action", e.action());
		details.put("outcome", e.outcome());
		details.put("rules", e.rules());
		details.put("findings", e.findings());
		details.put("justification", e.justification());
		if (e.reviewOf() != null) {
			details.put("reviewOf", e.reviewOf());
			details.put("reviewer", e.reviewer());
		}
		events.publishEvent(new ComplianceDecisionRecorded(id, e.occurredAt(), e.senderEmployeeId(), e.senderLabel(),
				e.channel(), e.action(), e.outcome(), e.rules().stream().map(RuleRef::code).toList(),
				List.copyOf(e.recipientDomains()), e.subjectType(), e.subjectId(), JSON.writeValueAsString(details)));
		return id;
	}

	static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}
}
