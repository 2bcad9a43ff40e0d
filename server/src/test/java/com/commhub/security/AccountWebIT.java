package com.commhub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import com.commhub.Api;
import com.commhub.IntegrationTest;
import com.commhub.Personas;
import com.commhub.WebSession;

/**
 * My account pages over HTTP: the overview, sessions (ending one elsewhere, and the administrator's "lost device"),
 * personal access tokens, and the role page with its assign form and the last-administrator refusal.
 */
@IntegrationTest
class AccountWebIT {

	static final String NEW_PASSWORD = "Yinxing-Ye-2026!";
	static final Pattern HANDLE = Pattern.compile("data-handle=\"([0-9a-f]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	DirectoryLookup directory;

	@Test
	void overviewLinksEverySection() {
		WebSession browser = new WebSession(port);
		browser.signIn(Personas.EMPLOYEE);
		var page = browser.get("/account");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(Personas.EMPLOYEE).contains("href=\"/account/password\"")
			.contains("href=\"/account/2fa\"").contains("href=\"/account/sessions\"").contains("href=\"/account/tokens\"");
	}

	@Test
	void sessionsAreListedAndEndedFromElsewhereAndByTheAdministrator() {
		Api api = new Api(port);
		var hired = AccountMother.hire(api, directory, "SC");
		WebSession laptop = new WebSession(port);
		laptop.signIn(hired.employeeNo(), hired.password());
		laptop.post("/account/password", Map.of("currentPassword", hired.password(), "newPassword", NEW_PASSWORD,
				"confirmation", NEW_PASSWORD));
		WebSession phone = new WebSession(port);
		assertThat(phone.signIn(hired.employeeNo(), NEW_PASSWORD).uri().getPath()).isEqualTo("/");

		var sessions = laptop.get("/account/sessions");
		assertThat(sessions.statusCode()).isEqualTo(200);
		assertThat(sessions.body()).contains("当前会话");
		List<String> handles = HANDLE.matcher(sessions.body()).results().map(m -> m.group(1)).toList();
		assertThat(handles).hasSize(2);
		String phoneHandle = otherHandle(phone, handles);

		assertThat(laptop.post("/account/sessions/" + phoneHandle + "/revoke", Map.of()).uri().getPath())
			.isEqualTo("/account/sessions");
		assertThat(phone.get("/").uri().getPath()).isEqualTo("/login");
		assertThat(laptop.post("/account/sessions/" + phoneHandle + "/revoke", Map.of()).statusCode()).isEqualTo(404);

		// the API lists the browser sessions of a bearer-token caller by username
		String token = bearer(api, hired.employeeNo());
		var listed = api.raw().get().uri("/api/v1/sessions").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.retrieve().toEntity(List.class);
		assertThat(listed.getBody()).hasSize(1);
		var me = api.raw().get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve()
			.toEntity(Map.class);
		long accountId = ((Number) ((Map<?, ?>) me.getBody().get("account")).get("id")).longValue();

		// lost device: every session and token ends
		var revoked = api.post(Personas.ADMIN, "/api/v1/accounts/{id}/revoke-sessions", accountId).retrieve()
			.toEntity(Map.class);
		assertThat(revoked.getStatusCode().value()).isEqualTo(200);
		assertThat(revoked.getBody().get("revokedSessions")).isEqualTo(1);
		assertThat(laptop.get("/account").uri().getPath()).isEqualTo("/login");
		assertThat(api.raw().get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve()
			.toBodilessEntity().getStatusCode().value()).isEqualTo(401);
		assertThat(api.post(Personas.ADMIN, "/api/v1/accounts/999999/revoke-sessions").retrieve().toBodilessEntity()
			.getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void tokenIsCreatedInThePageShownOnceAndRevoked() {
		WebSession browser = new WebSession(port);
		browser.signIn(Personas.OTHER_EMPLOYEE);
		var page = browser.get("/account/tokens");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("value=\"DIRECTORY_VIEW\"").doesNotContain("value=\"AUDIT_READ\"");

		var missingScopes = browser.post("/account/tokens", Map.of("name", "x", "expiresInDays", "30"));
		assertThat(missingScopes.body()).contains("id=\"scopes-error\"");

		String name = "page-" + UUID.randomUUID();
		var created = browser.post("/account/tokens", Map.of("name", name, "scopes", "DIRECTORY_VIEW",
				"expiresInDays", "30"));
		Matcher secret = Pattern.compile("id=\"token-secret\">(chp_[A-Za-z0-9]+)<").matcher(created.body());
		assertThat(secret.find()).isTrue();
		assertThat(created.body()).contains(name);
		Api api = new Api(port);
		assertThat(api.raw().get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret.group(1))
			.retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200);

		var listed = browser.get("/account/tokens");
		assertThat(listed.body()).contains(name).doesNotContain(secret.group(1));
		Matcher id = Pattern.compile("data-id=\"(\\d+)\">\\s*<td>" + Pattern.quote(name)).matcher(listed.body());
		assertThat(id.find()).isTrue();
		assertThat(browser.post("/account/tokens/" + id.group(1) + "/revoke", Map.of()).uri().getPath())
			.isEqualTo("/account/tokens");
		assertThat(api.raw().get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret.group(1))
			.retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(401);

		WebSession other = new WebSession(port);
		other.signIn(Personas.EMPLOYEE);
		other.get("/account/tokens");
		assertThat(other.post("/account/tokens/" + id.group(1) + "/revoke", Map.of()).statusCode()).isEqualTo(404);
	}

	@Test
	void rolePageAssignsByEmployeeNumberAndRefusesRemovingTheLastAdministrator() {
		WebSession admin = new WebSession(port);
		admin.signIn(Personas.ADMIN);
		var page = admin.get("/admin/roles");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"assign-form\"").contains("id=\"privileged-holders\"")
			.contains("(SC)");

		var unknown = admin.post("/admin/roles/assignments",
				Map.of("roleCode", "AUDITOR", "subjectType", "EMPLOYEE", "employeeNo", "NOBODY-" + UUID.randomUUID()));
		assertThat(unknown.body()).contains("id=\"employeeNo-error\"");

		var hired = AccountMother.hire(new Api(port), directory, "SC");
		var assigned = admin.post("/admin/roles/assignments",
				Map.of("roleCode", "AUDITOR", "subjectType", "EMPLOYEE", "employeeNo", hired.employeeNo()));
		assertThat(assigned.uri().getPath()).isEqualTo("/admin/roles");
		assertThat(assigned.body()).contains("id=\"flash\"").contains(hired.employeeNo());
		var twice = admin.post("/admin/roles/assignments",
				Map.of("roleCode", "AUDITOR", "subjectType", "EMPLOYEE", "employeeNo", hired.employeeNo()));
		assertThat(twice.statusCode()).isEqualTo(409);
		assertThat(twice.body()).contains("id=\"employeeNo-error\"");

		Api api = new Api(port);
		var role = api.get(Personas.ADMIN, "/api/v1/roles/AUDITOR").retrieve().toEntity(Map.class);
		Map<?, ?> assignment = ((List<?>) role.getBody().get("assignments")).stream().map(Map.class::cast)
			.filter(a -> String.valueOf(a.get("subjectLabel")).contains(hired.employeeNo())).findFirst().orElseThrow();
		assertThat(admin.post("/admin/roles/AUDITOR/assignments/" + assignment.get("id") + "/remove", Map.of()).uri()
			.getPath()).isEqualTo("/admin/roles");
		assertThat(api.get(Personas.ADMIN, "/api/v1/roles/AUDITOR").retrieve().toEntity(String.class).getBody())
			.doesNotContain(hired.employeeNo());

		// viewers without ROLE_MANAGE see no forms, and cannot post them
		WebSession auditor = new WebSession(port);
		auditor.signIn(Personas.AUDITOR);
		assertThat(auditor.get("/admin/roles").body()).doesNotContain("id=\"assign-form\"").contains("ADMIN");
		assertThat(auditor.post("/admin/roles/assignments",
				Map.of("roleCode", "AUDITOR", "subjectType", "EMPLOYEE", "employeeNo", Personas.AUDITOR)).statusCode())
			.isEqualTo(403);

		var admins = api.get(Personas.ADMIN, "/api/v1/roles/ADMIN").retrieve().toEntity(Map.class);
		List<?> adminAssignments = (List<?>) admins.getBody().get("assignments");
		Assumptions.assumeTrue(adminAssignments.size() == 1, "another test left a second administrator");
		Object id = ((Map<?, ?>) adminAssignments.get(0)).get("id");
		var refused = admin.post("/admin/roles/ADMIN/assignments/" + id + "/remove", Map.of());
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("id=\"roles-error\"").contains("不能移除或停用最后一位系统管理员")
			.contains("id=\"assign-form\"");
		assertThat(api.get(Personas.ADMIN, "/api/v1/roles/ADMIN").retrieve().toEntity(String.class).getBody())
			.contains("\"id\":" + id);
	}

	private String bearer(Api api, String username) {
		var response = api.raw().post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("username", username, "password", NEW_PASSWORD)).retrieve().toEntity(Map.class);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		return (String) response.getBody().get("token");
	}

	/** The handle of the phone's session: the one that is "current" on the phone's own page. */
	private static String otherHandle(WebSession phone, List<String> handles) {
		String body = phone.get("/account/sessions").body();
		Matcher current = Pattern.compile("data-handle=\"([0-9a-f]+)\">\\s*<td>\\s*<span>[^<]*</span>\\s*<span class=\"badge SUCCESS\"")
			.matcher(body);
		assertThat(current.find()).as("the phone's current session is marked").isTrue();
		assertThat(handles).contains(current.group(1));
		return current.group(1);
	}
}
