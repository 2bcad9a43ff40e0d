package com.commhub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.commhub.Api;
import com.commhub.IntegrationTest;
import com.commhub.Personas;

/**
 * The security API over HTTP: personal access tokens and their scopes, role assignments that reach whole
 * departments, the last administrator, lockout after wrong passwords, and the audit rows all of this leaves.
 */
@IntegrationTest
class SecurityApiIT {

	@LocalServerPort
	int port;

	@Autowired
	DirectoryLookup directory;

	@Autowired
	JdbcTemplate jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	@Test
	void tokenIsCreatedUsedWithinItsScopesAndRevoked() {
		String name = "it-" + UUID.randomUUID();
		var created = api.post(Personas.ADMIN, "/api/v1/tokens")
			.body(Map.of("name", name, "scopes", List.of("DIRECTORY_VIEW"), "expiresInDays", 7))
			.retrieve().toEntity(Map.class);
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		String secret = (String) created.getBody().get("secret");
		Map<?, ?> token = (Map<?, ?>) created.getBody().get("token");
		long id = ((Number) token.get("id")).longValue();
		assertThat(secret).startsWith("chp_");
		assertThat(token.get("scopes")).isEqualTo(List.of("DIRECTORY_VIEW"));
		assertThat(created.getHeaders().getLocation().toString()).endsWith("/api/v1/tokens/" + id);

		// the admin holds AUDIT_READ, but this token only carries DIRECTORY_VIEW
		var me = withToken(secret, "/api/v1/me");
		assertThat(me.getStatusCode().value()).isEqualTo(200);
		assertThat(me.getBody()).contains("\"permissions\":[\"DIRECTORY_VIEW\"]").contains("\"username\":\"admin\"");
		assertThat(withToken(secret, "/api/v1/audit-events").getStatusCode().value()).isEqualTo(403);
		assertThat(withToken(secret, "/api/v1/roles").getStatusCode().value()).isEqualTo(403);

		// listed without its secret, and someone else cannot revoke it
		var list = api.get(Personas.ADMIN, "/api/v1/tokens").retrieve().toEntity(String.class);
		assertThat(list.getBody()).contains(name).doesNotContain(secret);
		assertThat(api.delete(Personas.EMPLOYEE, "/api/v1/tokens/{id}", id).retrieve().toBodilessEntity()
			.getStatusCode().value()).isEqualTo(404);
		assertThat(withToken(secret, "/api/v1/me").getStatusCode().value()).isEqualTo(200);

		assertThat(api.delete(Personas.ADMIN, "/api/v1/tokens/{id}", id).retrieve().toBodilessEntity()
			.getStatusCode().value()).isEqualTo(204);
		var afterRevoke = withToken(secret, "/api/v1/me");
		assertThat(afterRevoke.getStatusCode().value()).isEqualTo(401);
		assertThat(afterRevoke.getHeaders().getContentType().toString()).contains("problem+json");

		// the audit trail names who created it, when, and from where
		var audit = api.get(Personas.AUDITOR, "/api/v1/audit-events?action=token.create&actor=admin&size=200")
			.retrieve().toEntity(Map.class);
		assertThat(audit.getStatusCode().value()).isEqualTo(200);
		Map<?, ?> row = rows(audit).stream().filter(r -> name.equals(r.get("targetLabel"))).findFirst().orElseThrow();
		assertThat(row.get("actorName")).isEqualTo("admin");
		assertThat(row.get("outcome")).isEqualTo("SUCCESS");
		assertThat((String) row.get("sourceIp")).isNotBlank();
		assertThat(Instant.parse((String) row.get("occurredAt"))).isAfter(Instant.now().minus(Duration.ofMinutes(5)));
	}

	@Test
	void tokenWithAllScopesHasEveryPermissionOfTheAccount() {
		var created = api.post(Personas.AUDITOR, "/api/v1/tokens")
			.body(Map.of("name", "all-" + UUID.randomUUID(), "scopes", List.of("*")))
			.retrieve().toEntity(Map.class);
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		String secret = (String) created.getBody().get("secret");
		assertThat(withToken(secret, "/api/v1/audit-events").getStatusCode().value()).isEqualTo(200);
		assertThat(withToken(secret, "/api/v1/me").getBody()).contains("AUDIT_READ").contains("\"AUDITOR\"");
	}

	@Test
	void badTokenRequestsNameTheField() {
		var noScopes = api.post(Personas.EMPLOYEE, "/api/v1/tokens")
			.body(Map.of("name", "x", "scopes", List.of(), "expiresInDays", 30)).retrieve().toEntity(String.class);
		assertThat(noScopes.getStatusCode().value()).isEqualTo(400);
		assertThat(noScopes.getBody()).contains("\"field\":\"scopes\"");
		var tooLong = api.post(Personas.EMPLOYEE, "/api/v1/tokens")
			.body(Map.of("name", "x", "scopes", List.of("*"), "expiresInDays", 5000)).retrieve().toEntity(String.class);
		assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
		assertThat(tooLong.getBody()).contains("\"field\":\"expiresInDays\"");
	}

	@Test
	void expiredAndUnknownTokensAreUnauthorisedProblems() {
		var created = api.post(Personas.EMPLOYEE, "/api/v1/tokens")
			.body(Map.of("name", "expiring-" + UUID.randomUUID(), "scopes", List.of("*"), "expiresInDays", 1))
			.retrieve().toEntity(Map.class);
		String secret = (String) created.getBody().get("secret");
		long id = ((Number) ((Map<?, ?>) created.getBody().get("token")).get("id")).longValue();
		assertThat(withToken(secret, "/api/v1/me").getStatusCode().value()).isEqualTo(200);
		// as if the time had passed: the expiry moves into the past in the database, and the change is announced as
		// another node announces its changes (SecurityCache), so this node notices it within about a second
		jdbc.update("update sec_api_token set expires_at = now() - interval '1 minute' where id = ?", id);
		jdbc.update("update security_change set version = version + 1 where id = 1");
		assertThat(statusWithin(secret, "/api/v1/me", 401, Duration.ofSeconds(5))).isEqualTo(401);

		var expired = withToken(secret, "/api/v1/me");
		assertThat(expired.getStatusCode().value()).isEqualTo(401);
		assertThat(expired.getHeaders().getContentType().toString()).contains("problem+json");
		assertThat(expired.getBody()).contains("\"status\":401");

		var unknown = withToken("chp_" + "x".repeat(40), "/api/v1/me");
		assertThat(unknown.getStatusCode().value()).isEqualTo(401);
		assertThat(unknown.getHeaders().getContentType().toString()).contains("problem+json");

		// a write without any credentials is unauthorised too (not a CSRF 403)
		var anonymous = api.raw().post().uri("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "x", "scopes", List.of("*"))).retrieve().toEntity(String.class);
		assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
		assertThat(anonymous.getBody()).contains("\"status\":401");
	}

	@Test
	void roleAssignedToADepartmentReachesEveryMemberUntilRemoved() {
		long marketing = AccountMother.departmentId(directory, "SC");
		assertThat(api.get(Personas.EMPLOYEE, "/api/v1/audit-events").retrieve().toBodilessEntity()
			.getStatusCode().value()).isEqualTo(403);

		var assigned = api.post(Personas.ADMIN, "/api/v1/roles/AUDITOR/assignments")
			.body(Map.of("subjectType", "DEPARTMENT", "subjectId", marketing)).retrieve().toEntity(Map.class);
		assertThat(assigned.getStatusCode().value()).isEqualTo(201);
		long assignmentId = ((Number) assigned.getBody().get("id")).longValue();
		try {
			assertThat(assigned.getBody().get("subjectType")).isEqualTo("DEPARTMENT");
			assertThat((String) assigned.getBody().get("subjectLabel")).contains("SC");
			assertThat(api.get(Personas.EMPLOYEE, "/api/v1/audit-events").retrieve().toBodilessEntity()
				.getStatusCode().value()).isEqualTo(200);
			assertThat(api.get(Personas.OTHER_EMPLOYEE, "/api/v1/audit-events").retrieve().toBodilessEntity()
				.getStatusCode().value()).isEqualTo(200);
			// AUDITOR is privileged: the employee now appears among its holders, via the department
			var holders = api.get(Personas.ADMIN, "/api/v1/roles/privileged-holders").retrieve().toEntity(String.class);
			assertThat(holders.getBody()).contains("\"username\":\"" + Personas.EMPLOYEE + "\"");
			// the same assignment twice is a conflict
			assertThat(api.post(Personas.ADMIN, "/api/v1/roles/AUDITOR/assignments")
				.body(Map.of("subjectType", "DEPARTMENT", "subjectId", marketing)).retrieve().toBodilessEntity()
				.getStatusCode().value()).isEqualTo(409);
			// and someone without ROLE_MANAGE cannot assign at all
			assertThat(api.post(Personas.AUDITOR, "/api/v1/roles/AUDITOR/assignments")
				.body(Map.of("subjectType", "DEPARTMENT", "subjectId", marketing)).retrieve().toBodilessEntity()
				.getStatusCode().value()).isEqualTo(403);
		}
		finally {
			assertThat(api.delete(Personas.ADMIN, "/api/v1/roles/AUDITOR/assignments/{id}", assignmentId).retrieve()
				.toBodilessEntity().getStatusCode().value()).isEqualTo(204);
		}
		assertThat(api.get(Personas.EMPLOYEE, "/api/v1/audit-events").retrieve().toBodilessEntity()
			.getStatusCode().value()).isEqualTo(403);
		var role = api.get(Personas.ADMIN, "/api/v1/roles/AUDITOR").retrieve().toEntity(String.class);
		assertThat(role.getBody()).doesNotContain("\"id\":" + assignmentId + ",");

		var audit = api.get(Personas.ADMIN, "/api/v1/audit-events?action=role.&actor=admin&size=200").retrieve()
			.toEntity(Map.class);
		assertThat(rows(audit)).extracting(r -> (Object) r.get("action")).contains("role.assign", "role.unassign");
	}

	/**
	 * Permissions and tokens are cached per node (SecurityCache). A change made on this node reaches it at once (the
	 * test above); a change made elsewhere — here written straight into the database the way another node commits
	 * it, then announced through {@code security_change} — within about a second, through the poll.
	 */
	@Test
	void aRoleChangedOnAnotherNodeReachesThisNodeWithinSeconds() {
		long employeeAccount = jdbc.queryForObject("select id from sec_account where username = ?", Long.class,
				Personas.EMPLOYEE);
		var created = api.post(Personas.EMPLOYEE, "/api/v1/tokens")
			.body(Map.of("name", "node-" + UUID.randomUUID(), "scopes", List.of("*"), "expiresInDays", 1))
			.retrieve().toEntity(Map.class);
		String secret = (String) created.getBody().get("secret");
		assertThat(withToken(secret, "/api/v1/audit-events").getStatusCode().value()).isEqualTo(403);
		assertThat(withToken(secret, "/api/v1/audit-events").getStatusCode().value()).isEqualTo(403); // cached now

		jdbc.update("""
				insert into sec_role_assignment (role_id, subject_type, subject_id, created_by)
				select id, 'ACCOUNT', ?, 'other-node' from sec_role where code = 'AUDITOR'""", employeeAccount);
		try {
			jdbc.update("update security_change set version = version + 1 where id = 1");
			assertThat(statusWithin(secret, "/api/v1/audit-events", 200, Duration.ofSeconds(5))).isEqualTo(200);
		}
		finally {
			jdbc.update("delete from sec_role_assignment where created_by = 'other-node' and subject_id = ?",
					employeeAccount);
			jdbc.update("update security_change set version = version + 1 where id = 1");
		}
		assertThat(statusWithin(secret, "/api/v1/audit-events", 403, Duration.ofSeconds(5))).isEqualTo(403);
	}

	/** The status of the request once it answers {@code expected}, or its last status when the time is up. */
	private int statusWithin(String secret, String uri, int expected, Duration time) {
		Instant deadline = Instant.now().plus(time);
		int status = withToken(secret, uri).getStatusCode().value();
		while (status != expected && Instant.now().isBefore(deadline)) {
			sleep(100);
			status = withToken(secret, uri).getStatusCode().value();
		}
		return status;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void lastAdministratorCannotBeRemoved() {
		var holders = api.get(Personas.ADMIN, "/api/v1/roles/privileged-holders").retrieve().toEntity(List.class);
		Map<?, ?> admins = ((List<?>) holders.getBody()).stream().map(Map.class::cast)
			.filter(r -> "ADMIN".equals(r.get("code"))).findFirst().orElseThrow();
		List<?> adminHolders = (List<?>) admins.get("holders");
		Assumptions.assumeTrue(adminHolders.size() == 1, "another test left a second administrator");

		var role = api.get(Personas.ADMIN, "/api/v1/roles/ADMIN").retrieve().toEntity(Map.class);
		List<?> assignments = (List<?>) role.getBody().get("assignments");
		assertThat(assignments).hasSize(1);
		long id = ((Number) ((Map<?, ?>) assignments.get(0)).get("id")).longValue();

		var refused = api.delete(Personas.ADMIN, "/api/v1/roles/ADMIN/assignments/{id}", id).retrieve()
			.toEntity(String.class);
		assertThat(refused.getStatusCode().value()).isEqualTo(409);
		assertThat(refused.getBody()).contains("role.lastAdministrator");

		var after = api.get(Personas.ADMIN, "/api/v1/roles/ADMIN").retrieve().toEntity(Map.class);
		assertThat((List<?>) after.getBody().get("assignments")).extracting(a -> ((Number) ((Map<?, ?>) a).get("id")).longValue())
			.containsExactly(id);
		assertThat(api.get(Personas.ADMIN, "/api/v1/roles").retrieve().toBodilessEntity().getStatusCode().value())
			.isEqualTo(200);
	}

	@Test
	void fiveWrongPasswordsLockTheAccountAndAreAudited() {
		var hired = AccountMother.hire(api, directory, "SC");
		for (int i = 0; i < 5; i++) {
			var wrong = login(hired.employeeNo(), "Wrong-Password-" + i);
			assertThat(wrong.getStatusCode().value()).as("attempt %d", i + 1).isEqualTo(401);
		}
		var sixth = login(hired.employeeNo(), hired.password());
		assertThat(sixth.getStatusCode().value()).isEqualTo(401);
		assertThat(sixth.getBody()).contains("locked");

		var audit = api.get(Personas.AUDITOR,
				"/api/v1/audit-events?action=signin&actor={actor}&outcome=FAILURE&size=50", hired.employeeNo())
			.retrieve().toEntity(Map.class);
		List<Map<?, ?>> failures = rows(audit);
		assertThat(failures).hasSize(5).allSatisfy(r -> {
			assertThat(r.get("actorName")).isEqualTo(hired.employeeNo());
			assertThat((String) r.get("sourceIp")).isNotBlank();
			assertThat(r.get("occurredAt")).isNotNull();
		});
		var denied = api.get(Personas.AUDITOR, "/api/v1/audit-events?actor={actor}&outcome=DENIED", hired.employeeNo())
			.retrieve().toEntity(String.class);
		assertThat(denied.getBody()).contains("account locked");
		var lock = api.get(Personas.AUDITOR, "/api/v1/audit-events?action=account.lock&actor={actor}",
				hired.employeeNo()).retrieve().toEntity(Map.class);
		assertThat(rows(lock)).hasSize(1);
	}

	@Test
	void auditFiltersRefuseUnreadableDatesNamingTheParameter() {
		var bad = api.get(Personas.AUDITOR, "/api/v1/audit-events?from=yesterday").retrieve().toEntity(String.class);
		assertThat(bad.getStatusCode().value()).isEqualTo(400);
		assertThat(bad.getBody()).contains("\"field\":\"from\"");
		var badTo = api.get(Personas.AUDITOR, "/api/v1/audit-events?to=2026-13-45").retrieve().toEntity(String.class);
		assertThat(badTo.getStatusCode().value()).isEqualTo(400);
		assertThat(badTo.getBody()).contains("\"field\":\"to\"");
		var badOutcome = api.get(Personas.AUDITOR, "/api/v1/audit-events?outcome=MAYBE").retrieve().toEntity(String.class);
		assertThat(badOutcome.getStatusCode().value()).isEqualTo(400);
		assertThat(badOutcome.getBody()).contains("\"field\":\"outcome\"");

		// a date range in the future is empty; today (as a date or as instants) holds today's rows
		var future = api.get(Personas.AUDITOR, "/api/v1/audit-events?from=2999-01-01").retrieve().toEntity(Map.class);
		assertThat(future.getStatusCode().value()).isEqualTo(200);
		assertThat(((Number) future.getBody().get("total")).longValue()).isZero();
		String from = Instant.now().minus(Duration.ofDays(1)).toString();
		var recent = api.get(Personas.AUDITOR, "/api/v1/audit-events?from={from}&to=2999-01-01", from)
			.retrieve().toEntity(Map.class);
		assertThat(((Number) recent.getBody().get("total")).longValue()).isPositive();
	}

	@Test
	void meShowsRolesAndPermissions() {
		var me = api.get(Personas.EMPLOYEE, "/api/v1/me").retrieve().toEntity(Map.class);
		assertThat(me.getStatusCode().value()).isEqualTo(200);
		assertThat(((Map<?, ?>) me.getBody().get("account")).get("username")).isEqualTo(Personas.EMPLOYEE);
		assertThat(me.getBody().get("roles")).asString().contains("EMPLOYEE");
		assertThat(me.getBody().get("permissions")).asString().contains("DIRECTORY_VIEW").doesNotContain("AUDIT_READ");
	}

	@Test
	void sessionHandlesOfOthersAreNotFound() {
		assertThat(api.get(Personas.EMPLOYEE, "/api/v1/sessions").retrieve().toBodilessEntity().getStatusCode().value())
			.isEqualTo(200);
		assertThat(api.delete(Personas.EMPLOYEE, "/api/v1/sessions/0123456789abcdef").retrieve().toBodilessEntity()
			.getStatusCode().value()).isEqualTo(404);
		assertThat(api.post(Personas.AUDITOR, "/api/v1/accounts/1/revoke-sessions").retrieve().toBodilessEntity()
			.getStatusCode().value()).isEqualTo(403);
	}

	private ResponseEntity<String> withToken(String secret, String uri) {
		return api.raw().get().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + secret).retrieve()
			.toEntity(String.class);
	}

	private ResponseEntity<String> login(String username, String password) {
		return api.raw().post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("username", username, "password", password)).retrieve().toEntity(String.class);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<?, ?>> rows(ResponseEntity<Map> page) {
		return (List<Map<?, ?>>) page.getBody().get("items");
	}
}
