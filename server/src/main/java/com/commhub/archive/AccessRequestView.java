package com.commhub.archive;

import java.time.Instant;
import java.util.List;

import com.commhub.shared.Classification;

/**
 * An archive access request as its requester and the approvers see it. {@code parties} is the resolved scope: the
 * people asked for plus the members of the departments (and sub-departments) at the time of the request.
 */
public record AccessRequestView(long id, String requesterName, String requesterLabel, String purpose,
		String caseReference, List<String> people, List<Long> departmentIds, List<String> parties,
		List<RecordKind> kinds, Instant from, Instant to, Classification classificationCeiling, int durationDays,
		AccessRequestStatus status, Instant requestedAt, String decidedBy, Instant decidedAt, String decisionReason,
		Instant expiresAt) {

	/** Approved and not yet expired: its scope may be searched and read by the requester. */
	public boolean active() {
		return status == AccessRequestStatus.APPROVED;
	}
}
