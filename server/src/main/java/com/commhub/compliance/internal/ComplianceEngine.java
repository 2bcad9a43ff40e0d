package com.commhub.compliance.internal;

import java.time.Clock;
import java.time.LocalDate;
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
	private final DetectionPass pass;

	ComplianceEngine(PolicyService policies, DictionaryService dictionaries, ComplianceProperties properties,
			ObjectProvider<SpokespersonRegister> spokespersons, Clock clock) {
		this.policies = policies;
		this.dictionaries = dictionaries;
		this.properties = properties;
		this.spokespersons = spokespersons;
		this.detectors = DetectionPass.configured(properties, () -> LocalDate.now(clock));
		this.pass = new DetectionPass(detectors);
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
		return pass.detect(text, keywordsEnabled() ? dictionaries.detector() : null);
	}
}
