package com.commhub.archive;

import java.time.Instant;

/** An archive access request was made (ARC-4); published in the transaction that stores it. */
public record AccessRequestSubmitted(long requestId, long requesterAccountId, String requesterLabel,
		String caseReference, Instant occurredAt) {
}
