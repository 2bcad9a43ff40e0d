package com.commhub.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6238 (appendix B, HMAC-SHA1) test vectors and the base32 encoding of secrets. */
class TotpTests {

	static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@ParameterizedTest
	@CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
			"2000000000, 69279037", "20000000000, 65353130" })
	void rfc6238Sha1Vectors(long time, String expected) {
		assertThat(Totp.hotp(RFC_KEY, time / 30, 8)).isEqualTo(expected);
	}

	@Test
	void sixDigitCodeIsTheLowDigitsOfTheRfcCode() {
		assertThat(Totp.hotp(RFC_KEY, 59 / 30, 6)).isEqualTo("287082");
	}

	@Test
	void base32OfTheRfcKey() {
		assertThat(Totp.base32(RFC_KEY)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
		assertThat(Totp.unbase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")).isEqualTo(RFC_KEY);
		assertThat(Totp.unbase32("gezdgnbv gy3tqojq")).isEqualTo("1234567890".getBytes(StandardCharsets.US_ASCII));
	}

	@Test
	void base32RoundTripsAnyLength() {
		SecureRandom random = new SecureRandom();
		for (int length = 0; length <= 40; length++) {
			byte[] data = new byte[length];
			random.nextBytes(data);
			assertThat(Totp.unbase32(Totp.base32(data))).as("length %d", length).isEqualTo(data);
		}
	}

	@Test
	void verifyAcceptsTheCurrentAndNeighbouringStepsOnly() {
		String secret = Totp.newSecret();
		assertThat(Totp.unbase32(secret)).hasSize(20);
		Instant now = Instant.ofEpochSecond(1_750_000_000L);
		long step = now.getEpochSecond() / 30;
		assertThat(Totp.verify(secret, Totp.codeAt(secret, step), now)).isTrue();
		assertThat(Totp.verify(secret, Totp.codeAt(secret, step - 1), now)).isTrue();
		assertThat(Totp.verify(secret, Totp.codeAt(secret, step + 1), now)).isTrue();
		String old = Totp.codeAt(secret, step - 3);
		if (!old.equals(Totp.codeAt(secret, step)) && !old.equals(Totp.codeAt(secret, step - 1))
				&& !old.equals(Totp.codeAt(secret, step + 1))) {
			assertThat(Totp.verify(secret, old, now)).isFalse();
		}
		assertThat(Totp.verify(secret, "12345", now)).isFalse();
		assertThat(Totp.verify(secret, null, now)).isFalse();
	}
}
