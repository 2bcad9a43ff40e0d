package com.commhub.compliance;

import java.time.Instant;

/**
 * An item is held for its named approver (REQUIRE_APPROVAL); published in the transaction that holds it, so that
 * listeners (notifications) act only after it commits.
 */
public record ApprovalRequested(long approvalId, long approverEmployeeId, Long senderEmployeeId, String senderLabel,
		String subjectType, String subjectId, Instant occurredAt) {
}
