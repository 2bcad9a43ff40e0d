package com.commhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

@IntegrationTest
class SignInIT {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	@Test
	void personaGetsABearerTokenAndUsesIt() {
		var me = api.get(Personas.EMPLOYEE, "/api/v1/audit-events").retrieve().toBodilessEntity();
		assertThat(me.getStatusCode().value()).isEqualTo(403);
		var auditor = api.get(Personas.AUDITOR, "/api/v1/audit-events").retrieve().toBodilessEntity();
		assertThat(auditor.getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void wrongPasswordIsAProblemDocument() {
		var response = api.raw().post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("username", Personas.OTHER_EMPLOYEE, "password", "wrong-password"))
			.retrieve().toEntity(String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(401);
		assertThat(response.getHeaders().getContentType().toString()).contains("problem+json");
	}

	@Test
	@SuppressWarnings("unchecked")
	void signInAndSignOutAreAudited() {
		WebSession browser = new WebSession(port);
		assertThat(browser.signIn(Personas.OTHER_EMPLOYEE).uri().getPath()).isEqualTo("/");
		browser.post("/logout", Map.of());
		for (String action : java.util.List.of("signin", "signout")) {
			var page = api.get(Personas.AUDITOR, "/api/v1/audit-events?action={a}&actor={u}&outcome=SUCCESS", action,
					Personas.OTHER_EMPLOYEE).retrieve().toEntity(Map.class);
			var items = (java.util.List<Map<String, Object>>) page.getBody().get("items");
			assertThat(items).as(action).isNotEmpty();
			assertThat(items.getFirst().get("sourceIp")).as(action + " source IP").isNotNull();
		}
	}

	@Test
	void missingTokenIsUnauthorised() {
		var response = api.raw().get().uri("/api/v1/employees").retrieve().toEntity(String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(401);
		assertThat(response.getBody()).contains("\"status\":401");
	}
}
