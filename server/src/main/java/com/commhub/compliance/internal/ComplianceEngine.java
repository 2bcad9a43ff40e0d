package com.commhub.compliance.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import com.commhub.compliance.ComplianceInspector;
import com.commhub.compliance.Decision;
import com.commhub.compliance.Finding;
import com.commhub.compliance.InspectionRequest;
import com.commhub.compliance.SpokespersonRegister;
import com.commhub.shared.BusinessRuleException;

/**
 * The inspection call: normalise the text once, run the enabled detectors, evaluate the cached active policies.
 * Writes nothing; the only database reads are the cache refreshes of policies and dictionaries.
 */
@Service
@EnableConfigurationProperties(ComplianceProperties.class)
public class ComplianceEngine implements ComplianceInspector {

	private final PolicyService policies;
	private final DictionaryService dictionaries;
	private final ComplianceProperties properties;
	private final ObjectProvider<SpokespersonRegister> spokespersons;
	private final List<Detector> detectors;

	ComplianceEngine(PolicyService policies, DictionaryService dictionaries, ComplianceProperties properties,
			ObjectProvider<SpokespersonRegister> spokespersons, Clock clock) {
		this.policies = policies;
		this.dictionaries = dictionaries;
		this.properties = properties;
		this.spokespersons = spokespersons;
		List<Detector> enabled = new ArrayList<>();
		for (Detector detector : ValidatedDetectors.all(properties.getProximityWindow(),
				() -> LocalDate.now(clock))) {
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
		this.detectors = List.copyOf(enabled);
	}

	/** The configured detectors (keywords excluded), for the officer's overview. */
	public List<Detector> detectors() {
		return detectors;
	}

	public boolean keywordsEnabled() {
		return properties.enabled("keyword");
	}

	@Override
	public Decision inspect(InspectionRequest request) {
		if (request.text().length() > properties.getMaxTextLength()) {
			throw BusinessRuleException.invalid("text", "compliance.text.tooLong", properties.getMaxTextLength());
		}
		List<Finding> findings = detect(request.text());
		return PolicyEvaluator.evaluate(policies.activePolicies(), request, findings,
				spokespersons.getIfAvailable());
	}

	/** All findings in the text, ordered by position. */
	public List<Finding> detect(String text) {
		NormalizedText normal = NormalizedText.of(text);
		List<Finding> findings = new ArrayList<>();
		for (Detector detector : detectors) {
			detector.detect(normal, findings);
		}
		if (keywordsEnabled()) {
			dictionaries.detector().detect(normal, findings);
		}
		// an 18-digit resident ID passes Luhn one time in ten: it is a resident ID, not also a bank card
		findings.removeIf(f -> "bank-card".equals(f.detectorId()) && findings.stream()
			.anyMatch(o -> "resident-id".equals(o.detectorId()) && o.start() == f.start() && o.end() == f.end()));
		findings.sort(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end)
			.thenComparing(Finding::detectorId));
		return findings;
	}
}
