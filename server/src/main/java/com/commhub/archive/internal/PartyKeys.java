package com.commhub.archive.internal;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a party is matched against an access scope. Parties are recorded as display strings ("HT1020 王芳",
 * "HT1041", an organisation's name); an entry's party matches a scope key when its whole string or its first word
 * (the 工号) equals the key, case-insensitively.
 */
final class PartyKeys {

	/** A 工号 such as HT1040: letters then digits. */
	private static final Pattern EMPLOYEE_NO = Pattern.compile("[A-Za-z]{1,8}\\d{1,12}");

	private PartyKeys() {
	}

	/** The keys under which one recorded party string is indexed and matched. */
	static Set<String> of(String party) {
		Set<String> keys = new LinkedHashSet<>();
		if (party == null || party.isBlank()) {
			return keys;
		}
		String whole = normalise(party);
		keys.add(whole);
		int space = whole.indexOf(' ');
		if (space > 0) {
			keys.add(whole.substring(0, space));
		}
		return keys;
	}

	/** The key a requested person is matched by: the 工号 when the text starts with one, else the whole string. */
	static String scopeKey(String requested) {
		String whole = normalise(requested);
		int space = whole.indexOf(' ');
		String first = space > 0 ? whole.substring(0, space) : whole;
		return EMPLOYEE_NO.matcher(first).matches() ? first : whole;
	}

	private static String normalise(String text) {
		return text.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
	}
}
