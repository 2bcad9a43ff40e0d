package com.commhub.archive.internal;

import java.util.List;
import java.util.Objects;

import com.commhub.shared.BusinessRuleException;

/**
 * What to put into an export package (ARC-5): the package metadata shown in the manifest and index, and the
 * {@code arc_entry} ids to export. The caller (the access-request flow) has checked that the request was approved.
 */
public record ExportRequest(String title, String caseReference, String requestedBy, String approvedBy, String purpose,
		List<Long> entryIds) {

	public ExportRequest {
		if (title == null || title.isBlank()) {
			throw BusinessRuleException.invalid("title", "archive.export.error.titleRequired");
		}
		if (purpose == null || purpose.isBlank()) {
			throw BusinessRuleException.invalid("purpose", "archive.export.error.purposeRequired");
		}
		if (entryIds == null || entryIds.isEmpty() || entryIds.stream().anyMatch(Objects::isNull)) {
			throw BusinessRuleException.invalid("entryIds", "archive.export.error.entriesRequired");
		}
		entryIds = List.copyOf(entryIds);
	}
}
