package com.commhub.compliance;

import java.time.Instant;
import java.util.List;

/**
 * Published synchronously, inside the caller's transaction, whenever a compliance decision is kept as evidence.
 * {@code details} is the evidence as JSON (masked snippets only, never the values).
 */
public record ComplianceDecisionRecorded(long evidenceId, Instant occurredAt, Long senderEmployeeId,
		String senderLabel, Channel channel, PolicyAction action, DecisionOutcome outcome, List<String> ruleCodes,
		List<String> recipientDomains, String subjectType, String subjectId, String details) {

	public ComplianceDecisionRecorded {
		ruleCodes = List.copyOf(ruleCodes);
		recipientDomains = List.copyOf(recipientDomains);
	}
}
