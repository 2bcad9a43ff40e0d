package com.commhub.security;

import java.time.Instant;

/**
 * One security-relevant or administrative action (SEC-7), published synchronously inside the acting transaction.
 * The archive module records it in that same transaction, so a rolled-back action leaves no audit row and a
 * committed one always has one; later the archive chains these rows.
 */
public record AuditEvent(Instant occurredAt, Long actorAccountId, String actorName, String action, String targetType,
		String targetId, String targetLabel, AuditOutcome outcome, String sourceIp, String details) {
}
