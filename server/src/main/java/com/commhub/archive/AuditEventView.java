package com.commhub.archive;

import java.time.Instant;

/** One row of the audit trail as the auditor sees it. */
public record AuditEventView(long id, Instant occurredAt, Long actorAccountId, String actorName, String action,
		String targetType, String targetId, String targetLabel, String outcome, String sourceIp, String details) {
}
