package com.commhub.security.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.commhub.shared.BusinessRuleException;

/**
 * SEC-3: minimum length, character classes, and a list of common passwords that are refused whatever their shape.
 * The history check lives in {@link PasswordService} because it needs the stored hashes.
 */
@Component
class PasswordPolicy {

	private final SecurityProperties.Password settings;
	private final Set<String> commonPasswords;

	PasswordPolicy(SecurityProperties properties) {
		this.settings = properties.password();
		this.commonPasswords = loadCommonPasswords();
	}

	/** Throws naming the field {@code newPassword} when the candidate is too weak. */
	void check(String candidate, String username, String displayName) {
		if (candidate == null || candidate.length() < settings.minLength()) {
			throw BusinessRuleException.invalid("newPassword", "password.tooShort", settings.minLength());
		}
		if (candidate.length() > 128) {
			throw BusinessRuleException.invalid("newPassword", "password.tooLong", 128);
		}
		if (classes(candidate) < settings.minClasses()) {
			throw BusinessRuleException.invalid("newPassword", "password.tooFewClasses", settings.minClasses());
		}
		String lower = candidate.toLowerCase(Locale.ROOT);
		if (commonPasswords.contains(lower) || commonPasswords.contains(stripTrailingDigitsAndSymbols(lower))) {
			throw BusinessRuleException.invalid("newPassword", "password.common");
		}
		if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
			throw BusinessRuleException.invalid("newPassword", "password.containsUsername");
		}
	}

	int rotationDays() {
		return settings.rotationDays();
	}

	int historySize() {
		return settings.history();
	}

	private static int classes(String candidate) {
		boolean lower = false, upper = false, digit = false, other = false;
		for (int i = 0; i < candidate.length(); i++) {
			char c = candidate.charAt(i);
			if (Character.isLowerCase(c)) {
				lower = true;
			}
			else if (Character.isUpperCase(c)) {
				upper = true;
			}
			else if (Character.isDigit(c)) {
				digit = true;
			}
			else {
				other = true;
			}
		}
		return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
	}

	/** "Password123!" is as weak as "password": strip the decoration people add to satisfy class rules. */
	private static String stripTrailingDigitsAndSymbols(String lower) {
		int end = lower.length();
		while (end > 0 && !Character.isLetter(lower.charAt(end - 1))) {
			end--;
		}
		return lower.substring(0, end);
	}

	private static Set<String> loadCommonPasswords() {
		Set<String> words = new HashSet<>();
		var resource = new ClassPathResource("security/common-passwords.txt");
		try (var reader = new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank()) {
					words.add(line.trim().toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the common password list", ex);
		}
		return Set.copyOf(words);
	}
}
