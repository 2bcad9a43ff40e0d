package com.commhub.compliance.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
	/** Per term: word boundary needed at the start (bit 0) and at the end (bit 1), and the dictionary (the rest). */
	private final int[] termInfo;
	/** Per dictionary: {@code keyword:<code>} and the category, so that a match allocates only its finding. */
	private final String[] detectorIds;
	private final SensitiveCategory[] categories;
	/**
	 * Per term, its masked snippet ({@link Masking#term(char, int)}), one string shared by all terms with the same first
	 * character and length class. Indexed by term like {@link #termInfo}, so that a match reads both at once.
	 */
	private final String[] masked;
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
		int[] termInfo = new int[terms.size()];
		for (int t = 0; t < terms.size(); t++) {
			String term = terms.get(t);
			termInfo[t] = (NormalizedText.isAsciiAlnum(term.charAt(0)) ? 1 : 0)
					| (NormalizedText.isAsciiAlnum(term.charAt(term.length() - 1)) ? 2 : 0) | owners.get(t) << 2;
		}
		this.termInfo = termInfo;
		this.masked = new String[terms.size()];
		Map<Integer, String> shared = new HashMap<>();
		for (int t = 0; t < terms.size(); t++) {
			char first = terms.get(t).charAt(0);
			int length = Math.min(9, terms.get(t).length());
			masked[t] = shared.computeIfAbsent(first << 4 | length, key -> Masking.term(first, length));
		}
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
		int info = termInfo[term];
		if ((info & 1) != 0 && start > 0 && NormalizedText.isAsciiAlnum(chars[start - 1])
				|| (info & 2) != 0 && end < chars.length && NormalizedText.isAsciiAlnum(chars[end])) {
			return;
		}
		int dictionary = info >>> 2;
		findings.add(new Finding(detectorIds[dictionary], categories[dictionary], text.originalStart(start),
				text.originalEnd(end), Confidence.HIGH, masked[term]));
	}
}
