package com.commhub.archive;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.TimeFilter;

/** Filters for reading the audit trail; every field is optional. {@code to} is exclusive. */
public record AuditQuery(String action, String actor, String outcome, Instant from, Instant to) {

	private static final Set<String> OUTCOMES = Set.of("SUCCESS", "FAILURE", "DENIED");

	public static AuditQuery all() {
		return new AuditQuery(null, null, null, null, null);
	}

	/**
	 * Reads the filter as typed in a form or a query string. {@code from} and {@code to} may be ISO instants
	 * ({@code 2026-03-01T08:00:00Z}), date-times with an offset, local date-times or dates in {@code zone}; a date
	 * as {@code to} includes that whole day.
	 *
	 * @throws BusinessRuleException naming the parameter ({@code from}, {@code to}, {@code outcome}) that cannot be read
	 */
	public static AuditQuery parse(String action, String actor, String outcome, String from, String to, ZoneId zone) {
		String normalisedOutcome = blankToNull(outcome);
		if (normalisedOutcome != null) {
			normalisedOutcome = normalisedOutcome.toUpperCase(Locale.ROOT);
			if (!OUTCOMES.contains(normalisedOutcome)) {
				throw BusinessRuleException.invalid("outcome", "validation.badValue");
			}
		}
		Instant start = instant("from", from, zone, false);
		Instant end = instant("to", to, zone, true);
		return new AuditQuery(blankToNull(action), blankToNull(actor), normalisedOutcome, start, end);
	}

	private static Instant instant(String field, String text, ZoneId zone, boolean endOfDay) {
		return TimeFilter.bound(field, text, zone, endOfDay, "audit.badDate");
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
