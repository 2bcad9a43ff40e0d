package com.commhub.directory.internal;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Mainland China phone numbers. Mobile: 11 digits starting 13–19, optionally written with +86 and separators.
 * Office: area code 0xx/0xxx, 7–8 digit number and an optional extension; or a 400/800 service number.
 */
final class PhoneNumbers {

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
	/** Area codes: 010 and 02x have three digits, all others (03xx–09xx) four, so 02162880001 is 021-62880001. */
	private static final Pattern OFFICE = Pattern.compile("(0(?:10|2\\d|[3-9]\\d{2}))-?(\\d{7,8})(?:-(\\d{1,6}))?");
	private static final Pattern SERVICE = Pattern.compile("[48]00-?\\d{3}-?\\d{4}");

	private PhoneNumbers() {
	}

	/** The mobile number as 11 digits, or empty when it is not one. */
	static Optional<String> normaliseMobile(String input) {
		String digits = input.replaceAll("[\\s-]", "");
		if (digits.startsWith("+86")) {
			digits = digits.substring(3);
		}
		else if (digits.startsWith("0086")) {
			digits = digits.substring(4);
		}
		return MOBILE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
	}

	/** The office number as {@code 021-62880001[-123]}, or empty when it is not one. */
	static Optional<String> normaliseOffice(String input) {
		String compact = input.trim().replaceAll("[\\s()（）]", "").replace('—', '-');
		if (compact.startsWith("+86")) {
			compact = "0" + compact.substring(3).replaceFirst("^-", "");
		}
		var office = OFFICE.matcher(compact);
		if (office.matches()) {
			return Optional.of(office.group(1) + "-" + office.group(2)
					+ (office.group(3) == null ? "" : "-" + office.group(3)));
		}
		if (SERVICE.matcher(compact).matches()) {
			return Optional.of(compact);
		}
		return Optional.empty();
	}
}
