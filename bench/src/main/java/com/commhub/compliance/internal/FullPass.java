package com.commhub.compliance.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.commhub.compliance.Finding;

/**
 * CommHub's full detection pass, as {@code ComplianceEngine.detect} runs it with every detector enabled: normalise
 * once, every validated detector, the keyword automaton, findings sorted by position. (The engine itself is a Spring
 * bean fed from the database; this is the same sequence over the same classes.)
 */
final class FullPass {

	private static final Comparator<Finding> ORDER = Comparator.comparingInt(Finding::start)
		.thenComparingInt(Finding::end)
		.thenComparing(Finding::detectorId);

	private final List<Detector> detectors;
	private final KeywordDetector keywords;

	FullPass(KeywordDetector keywords) {
		this.detectors = ValidatedDetectors.all(20, () -> BenchData.TODAY);
		this.keywords = keywords;
	}

	List<Finding> detect(String text) {
		NormalizedText normal = NormalizedText.of(text);
		List<Finding> findings = new ArrayList<>();
		for (Detector detector : detectors) {
			detector.detect(normal, findings);
		}
		keywords.detect(normal, findings);
		findings.sort(ORDER);
		return findings;
	}

	/** Keywords only: normalisation and the automaton with its word-boundary checks and findings. */
	List<Finding> keywordsOnly(String text) {
		NormalizedText normal = NormalizedText.of(text);
		List<Finding> findings = new ArrayList<>();
		keywords.detect(normal, findings);
		return findings;
	}

	static int nodes(BenchData data) {
		return AhoCorasick.build(data.normalisedDictionary()).nodeCount();
	}
}
