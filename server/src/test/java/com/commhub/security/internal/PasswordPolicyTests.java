package com.commhub.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.commhub.shared.BusinessRuleException;

/** SEC-3: the password rules, each refusal with its own message code on the {@code newPassword} field. */
class PasswordPolicyTests {

	final PasswordPolicy policy = new PasswordPolicy(new SecurityProperties(
			new SecurityProperties.Password(10, 3, 90, 5),
			new SecurityProperties.Lockout(5, Duration.ofMinutes(15), 20),
			new SecurityProperties.Mfa(false, "CommHub"),
			new SecurityProperties.Tokens(Duration.ofHours(8), Duration.ofDays(365))));

	@Test
	void tooShortIsRefusedWithTheMinimumLength() {
		var ex = refused("Ab1!xyz", "HT1040");
		assertThat(ex.messageCode()).isEqualTo("password.tooShort");
		assertThat(ex.arguments()).containsExactly(10);
		assertThat(ex.field()).isEqualTo("newPassword");
	}

	@Test
	void tooFewCharacterClassesAreRefused() {
		assertThat(refused("abcdefghijkl", "HT1040").messageCode()).isEqualTo("password.tooFewClasses");
		assertThat(refused("abcdefgh1234", "HT1040").messageCode()).isEqualTo("password.tooFewClasses");
	}

	@Test
	void commonPasswordIsRefusedEvenWithDecoration() {
		assertThat(refused("Password123!", "HT1040").messageCode()).isEqualTo("password.common");
		assertThat(refused("Qwerty12345!", "HT1040").messageCode()).isEqualTo("password.common");
	}

	@Test
	void passwordContainingTheUsernameIsRefused() {
		assertThat(refused("Ht1040-Spring-Tea", "HT1040").messageCode()).isEqualTo("password.containsUsername");
	}

	@Test
	void aStrongPasswordPasses() {
		assertThatCode(() -> policy.check("Morgen-Tee-2026", "HT1040", "林浩然")).doesNotThrowAnyException();
	}

	private BusinessRuleException refused(String candidate, String username) {
		var ex = catchThrowableOfType(BusinessRuleException.class, () -> policy.check(candidate, username, null));
		assertThat(ex).as("'%s' should be refused", candidate).isNotNull();
		return ex;
	}
}
