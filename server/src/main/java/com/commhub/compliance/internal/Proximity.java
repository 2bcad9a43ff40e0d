package com.commhub.compliance.internal;

import java.util.List;

/** Whether one of the keywords occurs within a window of characters before or after a match (normalised text). */
final class Proximity {

	private Proximity() {
	}

	static boolean near(NormalizedText text, int start, int end, int window, List<String> keywords) {
		String value = text.text();
		int from = Math.max(0, start - window);
		int to = Math.min(value.length(), end + window);
		String before = value.substring(from, start);
		String after = value.substring(end, to);
		for (String keyword : keywords) {
			if (before.contains(keyword) || after.contains(keyword)) {
				return true;
			}
		}
		return false;
	}
}
