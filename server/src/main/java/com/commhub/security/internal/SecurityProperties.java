package com.commhub.security.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Password, lockout, two-factor and token settings ({@code commhub.security.*}).
 */
@ConfigurationProperties("commhub.security")
record SecurityProperties(@DefaultValue Password password, @DefaultValue Lockout lockout, @DefaultValue Mfa mfa,
		@DefaultValue Tokens tokens) {

	record Password(@DefaultValue("10") int minLength, @DefaultValue("3") int minClasses,
			@DefaultValue("90") int rotationDays, @DefaultValue("5") int history) {
	}

	/** After {@code maxAttempts} consecutive failures an account is locked for {@code duration}. */
	record Lockout(@DefaultValue("5") int maxAttempts, @DefaultValue("15m") Duration duration,
			@DefaultValue("20") int maxFailuresPerIpPerMinute) {
	}

	record Mfa(@DefaultValue("false") boolean requiredForPrivileged, @DefaultValue("CommHub") String issuer) {
	}

	record Tokens(@DefaultValue("8h") Duration loginTokenLifetime, @DefaultValue("365d") Duration maxLifetime) {
	}
}
