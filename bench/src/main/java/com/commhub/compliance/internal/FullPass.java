package com.commhub.compliance.internal;

import java.util.ArrayList;
import java.util.List;

import com.commhub.compliance.Finding;

/**
 * CommHub's full detection pass: the {@link DetectionPass} that {@code ComplianceEngine.detect} runs, configured as
 * the engine is by default (every validated detector, the default configured pattern, the keyword automaton). (The
 * engine itself is a Spring bean fed from the database; this is the same object over the same classes.)
 */
final class FullPass {

	private final DetectionPass pass;
	private final KeywordDetector keywords;

	FullPass(KeywordDetector keywords) {
		this.pass = new DetectionPass(DetectionPass.configured(new ComplianceProperties(), () -> BenchData.TODAY));
		this.keywords = keywords;
	}

	List<Finding> detect(String text) {
		return pass.detect(text, keywords);
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
