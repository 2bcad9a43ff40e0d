package com.commhub.archive;

import java.util.List;

/**
 * What someone asks to read in the archive (ARC-4), as typed: people are 工号 or exact party strings, departments
 * include their sub-departments, an empty kind list means every kind, dates are ISO dates or instants ({@code to}
 * as a date includes that day), the ceiling is the highest classification to be shown, the duration is in days.
 */
public record NewAccessRequest(String purpose, String caseReference, List<String> people, List<Long> departmentIds,
		List<String> kinds, String from, String to, String classificationCeiling, Integer durationDays) {

	public NewAccessRequest {
		people = people == null ? List.of() : people.stream().filter(p -> p != null && !p.isBlank()).toList();
		departmentIds = departmentIds == null ? List.of() : departmentIds.stream().filter(d -> d != null).toList();
		kinds = kinds == null ? List.of() : kinds.stream().filter(k -> k != null && !k.isBlank()).toList();
	}
}
