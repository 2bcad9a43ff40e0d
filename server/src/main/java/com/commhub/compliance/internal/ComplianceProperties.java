package com.commhub.compliance.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.commhub.compliance.Confidence;
import com.commhub.compliance.SensitiveCategory;

/**
 * {@code commhub.compliance.*}: which detectors run ({@code detectors}, empty = all built-in ones plus keywords and
 * patterns), the proximity window for keywords such as 身份证 or 卡号, and configured regular-expression detectors
 * ({@code patterns[n].name/regex/category/confidence}, run by RE2/J on the normalised text).
 */
@ConfigurationProperties("commhub.compliance")
public class ComplianceProperties {

	private Set<String> detectors = new LinkedHashSet<>();
	private int proximityWindow = 20;
	private int maxTextLength = 1_000_000;
	private List<PatternProperties> patterns = new ArrayList<>(List.of(
			new PatternProperties("contract-number", "\\bht-[0-9]{4}-[0-9]{6}\\b", SensitiveCategory.CUSTOMER_DATA,
					Confidence.MEDIUM, "ht-")));

	public Set<String> getDetectors() {
		return detectors;
	}

	public void setDetectors(Set<String> detectors) {
		this.detectors = detectors;
	}

	public int getProximityWindow() {
		return proximityWindow;
	}

	public void setProximityWindow(int proximityWindow) {
		this.proximityWindow = proximityWindow;
	}

	public int getMaxTextLength() {
		return maxTextLength;
	}

	public void setMaxTextLength(int maxTextLength) {
		this.maxTextLength = maxTextLength;
	}

	public List<PatternProperties> getPatterns() {
		return patterns;
	}

	public void setPatterns(List<PatternProperties> patterns) {
		this.patterns = patterns;
	}

	public boolean enabled(String detectorId) {
		return detectors == null || detectors.isEmpty() || detectors.contains(detectorId)
				|| detectorId.contains(":") && detectors.contains(detectorId.substring(0, detectorId.indexOf(':')));
	}

	public static class PatternProperties {

		private String name;
		private String regex;
		private SensitiveCategory category;
		private Confidence confidence = Confidence.MEDIUM;
		private String hint;

		public PatternProperties() {
		}

		PatternProperties(String name, String regex, SensitiveCategory category, Confidence confidence, String hint) {
			this.hint = hint;
			this.name = name;
			this.regex = regex;
			this.category = category;
			this.confidence = confidence;
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getRegex() {
			return regex;
		}

		public void setRegex(String regex) {
			this.regex = regex;
		}

		public SensitiveCategory getCategory() {
			return category;
		}

		public void setCategory(SensitiveCategory category) {
			this.category = category;
		}

		/** A lower-case literal every match contains; text without it skips the pattern (optional). */
		public String getHint() {
			return hint;
		}

		public void setHint(String hint) {
			this.hint = hint;
		}

		public Confidence getConfidence() {
			return confidence;
		}

		public void setConfidence(Confidence confidence) {
			this.confidence = confidence;
		}
	}
}
