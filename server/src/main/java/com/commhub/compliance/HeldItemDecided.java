package com.commhub.compliance;

import java.time.Instant;

/**
 * A held item was decided: {@code outcome} is APPROVED or REJECTED (approval queue) or RELEASED or DISCARDED
 * (quarantine). Published in the deciding transaction.
 */
public record HeldItemDecided(long approvalId, boolean quarantine, DecisionOutcome outcome, Long senderEmployeeId,
		String subjectType, String subjectId, String decidedBy, Instant occurredAt) {
}
