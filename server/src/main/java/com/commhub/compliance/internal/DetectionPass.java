package com.commhub.compliance.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import com.commhub.compliance.Finding;

/**
 * The detection part of an inspection: normalise the text once, run the validated detectors in their shared pass,
 * the keyword automaton, then the configured patterns, and order the findings by position.
 * {@link ComplianceEngine} runs it, and so do the benchmarks in {@code bench/}, which therefore measure exactly this
 * code. Nothing here allocates per character or per candidate; per message there are the normalised text and the
 * findings.
 */
final class DetectionPass {

	/** By start, end, detector id; written out rather than composed, as it runs for every finding of every text. */
	static final Comparator<Finding> ORDER = (a, b) -> {
		int order = Integer.compare(a.start(), b.start());
		if (order == 0) {
			order = Integer.compare(a.end(), b.end());
		}
		return order != 0 ? order : a.detectorId().compareTo(b.detectorId());
	};

	private final ValidatedDetectors.Combined validated;
	private final Detector[] others;

	/** @param detectors the enabled detectors, keywords excluded */
	DetectionPass(List<Detector> detectors) {
		List<Detector> validatedOnes = new ArrayList<>();
		List<Detector> rest = new ArrayList<>();
		for (Detector detector : detectors) {
			(ValidatedDetectors.isValidated(detector) ? validatedOnes : rest).add(detector);
		}
		this.validated = validatedOnes.isEmpty() ? null : ValidatedDetectors.combined(validatedOnes);
		this.others = rest.toArray(Detector[]::new);
	}

	/** The detectors the configuration enables (keywords excluded): validated ones, then configured patterns. */
	static List<Detector> configured(ComplianceProperties properties, Supplier<LocalDate> today) {
		List<Detector> enabled = new ArrayList<>();
		for (Detector detector : ValidatedDetectors.all(properties.getProximityWindow(), today)) {
			if (properties.enabled(detector.id())) {
				enabled.add(detector);
			}
		}
		for (ComplianceProperties.PatternProperties pattern : properties.getPatterns()) {
			RegexDetector detector = new RegexDetector(pattern.getName(), pattern.getRegex(), pattern.getCategory(),
					pattern.getConfidence(), pattern.getHint());
			if (properties.enabled(detector.id())) {
				enabled.add(detector);
			}
		}
		return List.copyOf(enabled);
	}

	/** All findings in the text, ordered by position; {@code keywords} may be null (keywords off). */
	List<Finding> detect(String text, KeywordDetector keywords) {
		NormalizedText normal = NormalizedText.of(text);
		List<Finding> findings = new ArrayList<>(16);
		if (validated != null) {
			validated.scan(normal, findings);
		}
		// bank cards and resident IDs come only from the validated pass: without its findings there is nothing to drop
		boolean validatedFound = !findings.isEmpty();
		if (keywords != null) {
			keywords.detect(normal, findings);
		}
		for (Detector detector : others) {
			detector.detect(normal, findings);
		}
		if (validatedFound) {
			dropCardsThatAreResidentIds(findings);
		}
		findings.sort(ORDER);
		return findings;
	}

	/** An 18-digit resident ID passes Luhn one time in ten: it is a resident ID, not also a bank card. */
	static void dropCardsThatAreResidentIds(List<Finding> findings) {
		boolean cards = false;
		for (int i = 0; i < findings.size() && !cards; i++) {
			cards = "bank-card".equals(findings.get(i).detectorId());
		}
		if (cards) {
			findings.removeIf(f -> "bank-card".equals(f.detectorId()) && findings.stream()
				.anyMatch(o -> "resident-id".equals(o.detectorId()) && o.start() == f.start() && o.end() == f.end()));
		}
	}
}
