package com.commhub.compliance.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.commhub.compliance.Finding;

/**
 * Splits the inspected text into plain and marked segments (overlapping findings merged). The template renders
 * every segment escaped ({@code th:text}) and wraps marked ones in {@code <mark>}; user text is never unescaped.
 */
final class Highlighting {

	record Segment(String text, boolean marked, String title) {
	}

	private Highlighting() {
	}

	static List<Segment> segments(String text, List<Finding> findings) {
		List<Finding> sorted = new ArrayList<>(findings);
		sorted.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
				: Integer.compare(b.end(), a.end()));
		List<Segment> segments = new ArrayList<>();
		int at = 0;
		int i = 0;
		while (i < sorted.size()) {
			int start = Math.max(at, Math.min(sorted.get(i).start(), text.length()));
			int end = Math.min(sorted.get(i).end(), text.length());
			Set<String> titles = new LinkedHashSet<>();
			titles.add(sorted.get(i).detectorId() + " " + sorted.get(i).maskedSnippet());
			i++;
			while (i < sorted.size() && sorted.get(i).start() < end) {
				end = Math.max(end, Math.min(sorted.get(i).end(), text.length()));
				titles.add(sorted.get(i).detectorId() + " " + sorted.get(i).maskedSnippet());
				i++;
			}
			if (end <= start) {
				continue;
			}
			if (start > at) {
				segments.add(new Segment(text.substring(at, start), false, null));
			}
			segments.add(new Segment(text.substring(start, end), true, String.join(", ", titles)));
			at = end;
		}
		if (at < text.length()) {
			segments.add(new Segment(text.substring(at), false, null));
		}
		return segments;
	}
}
