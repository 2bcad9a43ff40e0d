package com.commhub.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A legal hold (ARC-3): while active, no entry it covers is disposed. The criteria combine with AND; the persons
 * and the department's members together are the custodians. {@code to} is inclusive (a date in the company's zone).
 */
public record LegalHold(long id, String caseId, String reason, List<String> parties, Long departmentId,
		String departmentLabel, List<String> departmentMembers, String keyword, LocalDate from, LocalDate to,
		Instant createdAt, String createdBy, Instant releasedAt, String releasedBy, String releaseReason) {

	public boolean active() {
		return releasedAt == null;
	}
}
