package com.commhub.compliance.internal;

import java.util.List;

/** Whether one of the keywords occurs within a window of characters before or after a match (normalised text). */
final class Proximity {

	private Proximity() {
	}

	static boolean near(NormalizedText text, int start, int end, int window, List<String> keywords) {
		char[] chars = text.chars();
		int from = Math.max(0, start - window);
		int to = Math.min(chars.length, end + window);
		for (String keyword : keywords) {
			if (occurs(chars, from, start, keyword) || occurs(chars, end, to, keyword)) {
				return true;
			}
		}
		return false;
	}

	/** Whether {@code keyword} lies entirely within {@code chars[from, to)}. */
	private static boolean occurs(char[] chars, int from, int to, String keyword) {
		int m = keyword.length();
		for (int i = from; i + m <= to; i++) {
			int k = 0;
			while (k < m && chars[i + k] == keyword.charAt(k)) {
				k++;
			}
			if (k == m) {
				return true;
			}
		}
		return false;
	}
}
