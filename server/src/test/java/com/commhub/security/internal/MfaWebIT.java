package com.commhub.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.commhub.Api;
import com.commhub.IntegrationTest;
import com.commhub.WebSession;
import com.commhub.security.AccountMother;
import com.commhub.security.DirectoryLookup;

/**
 * Two-factor sign-in in the browser (SEC-4): a new employee enrols an authenticator, signs in again and is held at
 * the second-factor step until a right code or an unused recovery code is given. Codes are computed from the secret
 * the page shows, as an authenticator app would.
 */
@IntegrationTest
class MfaWebIT {

	static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<");
	static final Pattern RECOVERY_CODE = Pattern.compile("class=\"recovery-code\">([a-z0-9-]+)<");
	static final String NEW_PASSWORD = "Wutong-Shu-2026#";

	@LocalServerPort
	int port;

	@Autowired
	DirectoryLookup directory;

	@Test
	void enrolSignInWithTheCodeAndWithARecoveryCodeOnce() {
		var hired = AccountMother.hire(new Api(port), directory, "SC");
		WebSession browser = new WebSession(port);

		// first sign-in: the initial password must be changed
		assertThat(browser.signIn(hired.employeeNo(), hired.password()).uri().getPath()).isEqualTo("/account/password");
		var home = browser.post("/account/password",
				Map.of("currentPassword", hired.password(), "newPassword", NEW_PASSWORD, "confirmation", NEW_PASSWORD));
		assertThat(home.uri().getPath()).isEqualTo("/");

		var page = browser.get("/account/2fa");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"mfa-start\"").doesNotContain("totp-secret");

		var enrolment = browser.post("/account/2fa/enrol", Map.of());
		assertThat(enrolment.uri().getPath()).isEqualTo("/account/2fa");
		assertThat(enrolment.body()).contains("src=\"data:image/png;base64,");
		String secret = find(SECRET, enrolment.body());

		// a wrong code is refused next to the field and the enrolment stays pending
		var wrong = browser.post("/account/2fa/confirm", Map.of("code", wrongCode(secret)));
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(wrong.body()).contains("id=\"code-error\"").contains("验证码不正确或已过期");
		assertThat(find(SECRET, wrong.body())).isEqualTo(secret);

		var confirmed = browser.post("/account/2fa/confirm", Map.of("code", currentCode(secret)));
		assertThat(confirmed.statusCode()).isEqualTo(200);
		List<String> recoveryCodes = findAll(RECOVERY_CODE, confirmed.body());
		assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates();
		assertThat(confirmed.body()).doesNotContain("totp-secret");
		// shown once: the page no longer lists them
		assertThat(browser.get("/account/2fa").body()).doesNotContain("class=\"recovery-code\"").contains("mfa-disable");

		// signing in again needs the second factor
		browser.post("/logout", Map.of());
		assertThat(browser.signIn(hired.employeeNo(), NEW_PASSWORD).uri().getPath()).isEqualTo("/login/mfa");
		assertThat(browser.get("/account").uri().getPath()).isEqualTo("/login/mfa");
		var refused = browser.post("/login/mfa", Map.of("code", wrongCode(secret)));
		assertThat(refused.uri().getPath()).isEqualTo("/login/mfa");
		assertThat(refused.body()).contains("验证码不正确或已过期");
		var passed = browser.post("/login/mfa", Map.of("code", currentCode(secret)));
		assertThat(passed.uri().getPath()).isEqualTo("/");
		assertThat(passed.statusCode()).isEqualTo(200);
		assertThat(browser.get("/account").statusCode()).isEqualTo(200);

		// a recovery code works instead of a code, once
		String recovery = recoveryCodes.get(3);
		browser.post("/logout", Map.of());
		browser.signIn(hired.employeeNo(), NEW_PASSWORD);
		assertThat(browser.post("/login/mfa", Map.of("code", recovery)).uri().getPath()).isEqualTo("/");
		browser.post("/logout", Map.of());
		browser.signIn(hired.employeeNo(), NEW_PASSWORD);
		var reused = browser.post("/login/mfa", Map.of("code", recovery));
		assertThat(reused.uri().getPath()).isEqualTo("/login/mfa");
		assertThat(browser.post("/login/mfa", Map.of("code", currentCode(secret))).uri().getPath()).isEqualTo("/");
		assertThat(browser.get("/account/2fa").body()).contains("剩余 9 个");

		// disabling needs a right code
		var notDisabled = browser.post("/account/2fa/disable", Map.of("code", wrongCode(secret)));
		assertThat(notDisabled.body()).contains("id=\"code-error\"").contains("mfa-disable");
		var disabled = browser.post("/account/2fa/disable", Map.of("code", currentCode(secret)));
		assertThat(disabled.uri().getPath()).isEqualTo("/account/2fa");
		assertThat(disabled.body()).contains("id=\"mfa-start\"");
		browser.post("/logout", Map.of());
		assertThat(browser.signIn(hired.employeeNo(), NEW_PASSWORD).uri().getPath()).isEqualTo("/");
	}

	@Test
	void regeneratedRecoveryCodesReplaceTheOldOnes() {
		var hired = AccountMother.hire(new Api(port), directory, "SC");
		WebSession browser = new WebSession(port);
		browser.signIn(hired.employeeNo(), hired.password());
		browser.post("/account/password",
				Map.of("currentPassword", hired.password(), "newPassword", NEW_PASSWORD, "confirmation", NEW_PASSWORD));
		String secret = find(SECRET, browser.post("/account/2fa/enrol", Map.of()).body());
		List<String> first = findAll(RECOVERY_CODE,
				browser.post("/account/2fa/confirm", Map.of("code", currentCode(secret))).body());
		List<String> second = findAll(RECOVERY_CODE, browser.post("/account/2fa/recovery-codes", Map.of()).body());
		assertThat(second).hasSize(10).doesNotContainAnyElementsOf(first);

		browser.post("/logout", Map.of());
		browser.signIn(hired.employeeNo(), NEW_PASSWORD);
		assertThat(browser.post("/login/mfa", Map.of("code", first.get(0))).uri().getPath()).isEqualTo("/login/mfa");
		assertThat(browser.post("/login/mfa", Map.of("code", second.get(0))).uri().getPath()).isEqualTo("/");
	}

	private static String currentCode(String secret) {
		return Totp.codeAt(secret, Instant.now().getEpochSecond() / 30);
	}

	/** A six-digit code that is valid in no step the server accepts now. */
	private static String wrongCode(String secret) {
		long step = Instant.now().getEpochSecond() / 30;
		Set<String> valid = Set.of(Totp.codeAt(secret, step - 2), Totp.codeAt(secret, step - 1),
				Totp.codeAt(secret, step), Totp.codeAt(secret, step + 1), Totp.codeAt(secret, step + 2));
		for (int candidate = 0;; candidate++) {
			String code = String.format("%06d", candidate * 7919 % 1_000_000);
			if (!valid.contains(code)) {
				return code;
			}
		}
	}

	private static String find(Pattern pattern, String body) {
		Matcher matcher = pattern.matcher(body);
		assertThat(matcher.find()).as("%s in the page", pattern).isTrue();
		return matcher.group(1);
	}

	private static List<String> findAll(Pattern pattern, String body) {
		List<String> found = new ArrayList<>();
		Matcher matcher = pattern.matcher(body);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}
}
