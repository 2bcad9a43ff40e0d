package com.commhub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.commhub.Api;
import com.commhub.IntegrationTest;
import com.commhub.Personas;
import com.commhub.WebSession;

/**
 * Permissions are assigned to roles (SEC-1): an administrator changes a role's permissions and its holders gain or
 * lose them at once; the administrator role cannot give up role management.
 */
@IntegrationTest
class RolePermissionsIT {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	@Test
	@SuppressWarnings("unchecked")
	void grantingAPermissionToARoleReachesItsHoldersAtOnce() {
		var before = api.get(Personas.ADMIN, "/api/v1/roles/DEPT_HEAD").retrieve().toEntity(Map.class).getBody();
		List<String> original = (List<String>) before.get("permissions");
		assertThat(original).doesNotContain("AUDIT_READ");
		assertThat(status(Personas.DEPARTMENT_HEAD, "/api/v1/audit-events")).isEqualTo(403);
		try {
			List<String> widened = new java.util.ArrayList<>(original);
			widened.add("AUDIT_READ");
			var changed = api.put(Personas.ADMIN, "/api/v1/roles/DEPT_HEAD/permissions")
				.body(Map.of("permissions", widened)).retrieve().toEntity(Map.class);
			assertThat(changed.getStatusCode().value()).isEqualTo(200);
			assertThat((List<String>) changed.getBody().get("permissions")).contains("AUDIT_READ");
			assertThat(status(Personas.DEPARTMENT_HEAD, "/api/v1/audit-events")).isEqualTo(200);
		}
		finally {
			api.put(Personas.ADMIN, "/api/v1/roles/DEPT_HEAD/permissions").body(Map.of("permissions", original))
				.retrieve().toBodilessEntity();
		}
		assertThat(status(Personas.DEPARTMENT_HEAD, "/api/v1/audit-events")).isEqualTo(403);
		var audit = api.get(Personas.AUDITOR, "/api/v1/audit-events?action=role.permissions").retrieve()
			.toEntity(Map.class).getBody();
		assertThat((List<?>) audit.get("items")).isNotEmpty();
	}

	@Test
	void administratorRoleKeepsRoleManagement() {
		var response = api.put(Personas.ADMIN, "/api/v1/roles/ADMIN/permissions")
			.body(Map.of("permissions", List.of("DIRECTORY_VIEW"))).retrieve().toEntity(String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(409);
		assertThat(response.getBody()).contains("\"field\":\"permissions\"");
		assertThat(status(Personas.ADMIN, "/api/v1/audit-events")).isEqualTo(200);
	}

	@Test
	void unknownPermissionIsABadRequestNamingTheField() {
		var response = api.put(Personas.ADMIN, "/api/v1/roles/AUDITOR/permissions")
			.body(Map.of("permissions", List.of("FLY"))).retrieve().toEntity(String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getBody()).contains("\"field\":\"permissions\"").contains("FLY");
	}

	@Test
	void theRolesPageSavesPermissionsAndRefusesToStripTheAdministrator() {
		WebSession browser = new WebSession(port);
		browser.signIn(Personas.ADMIN);
		var page = browser.get("/admin/roles");
		assertThat(page.body()).contains("id=\"permissions-AUDITOR\"");
		var refused = browser.post("/admin/roles/ADMIN/permissions", Map.of("permissions", "DIRECTORY_VIEW"));
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("id=\"roles-error\"");
	}

	private int status(String persona, String path) {
		return api.get(persona, path).retrieve().toBodilessEntity().getStatusCode().value();
	}
}
