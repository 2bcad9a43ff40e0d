package com.commhub.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;

import com.commhub.Api;
import com.commhub.Personas;
import com.commhub.WebSession;

/**
 * With the policy "two-factor sign-in mandatory for privileged roles" on (the {@code prod} default), a privileged
 * persona is held at the enrolment page until they have set up an authenticator, and the API refuses them a token.
 * An employee without a privileged role is not affected. (Its own application context: the policy differs.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "commhub.security.mfa.required-for-privileged=true")
@ActiveProfiles("test")
class MfaPolicyIT {

	static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<");

	@LocalServerPort
	int port;

	@Test
	void privilegedPersonaMustEnrolBeforeAnythingElse() {
		WebSession browser = new WebSession(port);
		assertThat(browser.signIn(Personas.COMMUNICATION_OFFICER).uri().getPath()).isEqualTo("/account/2fa");
		assertThat(browser.get("/directory/employees").uri().getPath()).isEqualTo("/account/2fa");

		var refused = new Api(port).raw().post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("username", Personas.COMMUNICATION_OFFICER, "password", Personas.PASSWORD))
			.retrieve().toEntity(String.class);
		assertThat(refused.getStatusCode().value()).isEqualTo(403);
		assertThat(refused.getBody()).contains("mfa-enrolment-required");

		String page = browser.post("/account/2fa/enrol", Map.of()).body();
		Matcher secret = SECRET.matcher(page);
		assertThat(secret.find()).isTrue();
		String code = Totp.codeAt(secret.group(1), Instant.now().getEpochSecond() / 30);
		assertThat(browser.post("/account/2fa/confirm", Map.of("code", code)).statusCode()).isEqualTo(200);

		var directory = browser.get("/directory/employees");
		assertThat(directory.uri().getPath()).isEqualTo("/directory/employees");
		assertThat(directory.statusCode()).isEqualTo(200);
	}

	@Test
	void ordinaryEmployeeIsNotHeld() {
		WebSession browser = new WebSession(port);
		assertThat(browser.signIn(Personas.EMPLOYEE).uri().getPath()).isEqualTo("/");
	}
}
