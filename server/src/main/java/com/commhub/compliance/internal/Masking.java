package com.commhub.compliance.internal;

import java.util.Arrays;

/** Masks values so that findings never carry the full value. */
public final class Masking {

	private Masking() {
	}

	/** Keeps {@code head} leading and {@code tail} trailing characters, replacing the rest with '*'. */
	public static String keep(String value, int head, int tail) {
		int n = value.length();
		if (head + tail >= n) {
			head = Math.min(head, Math.max(0, n / 4));
			tail = Math.min(tail, Math.max(0, n / 4));
		}
		StringBuilder out = new StringBuilder(n);
		out.append(value, 0, head);
		out.repeat('*', n - head - tail);
		out.append(value, n - tail, n);
		return out.toString();
	}

	/** {@code 6222 **** **** 1234}. */
	public static String bankCard(String digits) {
		return digits.substring(0, 4) + " **** **** " + digits.substring(digits.length() - 4);
	}

	/** {@code z***@example.com}. */
	public static String email(String value) {
		int at = value.indexOf('@');
		return (at > 0 ? value.charAt(0) : "") + "***" + value.substring(at);
	}

	/** A term or pattern match: its first character, then one '*' per remaining character (at most 8). */
	public static String term(String value) {
		if (value.isEmpty()) {
			return "";
		}
		return term(value.charAt(0), value.length());
	}

	/** {@link #term(String)} of a value of {@code length} characters starting with {@code first}. */
	public static String term(char first, int length) {
		char[] out = new char[1 + Math.min(8, Math.max(1, length - 1))];
		Arrays.fill(out, '*');
		out[0] = first;
		return new String(out);
	}
}
