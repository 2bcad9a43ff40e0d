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
	/** Per dictionary: {@code keyword:<code>} and the category, so that a match allocates only its finding. */
	private final String[] detectorIds;
	private final SensitiveCategory[] categories;
	/**
	 * The distinct masked snippets of the terms ({@link Masking#term(char, int)} depends only on the first character
	 * and the length, so about ten thousand for 100,000 terms: a small array that stays in the cache), indexed from
	 * the match's value.
	 */
	private final String[] masked;
	/** Where a value keeps the index into {@link #masked}. */
	private final int maskShift;
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
		// (bit 0) and at the end (bit 1), the dictionary, and the masked snippet's index (the rest)
		this.maskShift = 2 + 32 - Integer.numberOfLeadingZeros(Math.max(1, dictionaries.size() - 1));
		Map<Integer, Integer> maskIndex = new HashMap<>();
		List<String> masks = new ArrayList<>();
		int[] values = new int[terms.size()];
		for (int t = 0; t < terms.size(); t++) {
			String term = terms.get(t);
			char first = term.charAt(0);
			int length = Math.min(9, term.length());
			int mask = maskIndex.computeIfAbsent(first << 4 | length, key -> {
				masks.add(Masking.term(first, length));
				return masks.size() - 1;
			});
			if (mask >= 1 << 31 - maskShift) {
				throw new IllegalArgumentException("too many dictionaries to index their masked terms");
			}
			values[t] = (NormalizedText.isAsciiAlnum(first) ? 1 : 0)
					| (NormalizedText.isAsciiAlnum(term.charAt(term.length() - 1)) ? 2 : 0) | owners.get(t) << 2
					| mask << maskShift;
		}
		this.masked = masks.toArray(String[]::new);
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
		int dictionary = value >>> 2 & (1 << maskShift - 2) - 1;
		findings.add(new Finding(detectorIds[dictionary], categories[dictionary], text.originalStart(start),
				text.originalEnd(end), Confidence.HIGH, masked[value >>> maskShift]));
	}
}
