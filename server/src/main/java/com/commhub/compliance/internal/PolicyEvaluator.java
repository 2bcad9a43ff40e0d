package com.commhub.compliance.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.commhub.compliance.Decision;
import com.commhub.compliance.Finding;
import com.commhub.compliance.InspectionRequest;
import com.commhub.compliance.InspectionRequest.Attachment;
import com.commhub.compliance.InspectionRequest.Recipient;
import com.commhub.compliance.MatchedRule;
import com.commhub.compliance.PolicyAction;
import com.commhub.compliance.SpokespersonRegister;
import com.commhub.shared.Classification;

/**
 * Evaluates the active policies against a request and its findings. Precedence: exceptions are checked first (a
 * policy whose exception applies does not match); then every policy whose scope and conditions hold matches; the
 * most severe action wins (BLOCK &gt; QUARANTINE &gt; REQUIRE_APPROVAL &gt; WARN &gt; AUDIT &gt; ALLOW), ties are
 * broken by the lower priority number, then by code. The winner's tip is shown.
 */
public final class PolicyEvaluator {

	/** An active policy in the version that is evaluated. */
	public record CompiledPolicy(long id, int version, PolicyDefinition definition) {
	}

	static final Comparator<CompiledPolicy> PRECEDENCE = Comparator
		.comparing((CompiledPolicy p) -> p.definition().action().severity()).reversed()
		.thenComparingInt(p -> p.definition().priority())
		.thenComparing(p -> p.definition().code());

	private PolicyEvaluator() {
	}

	public static Decision evaluate(List<CompiledPolicy> policies, InspectionRequest request, List<Finding> findings,
			SpokespersonRegister spokespersons) {
		List<CompiledPolicy> matched = new ArrayList<>();
		for (CompiledPolicy policy : policies) {
			if (matches(policy.definition(), request, findings, spokespersons)) {
				matched.add(policy);
			}
		}
		matched.sort(PRECEDENCE);
		PolicyAction action = matched.isEmpty() ? PolicyAction.ALLOW : matched.getFirst().definition().action();
		String tip = matched.isEmpty() ? null : tip(matched.getFirst().definition(), request.locale());
		Classification suggested = null;
		for (Finding finding : findings) {
			if (finding.category() != null) {
				Classification minimum = finding.category().minimumClassification();
				if (suggested == null || minimum.atLeast(suggested)) {
					suggested = minimum;
				}
			}
		}
		List<MatchedRule> rules = matched.stream()
			.map(p -> new MatchedRule(p.id(), p.definition().code(), p.definition().name(), p.version(),
					p.definition().action()))
			.toList();
		return new Decision(action, rules, findings, tip, suggested);
	}

	static String tip(PolicyDefinition definition, Locale locale) {
		boolean english = locale != null && "en".equals(locale.getLanguage());
		String tip = english ? definition.tipEn() : definition.tipZh();
		if (tip == null || tip.isBlank()) {
			tip = english ? definition.tipZh() : definition.tipEn();
		}
		return tip == null || tip.isBlank() ? null : tip;
	}

	public static boolean matches(PolicyDefinition policy, InspectionRequest request, List<Finding> findings,
			SpokespersonRegister spokespersons) {
		return inScope(policy.scope(), request) && !excepted(policy.exceptions(), request, spokespersons)
				&& conditionsHold(policy.conditions(), request, findings);
	}

	static boolean inScope(PolicyDefinition.Scope scope, InspectionRequest request) {
		if (!scope.channels().isEmpty() && !scope.channels().contains(request.channel())) {
			return false;
		}
		boolean external = request.hasExternalRecipient();
		if (scope.recipients() == PolicyDefinition.RecipientScope.EXTERNAL && !external
				|| scope.recipients() == PolicyDefinition.RecipientScope.INTERNAL && external) {
			return false;
		}
		if (!scope.senderDepartmentIds().isEmpty()
				&& request.senderDepartmentIds().stream().noneMatch(scope.senderDepartmentIds()::contains)) {
			return false;
		}
		return scope.classifications().isEmpty() || request.classification() != null
				&& scope.classifications().contains(request.classification());
	}

	static boolean excepted(PolicyDefinition.Exceptions exceptions, InspectionRequest request,
			SpokespersonRegister spokespersons) {
		if (!exceptions.partnerDomains().isEmpty() && request.hasExternalRecipient()
				&& request.recipients().stream().filter(Recipient::external)
					.allMatch(r -> inDomains(r.domain(), exceptions.partnerDomains()))) {
			return true;
		}
		return exceptions.authorisedSpokespersons() && spokespersons != null
				&& spokespersons.isAuthorised(request.senderEmployeeId(), request.channel());
	}

	static boolean conditionsHold(PolicyDefinition.Conditions conditions, InspectionRequest request,
			List<Finding> findings) {
		if (conditions.findings() != null && count(conditions.findings(), findings) < conditions.findings().minCount()) {
			return false;
		}
		if (conditions.classificationAtLeast() != null && (request.classification() == null
				|| !request.classification().atLeast(conditions.classificationAtLeast()))) {
			return false;
		}
		if (conditions.attachmentMinSize() != null
				&& request.attachments().stream().noneMatch(a -> a.size() >= conditions.attachmentMinSize())) {
			return false;
		}
		if (!conditions.attachmentTypes().isEmpty()
				&& request.attachments().stream().noneMatch(a -> ofType(a, conditions.attachmentTypes()))) {
			return false;
		}
		if (!conditions.recipientDomainsDenied().isEmpty() && request.recipients().stream()
			.noneMatch(r -> inDomains(r.domain(), conditions.recipientDomainsDenied()))) {
			return false;
		}
		if (!conditions.recipientDomainsAllowed().isEmpty() && request.recipients().stream()
			.filter(Recipient::external)
			.allMatch(r -> inDomains(r.domain(), conditions.recipientDomainsAllowed()))) {
			return false;
		}
		return conditions.minRecipients() == null || request.recipients().size() >= conditions.minRecipients();
	}

	static int count(PolicyDefinition.FindingCondition condition, List<Finding> findings) {
		int count = 0;
		for (Finding finding : findings) {
			if (finding.confidence().atLeast(condition.minConfidence())
					&& (condition.detectors().isEmpty() || condition.detectors().stream()
						.anyMatch(d -> detectorMatches(d, finding.detectorId())))
					&& (condition.categories().isEmpty() || condition.categories().contains(finding.category()))) {
				count++;
			}
		}
		return count;
	}

	static boolean detectorMatches(String wanted, String actual) {
		return wanted.equals(actual) || actual.startsWith(wanted + ":");
	}

	static boolean inDomains(String domain, List<String> domains) {
		if (domain == null) {
			return false;
		}
		for (String entry : domains) {
			String d = entry.trim().toLowerCase(Locale.ROOT);
			if (d.startsWith("@")) {
				d = d.substring(1);
			}
			if (!d.isEmpty() && (domain.equals(d) || domain.endsWith("." + d))) {
				return true;
			}
		}
		return false;
	}

	static boolean ofType(Attachment attachment, List<String> types) {
		String name = attachment.name() == null ? "" : attachment.name().toLowerCase(Locale.ROOT);
		String contentType = attachment.contentType() == null ? "" : attachment.contentType().toLowerCase(Locale.ROOT);
		for (String type : types) {
			String t = type.trim().toLowerCase(Locale.ROOT);
			if (t.startsWith(".") ? name.endsWith(t) : !t.isEmpty() && contentType.startsWith(t)) {
				return true;
			}
		}
		return false;
	}
}
