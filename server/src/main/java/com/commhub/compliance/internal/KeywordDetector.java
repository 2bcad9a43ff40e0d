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
	/**
	 * Per term, all a match needs in one long: word boundary at the start (bit 0) and at the end (bit 1), the first
	 * character (bits 2-17), the dictionary (bits 18-39) and the length (bits 40-63).
	 */
	private final long[] termInfo;
	/** Per dictionary: {@code keyword:<code>} and the category, so that a match allocates only its finding. */
	private final String[] detectorIds;
	private final SensitiveCategory[] categories;
	/**
	 * Masked snippets by first character and length class ({@link Masking#term(char, int)} depends on nothing else),
	 * made on first use (a race makes the same string twice, harmlessly): far fewer, and so more often cached, than
	 * one per term.
	 */
	private final String[] masked = new String[65536 * 8];
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
		long[] termInfo = new long[terms.size()];
		for (int t = 0; t < terms.size(); t++) {
			String term = terms.get(t);
			termInfo[t] = (NormalizedText.isAsciiAlnum(term.charAt(0)) ? 1L : 0L)
					| (NormalizedText.isAsciiAlnum(term.charAt(term.length() - 1)) ? 2L : 0L)
					| (long) term.charAt(0) << 2 | (long) owners.get(t) << 18 | (long) term.length() << 40;
		}
		this.termInfo = termInfo;
		this.automaton = AhoCorasick.build(terms);
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
		automaton.scan(chars, chars.length, (term, start, end) -> matched(text, chars, term, start, end, findings));
	}

	private void matched(NormalizedText text, char[] chars, int term, int start, int end, List<Finding> findings) {
		long info = termInfo[term];
		if ((info & 1) != 0 && start > 0 && NormalizedText.isAsciiAlnum(chars[start - 1])
				|| (info & 2) != 0 && end < chars.length && NormalizedText.isAsciiAlnum(chars[end])) {
			return;
		}
		int dictionary = (int) (info >>> 18 & 0x3FFFFF);
		findings.add(new Finding(detectorIds[dictionary], categories[dictionary], text.originalStart(start),
				text.originalEnd(end), Confidence.HIGH, masked(info)));
	}

	private String masked(long info) {
		char first = (char) (info >>> 2);
		int length = (int) (info >>> 40);
		int slot = first << 3 | Math.min(8, Math.max(1, length - 1)) - 1;
		String value = masked[slot];
		if (value == null) {
			value = Masking.term(first, length);
			masked[slot] = value;
		}
		return value;
	}
}
