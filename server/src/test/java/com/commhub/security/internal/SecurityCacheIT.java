package com.commhub.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.commhub.Api;
import com.commhub.IntegrationTest;
import com.commhub.Personas;
import com.commhub.security.AccountMother;
import com.commhub.security.DirectoryLookup;
import com.commhub.security.Permission;
import com.commhub.security.RoleSubject;

/**
 * The per-node cache of permissions and tokens ({@link SecurityCache}) never outlives the change that makes it wrong:
 * a directory change (group membership) reaches a cached token at once, a rolled-back role assignment leaves no
 * trace, and disabling an account ends its tokens at once.
 */
@IntegrationTest
class SecurityCacheIT {

	@LocalServerPort
	int port;

	@Autowired
	RoleService roles;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApiTokenService tokens;

	@Autowired
	AccountService accounts;

	@Autowired
	DirectoryLookup directory;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	@Test
	@SuppressWarnings("unchecked")
	void leavingAGroupTakesItsRoleAwayAtOnceFromACachedToken() {
		long employeeId = employeeIdOf(Personas.OTHER_EMPLOYEE);
		String token = token(Personas.OTHER_EMPLOYEE);
		var group = api.post(Personas.ADMIN, "/api/v1/groups")
			.body(Map.of("name", "审计小组-" + UUID.randomUUID().toString().substring(0, 8), "kind", "WORKING"))
			.retrieve().toEntity(Map.class).getBody();
		long groupId = ((Number) group.get("id")).longValue();
		assertThat(api.post(Personas.ADMIN, "/api/v1/roles/AUDITOR/assignments")
			.body(Map.of("subjectType", "GROUP", "subjectId", groupId)).retrieve().toBodilessEntity()
			.getStatusCode().value()).isEqualTo(201);
		assertThat(status(token, "/api/v1/audit-events")).isEqualTo(403);
		assertThat(status(token, "/api/v1/audit-events")).isEqualTo(403); // from the cache now

		assertThat(api.post(Personas.ADMIN, "/api/v1/groups/{id}/members", groupId)
			.body(Map.of("employeeId", employeeId)).retrieve().toBodilessEntity().getStatusCode().value())
			.isEqualTo(200);
		assertThat(status(token, "/api/v1/audit-events")).isEqualTo(200);

		assertThat(api.delete(Personas.ADMIN, "/api/v1/groups/{id}/members/{employee}", groupId, employeeId)
			.retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200);
		assertThat(status(token, "/api/v1/audit-events")).isEqualTo(403);
	}

	@Test
	void aRolledBackAssignmentLeavesNoCachedPermission() {
		long accountId = accountIdOf(Personas.EMPLOYEE);
		assertThat(roles.permissionsOf(accountId)).doesNotContain(Permission.AUDIT_READ);
		transactions.executeWithoutResult(tx -> {
			roles.assign("AUDITOR", RoleSubject.ACCOUNT, accountId);
			// inside the transaction it sees its own uncommitted assignment (read around the cache)
			assertThat(roles.permissionsOf(accountId)).contains(Permission.AUDIT_READ);
			tx.setRollbackOnly();
		});
		assertThat(roles.permissionsOf(accountId)).doesNotContain(Permission.AUDIT_READ);
	}

	@Test
	void disablingAnAccountEndsItsCachedTokenAtOnce() {
		var hired = AccountMother.hire(api, directory, "SC");
		long accountId = jdbc.queryForObject("select id from sec_account where employee_id = ?", Long.class,
				hired.employeeId());
		String token = tokens.createLoginToken(accountId).secret();
		assertThat(status(token, "/api/v1/me")).isEqualTo(200);
		assertThat(status(token, "/api/v1/me")).isEqualTo(200); // from the cache now

		accounts.disableForEmployee(hired.employeeId());
		assertThat(status(token, "/api/v1/me")).isEqualTo(401);
	}

	private String token(String username) {
		var created = api.post(username, "/api/v1/tokens")
			.body(Map.of("name", "cache-" + UUID.randomUUID(), "scopes", List.of("*"), "expiresInDays", 1))
			.retrieve().toEntity(Map.class);
		return (String) created.getBody().get("secret");
	}

	private int status(String token, String uri) {
		return api.raw().get().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve()
			.toBodilessEntity().getStatusCode().value();
	}

	private long accountIdOf(String username) {
		return jdbc.queryForObject("select id from sec_account where username = ?", Long.class, username);
	}

	private long employeeIdOf(String username) {
		return jdbc.queryForObject("select employee_id from sec_account where username = ?", Long.class, username);
	}
}
