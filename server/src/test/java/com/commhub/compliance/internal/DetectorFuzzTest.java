package com.commhub.compliance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.commhub.compliance.Confidence;
import com.commhub.compliance.Finding;
import com.commhub.compliance.SensitiveCategory;

/**
 * Jazzer fuzz tests for the detectors. In a normal build they run in regression mode over the seed inputs in
 * {@code src/test/resources/com/commhub/compliance/internal/DetectorFuzzTestInputs/<method>/}; with
 * {@code JAZZER_FUZZ=1} they fuzz (see docs/modules/compliance.md). Invariants: no exception, every finding lies
 * inside the original text, and the masked snippet never carries the whole value.
 */
class DetectorFuzzTest {

	static final List<Detector> VALIDATED = ValidatedDetectors.all(20, () -> LocalDate.of(2026, 11, 24));
	static final RegexDetector CONTRACT = new RegexDetector("contract-number", "\\bht-[0-9]{4}-[0-9]{6}\\b",
			SensitiveCategory.CUSTOMER_DATA, Confidence.MEDIUM, "ht-");
	static final RegexDetector NESTED = new RegexDetector("nested", "(a+)+b|[0-9]{3,}", null, null);

	@FuzzTest(maxDuration = "2m")
	void validatedDetectors(FuzzedDataProvider data) {
		String text = data.consumeRemainingAsString();
		for (Detector detector : VALIDATED) {
			check(text, detector);
		}
	}

	@FuzzTest(maxDuration = "2m")
	void keywordAutomaton(FuzzedDataProvider data) {
		List<String> terms = new ArrayList<>();
		int count = data.consumeInt(0, 20);
		for (int i = 0; i < count; i++) {
			terms.add(data.consumeString(12));
		}
		String text = data.consumeRemainingAsString();
		KeywordDetector detector = new KeywordDetector(
				List.of(new KeywordDetector.Dictionary("fuzz", SensitiveCategory.UNPUBLISHED_STRATEGY, terms)));
		List<Finding> findings = check(text, detector);
		// the automaton reports every occurrence a naive search finds (word boundaries aside)
		NormalizedText normal = NormalizedText.of(text);
		AhoCorasick automaton = AhoCorasick.build(terms.stream()
			.map(t -> NormalizedText.of(t.strip()).text())
			.filter(t -> !t.isEmpty())
			.toList());
		int[] hits = new int[1];
		automaton.scan(normal.text(), (term, start, end) -> {
			assertThat(start).isBetween(0, end - 1);
			assertThat(end).isLessThanOrEqualTo(normal.length());
			hits[0]++;
		});
		assertThat(findings.size()).isLessThanOrEqualTo(hits[0]);
	}

	@FuzzTest(maxDuration = "2m")
	void regexDetector(FuzzedDataProvider data) {
		String text = data.consumeRemainingAsString();
		check(text, CONTRACT);
		check(text, NESTED);
	}

	static List<Finding> check(String text, Detector detector) {
		NormalizedText normal = NormalizedText.of(text);
		List<Finding> findings = new ArrayList<>();
		detector.detect(normal, findings);
		for (Finding finding : findings) {
			assertThat(finding.start()).as("%s in %s", finding, text).isBetween(0, text.length() - 1);
			assertThat(finding.end()).as("%s in %s", finding, text).isBetween(finding.start() + 1, text.length());
			String value = text.substring(finding.start(), finding.end());
			String normalValue = NormalizedText.of(value).text();
			// a value that is its first character and asterisks looks like its own mask: nothing is hidden
			if (normalValue.length() >= 2 && !normalValue.substring(1).chars().allMatch(c -> c == '*')) {
				assertThat(finding.maskedSnippet()).as("%s", finding)
					.doesNotContain(value)
					.doesNotContain(normalValue);
			}
		}
		return findings;
	}
}
