package com.commhub.archive;

import java.time.Instant;

/** An archive access request was approved or rejected; published in the transaction that decides it. */
public record AccessRequestDecided(long requestId, long requesterAccountId, AccessRequestStatus status,
		String caseReference, String decidedBy, Instant occurredAt) {
}
