package com.commhub.compliance;

import java.util.List;

import com.commhub.shared.Classification;

/**
 * The outcome of an inspection: the action to take (the most severe among matching policies, {@code ALLOW} when
 * none matched), the matching policies (most severe first), the findings (masked), the policy tip of the deciding
 * policy in the requested language ({@code null} when none), and the lowest classification the findings call for
 * ({@code null} when there are none).
 */
public record Decision(PolicyAction action, List<MatchedRule> matchedRules, List<Finding> findings, String tip,
		Classification suggestedClassification) {

	public Decision {
		matchedRules = List.copyOf(matchedRules);
		findings = List.copyOf(findings);
	}

	/** The sender may proceed without anyone else (possibly after a justification for {@code WARN}). */
	public boolean mayProceed() {
		return !action.moreSevereThan(PolicyAction.WARN);
	}
}
