package com.commhub.compliance.internal;

import java.util.List;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import com.commhub.compliance.Confidence;
import com.commhub.compliance.Finding;
import com.commhub.compliance.SensitiveCategory;
import com.commhub.shared.BusinessRuleException;

/**
 * A configured regular expression, run by RE2/J: matching is linear in the input, so no pattern and no input can
 * backtrack catastrophically. Patterns run on the normalised (lower-case, half-width) text.
 */
public final class RegexDetector implements Detector {

	private final String id;
	private final Pattern pattern;
	private final SensitiveCategory category;
	private final Confidence confidence;
	private final String hint;

	public RegexDetector(String name, String pattern, SensitiveCategory category, Confidence confidence) {
		this(name, pattern, category, confidence, null);
	}

	/**
	 * @param hint a lower-case literal every match contains: text without it is skipped without running the pattern
	 *        (optional)
	 */
	public RegexDetector(String name, String pattern, SensitiveCategory category, Confidence confidence,
			String hint) {
		this.hint = hint == null || hint.isEmpty() ? null : hint;
		this.id = "regex:" + name;
		this.pattern = compile(pattern);
		this.category = category;
		this.confidence = confidence == null ? Confidence.MEDIUM : confidence;
	}

	public static Pattern compile(String pattern) {
		try {
			return Pattern.compile(pattern);
		}
		catch (PatternSyntaxException ex) {
			throw BusinessRuleException.invalid("pattern", "compliance.pattern.invalid", ex.getDescription());
		}
	}

	@Override
	public String id() {
		return id;
	}

	public String pattern() {
		return pattern.pattern();
	}

	@Override
	public void detect(NormalizedText text, List<Finding> findings) {
		if (hint != null && !text.contains(hint)) {
			return;
		}
		Matcher matcher = pattern.matcher(text.text());
		while (matcher.find()) {
			if (matcher.end() == matcher.start()) {
				continue;
			}
			findings.add(new Finding(id, category, text.originalStart(matcher.start()),
					text.originalEnd(matcher.end()), confidence, Masking.term(matcher.group())));
		}
	}
}
