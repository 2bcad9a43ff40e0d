package com.commhub.archive.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Marks the query's words in a text: the text is segmented with the index's analyzer (so 合同 is marked inside
 * 采购合同的, and "contracts" for "contract"), every character is HTML-escaped and the matched words are wrapped in
 * {@code <mark>}. The result is the only markup the pages insert unescaped.
 */
final class Highlights {

	static final int SNIPPET_CONTEXT = 60;

	private Highlights() {
	}

	record Span(int start, int end) {
	}

	static List<Span> spans(ArchiveIndex index, String text, Set<String> words) {
		List<Span> spans = new ArrayList<>();
		if (words.isEmpty()) {
			return spans;
		}
		index.tokens(text, (word, start, end) -> {
			if (words.contains(word)) {
				if (!spans.isEmpty() && spans.getLast().end() >= start) {
					spans.set(spans.size() - 1, new Span(spans.getLast().start(), Math.max(end, spans.getLast().end())));
				}
				else {
					spans.add(new Span(start, end));
				}
			}
		});
		return spans;
	}

	/** The whole text, escaped, with the words marked. */
	static String html(ArchiveIndex index, String text, Set<String> words) {
		if (text == null) {
			return "";
		}
		return render(text, spans(index, text, words), 0, text.length());
	}

	/** A window of the text around its first match (or its beginning), escaped, with the words marked. */
	static String snippet(ArchiveIndex index, String text, Set<String> words) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		List<Span> spans = spans(index, text, words);
		int centre = spans.isEmpty() ? 0 : spans.getFirst().start();
		int from = Math.max(0, centre - SNIPPET_CONTEXT);
		int to = Math.min(text.length(), Math.max(centre, from) + 2 * SNIPPET_CONTEXT);
		return (from > 0 ? "…" : "") + render(text, spans, from, to) + (to < text.length() ? "…" : "");
	}

	private static String render(String text, List<Span> spans, int from, int to) {
		StringBuilder out = new StringBuilder();
		int at = from;
		for (Span span : spans) {
			if (span.end() <= from || span.start() >= to) {
				continue;
			}
			int start = Math.max(span.start(), at);
			int end = Math.min(span.end(), to);
			escape(text, at, start, out);
			out.append("<mark>");
			escape(text, start, end, out);
			out.append("</mark>");
			at = end;
		}
		escape(text, at, to, out);
		return out.toString();
	}

	static void escape(String text, int from, int to, StringBuilder out) {
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
	}
}
