package com.commhub.compliance.internal;

import java.util.ArrayList;
import java.util.List;

import com.commhub.compliance.Confidence;
import com.commhub.compliance.Finding;
import com.commhub.compliance.SensitiveCategory;

/**
 * All active keyword dictionaries in one Aho-Corasick automaton (one pass over the text, whatever the number of
 * dictionaries and terms). Terms are normalised like the text, so matching ignores case and full-width forms. A term
 * that starts (ends) with a Latin letter or digit only matches at a word boundary, so "ai" does not match in "email".
 * A finding's detector id is {@code keyword:<dictionary code>}.
 */
public final class KeywordDetector implements Detector {

	/** One dictionary's terms as uploaded. */
	public record Dictionary(String code, SensitiveCategory category, List<String> terms) {
	}

	private final AhoCorasick automaton;
	/** Per dictionary: {@code keyword:<code>} and the category, so that a match allocates only its finding. */
	private final String[] detectorIds;
	private final SensitiveCategory[] categories;
	/**
	 * Masked snippets by first character and length class ({@link Masking#term(char, int)} depends on nothing else),
	 * made on first use and shared by all detectors (a race makes the same string twice, harmlessly). A match looks
	 * its snippet up from the text it matched, not from the term, so this read does not wait for another.
	 */
	private static final String[] MASKED = new String[65536 * 8];
	private final List<Dictionary> dictionaries;
	private final int termCount;

	public KeywordDetector(List<Dictionary> dictionaries) {
		this.dictionaries = List.copyOf(dictionaries);
		List<String> terms = new ArrayList<>();
		List<Integer> owners = new ArrayList<>();
		for (int d = 0; d < dictionaries.size(); d++) {
			for (String term : dictionaries.get(d).terms()) {
				String normal = NormalizedText.of(term.strip()).text();
				if (!normal.isEmpty()) {
					terms.add(normal);
					owners.add(d);
				}
			}
		}
		this.termCount = terms.size();
		// what a match needs, reported by the automaton in place of the term: word boundary needed at the start
		// (bit 0) and at the end (bit 1), and the dictionary (the rest)
		int[] values = new int[terms.size()];
		for (int t = 0; t < terms.size(); t++) {
			String term = terms.get(t);
			values[t] = (NormalizedText.isAsciiAlnum(term.charAt(0)) ? 1 : 0)
					| (NormalizedText.isAsciiAlnum(term.charAt(term.length() - 1)) ? 2 : 0) | owners.get(t) << 2;
		}
		this.automaton = AhoCorasick.build(terms, values);
		this.detectorIds = new String[dictionaries.size()];
		this.categories = new SensitiveCategory[dictionaries.size()];
		for (int d = 0; d < dictionaries.size(); d++) {
			detectorIds[d] = "keyword:" + dictionaries.get(d).code();
			categories[d] = dictionaries.get(d).category();
		}
	}

	@Override
	public String id() {
		return "keyword";
	}

	public int termCount() {
		return termCount;
	}

	@Override
	public void detect(NormalizedText text, List<Finding> findings) {
		if (termCount == 0) {
			return;
		}
		char[] chars = text.chars();
		automaton.scan(chars, chars.length, (value, start, end) -> matched(text, chars, value, start, end, findings));
	}

	private void matched(NormalizedText text, char[] chars, int value, int start, int end, List<Finding> findings) {
		if ((value & 1) != 0 && start > 0 && NormalizedText.isAsciiAlnum(chars[start - 1])
				|| (value & 2) != 0 && end < chars.length && NormalizedText.isAsciiAlnum(chars[end])) {
			return;
		}
		int dictionary = value >>> 2;
		findings.add(new Finding(detectorIds[dictionary], categories[dictionary], text.originalStart(start),
				text.originalEnd(end), Confidence.HIGH, masked(chars[start], end - start)));
	}

	private static String masked(char first, int length) {
		int slot = first << 3 | Math.min(8, Math.max(1, length - 1)) - 1;
		String value = MASKED[slot];
		if (value == null) {
			value = Masking.term(first, length);
			MASKED[slot] = value;
		}
		return value;
	}
}
