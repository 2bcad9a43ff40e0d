package com.commhub.compliance.internal;

import java.util.List;
import java.util.Set;

import com.commhub.compliance.Channel;
import com.commhub.compliance.Confidence;
import com.commhub.compliance.PolicyAction;
import com.commhub.compliance.SensitiveCategory;
import com.commhub.shared.Classification;

/**
 * The rules of one policy version, as stored (JSON) and exported/imported. Empty sets in the scope mean "any"; a
 * {@code null} condition is not checked; all conditions that are set must hold.
 */
public record PolicyDefinition(String code, String name, String description, Integer priority, PolicyAction action,
		String tipZh, String tipEn, Scope scope, Conditions conditions, Exceptions exceptions) {

	public PolicyDefinition {
		priority = priority == null ? 100 : priority;
		scope = scope == null ? new Scope(null, null, null, null) : scope;
		conditions = conditions == null ? new Conditions(null, null, null, null, null, null, null) : conditions;
		exceptions = exceptions == null ? new Exceptions(null, null) : exceptions;
	}

	public enum RecipientScope {
		/** Always. */
		ANY,
		/** No recipient is external (including content without recipients). */
		INTERNAL,
		/** At least one recipient is external. */
		EXTERNAL
	}

	public record Scope(Set<Channel> channels, RecipientScope recipients, Set<Long> senderDepartmentIds,
			Set<Classification> classifications) {

		public Scope {
			channels = channels == null ? Set.of() : Set.copyOf(channels);
			recipients = recipients == null ? RecipientScope.ANY : recipients;
			senderDepartmentIds = senderDepartmentIds == null ? Set.of() : Set.copyOf(senderDepartmentIds);
			classifications = classifications == null ? Set.of() : Set.copyOf(classifications);
		}
	}

	/**
	 * @param findings findings of the named detectors/categories at or above a confidence, at least minCount of them
	 * @param classificationAtLeast the declared classification is at or above this level
	 * @param attachmentMinSize some attachment has at least this many bytes
	 * @param attachmentTypes some attachment has one of these extensions (".zip") or content types ("application/zip")
	 * @param recipientDomainsDenied some recipient is in one of these domains (or a subdomain)
	 * @param recipientDomainsAllowed some external recipient is outside all of these domains
	 * @param minRecipients there are at least this many recipients
	 */
	public record Conditions(FindingCondition findings, Classification classificationAtLeast, Long attachmentMinSize,
			List<String> attachmentTypes, List<String> recipientDomainsDenied, List<String> recipientDomainsAllowed,
			Integer minRecipients) {

		public Conditions {
			attachmentTypes = attachmentTypes == null ? List.of() : List.copyOf(attachmentTypes);
			recipientDomainsDenied = recipientDomainsDenied == null ? List.of() : List.copyOf(recipientDomainsDenied);
			recipientDomainsAllowed = recipientDomainsAllowed == null ? List.of()
					: List.copyOf(recipientDomainsAllowed);
		}
	}

	/**
	 * Detector ids ("resident-id", "keyword:&lt;dictionary&gt;", "keyword" for any dictionary, "regex:&lt;name&gt;")
	 * and/or categories; empty lists mean any detector.
	 */
	public record FindingCondition(List<String> detectors, List<SensitiveCategory> categories, Integer minCount,
			Confidence minConfidence) {

		public FindingCondition {
			detectors = detectors == null ? List.of() : List.copyOf(detectors);
			categories = categories == null ? List.of() : List.copyOf(categories);
			minCount = minCount == null ? 1 : Math.max(1, minCount);
			minConfidence = minConfidence == null ? Confidence.LOW : minConfidence;
		}
	}

	/**
	 * @param partnerDomains the policy does not apply when every external recipient is in one of these domains
	 * @param authorisedSpokespersons the policy does not apply to senders the spokesperson register authorises
	 */
	public record Exceptions(List<String> partnerDomains, Boolean authorisedSpokespersons) {

		public Exceptions {
			authorisedSpokespersons = Boolean.TRUE.equals(authorisedSpokespersons);
			partnerDomains = partnerDomains == null ? List.of() : List.copyOf(partnerDomains);
		}
	}
}
