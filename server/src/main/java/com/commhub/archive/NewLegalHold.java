package com.commhub.archive;

import java.util.List;

/**
 * A legal hold as requested. Dates are {@code yyyy-MM-dd} in the company's time zone, {@code to} inclusive; at least
 * one of parties, departmentId, keyword, from/to is required. Validated by the service (field errors).
 */
public record NewLegalHold(String caseId, String reason, List<String> parties, Long departmentId, String keyword,
		String from, String to) {

	public NewLegalHold {
		parties = parties == null ? List.of() : parties.stream().filter(p -> p != null && !p.isBlank())
			.map(String::trim).distinct().toList();
	}
}
