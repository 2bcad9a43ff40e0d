package com.commhub.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads the {@code from}/{@code to} bound of a time filter as users and API clients write it: an instant
 * ({@code 2026-03-01T08:00:00Z}), a date-time with an offset, a local date-time or a date in the company's zone.
 * A date as upper bound includes that whole day.
 */
public final class TimeFilter {

	private TimeFilter() {
	}

	/**
	 * @return the bound, or {@code null} when the text is blank
	 * @throws BusinessRuleException naming {@code field}, with {@code badValueCode} and the text as argument
	 */
	public static Instant bound(String field, String text, ZoneId zone, boolean upper, String badValueCode) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.trim();
		try {
			if (value.length() == 10) {
				LocalDate date = LocalDate.parse(value);
				return (upper ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
			}
			if (value.endsWith("Z") || value.endsWith("z")) {
				return Instant.parse(value.toUpperCase(Locale.ROOT));
			}
			if (value.matches(".*[+-]\\d{2}:?\\d{2}$") && value.indexOf('T') > 0) {
				return OffsetDateTime.parse(value).toInstant();
			}
			return LocalDateTime.parse(value).atZone(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw BusinessRuleException.invalid(field, badValueCode, value);
		}
	}
}
