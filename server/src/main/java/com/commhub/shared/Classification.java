package com.commhub.shared;

import java.util.Locale;
import java.util.Optional;

/**
 * Classification levels (CLS-1), in ascending order of protection. {@link #TOP_SECRET} is optional per deployment.
 * The colour is the marking colour used by the shared UI fragment.
 */
public enum Classification {
	PUBLIC("公开", "Public", "#2e7d32"),
	INTERNAL("内部", "Internal", "#1f5fbf"),
	CONFIDENTIAL("机密", "Confidential", "#c62828"),
	TOP_SECRET("绝密", "Top secret", "#6a1b9a");

	private final String chinese;
	private final String english;
	private final String colour;

	Classification(String chinese, String english, String colour) {
		this.chinese = chinese;
		this.english = english;
		this.colour = colour;
	}

	public String label(Locale locale) {
		return "en".equals(locale.getLanguage()) ? english : chinese;
	}

	public String chinese() {
		return chinese;
	}

	public String colour() {
		return colour;
	}

	public boolean atLeast(Classification other) {
		return compareTo(other) >= 0;
	}

	/** Content at this level is encrypted at rest and shown with the confidential banners (CLS-2, SEC-6). */
	public boolean confidential() {
		return atLeast(CONFIDENTIAL);
	}

	/** Accepts the enum name in any case or the Chinese label. */
	public static Optional<Classification> parse(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String value = text.trim();
		for (Classification level : values()) {
			if (level.chinese.equals(value) || level.name().equalsIgnoreCase(value)) {
				return Optional.of(level);
			}
		}
		return Optional.empty();
	}
}
