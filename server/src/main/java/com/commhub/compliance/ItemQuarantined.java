package com.commhub.compliance;

import java.time.Instant;

/** An item is held for review by any communication officer (QUARANTINE); published in the holding transaction. */
public record ItemQuarantined(long approvalId, Long senderEmployeeId, String senderLabel, String subjectType,
		String subjectId, Instant occurredAt) {
}
