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

	/**
	 * The terms, each with all a match needs in one long, kept by the automaton next to the node's outputs (the same
	 * cache line): word boundary at the start (bit 0) and at the end (bit 1), the first character (bits 2-17), the
	 * dictionary (bits 18-39) and the length (bits 40-63).
	 */
	private final AhoCorasick automaton;
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
		this.automaton = AhoCorasick.build(terms, termInfo);
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
		AhoCorasick automaton = this.automaton;
		char[] chars = text.chars();
		int state = 0;
		for (int i = 0; i < chars.length; i++) {
			state = automaton.step(state, chars[i]);
			int out = automaton.output(state);
			if (out >= 0) {
				matched(text, chars, i, out, findings);
			}
		}
	}

	private void matched(NormalizedText text, char[] chars, int i, int first, List<Finding> findings) {
		AhoCorasick automaton = this.automaton;
		int n = chars.length;
		for (int out = first; out >= 0; out = automaton.nextOutput(out)) {
			long info = automaton.payload(out);
			int end = i + 1;
			int start = end - (int) (info >>> 40);
			if ((info & 1) != 0 && start > 0 && NormalizedText.isAsciiAlnum(chars[start - 1])
					|| (info & 2) != 0 && end < n && NormalizedText.isAsciiAlnum(chars[end])) {
				continue;
			}
			int dictionary = (int) (info >>> 18 & 0x3FFFFF);
			findings.add(new Finding(detectorIds[dictionary], categories[dictionary], text.originalStart(start),
					text.originalEnd(end), Confidence.HIGH, masked(info)));
		}
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
