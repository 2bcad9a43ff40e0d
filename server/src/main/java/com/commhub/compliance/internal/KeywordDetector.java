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
	private final int[] termDictionary;
	private final boolean[] wordStart;
	private final boolean[] wordEnd;
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
		this.automaton = AhoCorasick.build(terms);
		this.termDictionary = owners.stream().mapToInt(Integer::intValue).toArray();
		this.wordStart = new boolean[terms.size()];
		this.wordEnd = new boolean[terms.size()];
		for (int t = 0; t < terms.size(); t++) {
			String term = terms.get(t);
			wordStart[t] = NormalizedText.isAsciiAlnum(term.charAt(0));
			wordEnd[t] = NormalizedText.isAsciiAlnum(term.charAt(term.length() - 1));
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
		String value = text.text();
		automaton.scan(value, (term, start, end) -> {
			if (wordStart[term] && start > 0 && NormalizedText.isAsciiAlnum(value.charAt(start - 1))
					|| wordEnd[term] && end < value.length() && NormalizedText.isAsciiAlnum(value.charAt(end))) {
				return;
			}
			Dictionary dictionary = dictionaries.get(termDictionary[term]);
			findings.add(new Finding("keyword:" + dictionary.code(), dictionary.category(), text.originalStart(start),
					text.originalEnd(end), Confidence.HIGH, Masking.term(value.substring(start, end))));
		});
	}
}
