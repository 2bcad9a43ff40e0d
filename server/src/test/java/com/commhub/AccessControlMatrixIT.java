package com.commhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every API endpoint × every persona (and anonymous): allowed or refused. Requests that are allowed use harmless
 * input (an empty body, an id that does not exist), so "allowed" means neither 401 nor 403, and "refused" means 403
 * or 404. {@link #everyApiEndpointIsInTheMatrix()} fails when an endpoint is added without a row here.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlMatrixIT {

	static final String ALL = "ALL";
	static final String NOBODY_ID = "999999";

	static final List<String> PERSONAS = List.of(Personas.ADMIN, Personas.DEPARTMENT_HEAD,
			Personas.COMMUNICATION_OFFICER, Personas.AUDITOR, Personas.EMPLOYEE);

	/** method, path template (as mapped), concrete path, who may call it ({@code ALL} = every signed-in persona). */
	record Row(HttpMethod method, String template, String path, Set<String> allowed) {
	}

	static final String ADMIN = Personas.ADMIN;
	static final Set<String> ROLE_VIEWERS = Set.of(Personas.ADMIN, Personas.COMMUNICATION_OFFICER, Personas.AUDITOR);

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	static List<Row> rows() {
		List<Row> rows = new ArrayList<>();
		// directory
		rows.add(row("GET", "/api/v1/departments", "/api/v1/departments", ALL));
		rows.add(row("POST", "/api/v1/departments", "/api/v1/departments", ADMIN));
		rows.add(row("GET", "/api/v1/departments/{id}", "/api/v1/departments/" + NOBODY_ID, ALL));
		rows.add(row("PATCH", "/api/v1/departments/{id}", "/api/v1/departments/" + NOBODY_ID, ADMIN));
		rows.add(row("POST", "/api/v1/departments/{id}/deactivate", "/api/v1/departments/" + NOBODY_ID + "/deactivate", ADMIN));
		rows.add(row("GET", "/api/v1/employees", "/api/v1/employees?q=wang", ALL));
		rows.add(row("POST", "/api/v1/employees", "/api/v1/employees", ADMIN));
		rows.add(row("GET", "/api/v1/employees/{id}", "/api/v1/employees/" + NOBODY_ID, ALL));
		rows.add(row("PUT", "/api/v1/employees/{id}", "/api/v1/employees/" + NOBODY_ID, ADMIN));
		for (String action : List.of("suspend", "reinstate", "leave", "revoke-sessions", "reset-password")) {
			rows.add(row("POST", "/api/v1/employees/{id}/" + action, "/api/v1/employees/" + NOBODY_ID + "/" + action, ADMIN));
		}
		rows.add(row("GET", "/api/v1/groups", "/api/v1/groups", ALL));
		rows.add(row("POST", "/api/v1/groups", "/api/v1/groups", ADMIN));
		rows.add(row("GET", "/api/v1/groups/{id}", "/api/v1/groups/" + NOBODY_ID, ALL));
		rows.add(row("POST", "/api/v1/groups/{id}/members", "/api/v1/groups/" + NOBODY_ID + "/members", ADMIN));
		rows.add(row("DELETE", "/api/v1/groups/{id}/members/{employeeId}", "/api/v1/groups/" + NOBODY_ID + "/members/" + NOBODY_ID, ADMIN));
		rows.add(row("POST", "/api/v1/directory/imports", "/api/v1/directory/imports", ADMIN));
		rows.add(row("GET", "/api/v1/directory/imports/{id}", "/api/v1/directory/imports/" + NOBODY_ID, ADMIN));
		rows.add(row("POST", "/api/v1/directory/imports/{id}/confirm", "/api/v1/directory/imports/" + NOBODY_ID + "/confirm", ADMIN));
		// security
		rows.add(row("GET", "/api/v1/me", "/api/v1/me", ALL));
		rows.add(row("GET", "/api/v1/sessions", "/api/v1/sessions", ALL));
		rows.add(row("DELETE", "/api/v1/sessions/{handle}", "/api/v1/sessions/0000000000000000", ALL));
		rows.add(row("GET", "/api/v1/tokens", "/api/v1/tokens", ALL));
		rows.add(row("POST", "/api/v1/tokens", "/api/v1/tokens", ALL));
		rows.add(row("DELETE", "/api/v1/tokens/{id}", "/api/v1/tokens/" + NOBODY_ID, ALL));
		rows.add(row("GET", "/api/v1/roles", "/api/v1/roles", ROLE_VIEWERS));
		rows.add(row("GET", "/api/v1/roles/privileged-holders", "/api/v1/roles/privileged-holders", ROLE_VIEWERS));
		rows.add(row("GET", "/api/v1/roles/{code}", "/api/v1/roles/AUDITOR", ROLE_VIEWERS));
		rows.add(row("POST", "/api/v1/roles/{code}/assignments", "/api/v1/roles/AUDITOR/assignments", ADMIN));
		rows.add(row("PUT", "/api/v1/roles/{code}/permissions", "/api/v1/roles/NO_SUCH_ROLE/permissions", ADMIN));
		rows.add(row("DELETE", "/api/v1/roles/{code}/assignments/{id}", "/api/v1/roles/AUDITOR/assignments/" + NOBODY_ID, ADMIN));
		rows.add(row("POST", "/api/v1/accounts/{accountId}/revoke-sessions", "/api/v1/accounts/" + NOBODY_ID + "/revoke-sessions", ADMIN));
		// archive
		rows.add(row("GET", "/api/v1/audit-events", "/api/v1/audit-events", Set.of(Personas.ADMIN, Personas.AUDITOR)));
		rows.add(row("GET", "/api/v1/archive/status", "/api/v1/archive/status", Set.of(Personas.ADMIN, Personas.AUDITOR, Personas.COMMUNICATION_OFFICER)));
		rows.add(row("GET", "/api/v1/archive/public-key", "/api/v1/archive/public-key", ALL));
		Set<String> retentionViewers = Set.of(Personas.ADMIN, Personas.AUDITOR, Personas.COMMUNICATION_OFFICER);
		Set<String> retentionManagers = Set.of(Personas.ADMIN, Personas.COMMUNICATION_OFFICER);
		Set<String> legalHolders = Set.of(Personas.COMMUNICATION_OFFICER, Personas.AUDITOR);
		rows.add(row("GET", "/api/v1/archive/retention-schedules", "/api/v1/archive/retention-schedules", retentionViewers));
		rows.add(row("GET", "/api/v1/archive/retention-schedules/{kind}", "/api/v1/archive/retention-schedules/AUDIT_EVENT", retentionViewers));
		rows.add(row("PUT", "/api/v1/archive/retention-schedules/{kind}", "/api/v1/archive/retention-schedules/NO_SUCH_KIND", retentionManagers));
		rows.add(row("POST", "/api/v1/archive/disposals", "/api/v1/archive/disposals", retentionManagers));
		rows.add(row("GET", "/api/v1/archive/disposals", "/api/v1/archive/disposals", retentionViewers));
		rows.add(row("GET", "/api/v1/archive/legal-holds", "/api/v1/archive/legal-holds", legalHolders));
		rows.add(row("POST", "/api/v1/archive/legal-holds", "/api/v1/archive/legal-holds", legalHolders));
		rows.add(row("GET", "/api/v1/archive/legal-holds/{id}", "/api/v1/archive/legal-holds/" + NOBODY_ID, legalHolders));
		rows.add(row("POST", "/api/v1/archive/legal-holds/{id}/release", "/api/v1/archive/legal-holds/" + NOBODY_ID + "/release", legalHolders));
		Set<String> accessRequesters = Set.of(Personas.COMMUNICATION_OFFICER, Personas.AUDITOR);
		Set<String> accessApprovers = Set.of(Personas.AUDITOR);
		String accessRequest = "/api/v1/archive/access-requests/" + NOBODY_ID;
		rows.add(row("GET", "/api/v1/archive/access-requests", "/api/v1/archive/access-requests", accessRequesters));
		rows.add(row("POST", "/api/v1/archive/access-requests", "/api/v1/archive/access-requests", accessRequesters));
		rows.add(row("GET", "/api/v1/archive/access-approvals", "/api/v1/archive/access-approvals", accessApprovers));
		rows.add(row("GET", "/api/v1/archive/access-requests/{id}", accessRequest, accessRequesters));
		rows.add(row("POST", "/api/v1/archive/access-requests/{id}/approve", accessRequest + "/approve", accessApprovers));
		rows.add(row("POST", "/api/v1/archive/access-requests/{id}/reject", accessRequest + "/reject", accessApprovers));
		rows.add(row("POST", "/api/v1/archive/access-requests/{id}/withdraw", accessRequest + "/withdraw", accessRequesters));
		rows.add(row("GET", "/api/v1/archive/access-requests/{id}/search", accessRequest + "/search?q=x", accessRequesters));
		rows.add(row("GET", "/api/v1/archive/access-requests/{id}/export", accessRequest + "/export", accessRequesters));
		rows.add(row("GET", "/api/v1/archive/access-requests/{id}/entries/{entryId}", accessRequest + "/entries/" + NOBODY_ID, accessRequesters));
		// compliance
		Set<String> complianceManagers = Set.of(Personas.ADMIN, Personas.COMMUNICATION_OFFICER);
		rows.add(row("POST", "/api/v1/compliance/inspect", "/api/v1/compliance/inspect", ALL));
		rows.add(row("GET", "/api/v1/compliance/policies", "/api/v1/compliance/policies", complianceManagers));
		rows.add(row("POST", "/api/v1/compliance/policies", "/api/v1/compliance/policies", complianceManagers));
		rows.add(row("GET", "/api/v1/compliance/policies/{id}", "/api/v1/compliance/policies/" + NOBODY_ID, complianceManagers));
		rows.add(row("PUT", "/api/v1/compliance/policies/{id}", "/api/v1/compliance/policies/" + NOBODY_ID, complianceManagers));
		rows.add(row("POST", "/api/v1/compliance/policies/{id}/activate", "/api/v1/compliance/policies/" + NOBODY_ID + "/activate", complianceManagers));
		rows.add(row("POST", "/api/v1/compliance/policies/{id}/deactivate", "/api/v1/compliance/policies/" + NOBODY_ID + "/deactivate", complianceManagers));
		rows.add(row("GET", "/api/v1/compliance/policies/export", "/api/v1/compliance/policies/export", complianceManagers));
		rows.add(row("POST", "/api/v1/compliance/policies/import", "/api/v1/compliance/policies/import", complianceManagers));
		rows.add(row("GET", "/api/v1/compliance/dictionaries", "/api/v1/compliance/dictionaries", complianceManagers));
		rows.add(row("POST", "/api/v1/compliance/dictionaries", "/api/v1/compliance/dictionaries", complianceManagers));
		rows.add(row("GET", "/api/v1/compliance/evidence", "/api/v1/compliance/evidence", complianceManagers));
		rows.add(row("GET", "/api/v1/compliance/approvals", "/api/v1/compliance/approvals", ALL));
		rows.add(row("POST", "/api/v1/compliance/approvals/{id}/approve", "/api/v1/compliance/approvals/" + NOBODY_ID + "/approve", ALL));
		rows.add(row("POST", "/api/v1/compliance/approvals/{id}/reject", "/api/v1/compliance/approvals/" + NOBODY_ID + "/reject", ALL));
		rows.add(row("GET", "/api/v1/compliance/quarantine", "/api/v1/compliance/quarantine", complianceManagers));
		rows.add(row("POST", "/api/v1/compliance/quarantine/{id}/release", "/api/v1/compliance/quarantine/" + NOBODY_ID + "/release", complianceManagers));
		rows.add(row("POST", "/api/v1/compliance/quarantine/{id}/discard", "/api/v1/compliance/quarantine/" + NOBODY_ID + "/discard", complianceManagers));
		rows.add(row("GET", "/api/v1/compliance/classification", "/api/v1/compliance/classification", ALL));
		rows.add(row("PUT", "/api/v1/compliance/classification/defaults", "/api/v1/compliance/classification/defaults", complianceManagers));
		// notification: everyone has their own; someone else's notification is 404
		rows.add(row("GET", "/api/v1/notifications", "/api/v1/notifications", ALL));
		rows.add(row("GET", "/api/v1/notifications/unread-count", "/api/v1/notifications/unread-count", ALL));
		rows.add(row("POST", "/api/v1/notifications/{id}/read", "/api/v1/notifications/" + NOBODY_ID + "/read", ALL));
		rows.add(row("POST", "/api/v1/notifications/read-all", "/api/v1/notifications/read-all", ALL));
		rows.add(row("GET", "/api/v1/notifications/preferences", "/api/v1/notifications/preferences", ALL));
		rows.add(row("PUT", "/api/v1/notifications/preferences", "/api/v1/notifications/preferences", ALL));
		// files: everyone uploads; a file that is not theirs (nor granted) is 404 like a missing one (FilesIT)
		rows.add(row("POST", "/api/v1/files", "/api/v1/files", ALL));
		rows.add(row("GET", "/api/v1/files/{id}", "/api/v1/files/" + NOBODY_ID, ALL));
		rows.add(row("GET", "/api/v1/files/{id}/content", "/api/v1/files/" + NOBODY_ID + "/content", ALL));
		rows.add(row("GET", "/api/v1/files/{id}/thumbnail", "/api/v1/files/" + NOBODY_ID + "/thumbnail", ALL));
		// mail: everyone has a mailbox (the administrator's is empty); someone else's mail, draft, folder or label is 404
		rows.add(row("POST", "/api/v1/mail", "/api/v1/mail", ALL));
		rows.add(row("GET", "/api/v1/mail", "/api/v1/mail?folder=INBOX", ALL));
		rows.add(row("GET", "/api/v1/mail/{itemId}", "/api/v1/mail/" + NOBODY_ID, ALL));
		rows.add(row("PATCH", "/api/v1/mail/{itemId}", "/api/v1/mail/" + NOBODY_ID, ALL));
		rows.add(row("DELETE", "/api/v1/mail/{itemId}", "/api/v1/mail/" + NOBODY_ID, ALL));
		rows.add(row("POST", "/api/v1/mail/{itemId}/restore", "/api/v1/mail/" + NOBODY_ID + "/restore", ALL));
		rows.add(row("GET", "/api/v1/mail/{itemId}/thread", "/api/v1/mail/" + NOBODY_ID + "/thread", ALL));
		rows.add(row("GET", "/api/v1/mail/{itemId}/reply", "/api/v1/mail/" + NOBODY_ID + "/reply?kind=REPLY_ALL", ALL));
		rows.add(row("POST", "/api/v1/mail/drafts", "/api/v1/mail/drafts", ALL));
		rows.add(row("GET", "/api/v1/mail/drafts", "/api/v1/mail/drafts", ALL));
		rows.add(row("GET", "/api/v1/mail/drafts/{draftId}", "/api/v1/mail/drafts/" + NOBODY_ID, ALL));
		rows.add(row("PUT", "/api/v1/mail/drafts/{draftId}", "/api/v1/mail/drafts/" + NOBODY_ID, ALL));
		rows.add(row("DELETE", "/api/v1/mail/drafts/{draftId}", "/api/v1/mail/drafts/" + NOBODY_ID, ALL));
		rows.add(row("GET", "/api/v1/mail/search", "/api/v1/mail/search?text=合同", ALL));
		rows.add(row("POST", "/api/v1/mail/cc-suggestions", "/api/v1/mail/cc-suggestions", ALL));
		rows.add(row("GET", "/api/v1/mail/unread", "/api/v1/mail/unread", ALL));
		rows.add(row("GET", "/api/v1/mail/folders", "/api/v1/mail/folders", ALL));
		rows.add(row("POST", "/api/v1/mail/folders", "/api/v1/mail/folders", ALL));
		rows.add(row("PUT", "/api/v1/mail/folders/{folderId}", "/api/v1/mail/folders/" + NOBODY_ID, ALL));
		rows.add(row("DELETE", "/api/v1/mail/folders/{folderId}", "/api/v1/mail/folders/" + NOBODY_ID, ALL));
		rows.add(row("GET", "/api/v1/mail/labels", "/api/v1/mail/labels", ALL));
		rows.add(row("POST", "/api/v1/mail/labels", "/api/v1/mail/labels", ALL));
		rows.add(row("PUT", "/api/v1/mail/labels/{labelId}", "/api/v1/mail/labels/" + NOBODY_ID, ALL));
		rows.add(row("DELETE", "/api/v1/mail/labels/{labelId}", "/api/v1/mail/labels/" + NOBODY_ID, ALL));
		// chat: everyone chats; a conversation or message they are not a member of is 404 like a missing one (ChatAccessIT)
		String conversation = "/api/v1/conversations/" + NOBODY_ID;
		String chatMessage = "/api/v1/chat/messages/" + NOBODY_ID;
		rows.add(row("GET", "/api/v1/conversations", "/api/v1/conversations", ALL));
		rows.add(row("POST", "/api/v1/conversations", "/api/v1/conversations", ALL));
		rows.add(row("GET", "/api/v1/conversations/{id}", conversation, ALL));
		rows.add(row("PATCH", "/api/v1/conversations/{id}", conversation, ALL));
		rows.add(row("GET", "/api/v1/conversations/{id}/members", conversation + "/members", ALL));
		rows.add(row("POST", "/api/v1/conversations/{id}/members", conversation + "/members", ALL));
		rows.add(row("DELETE", "/api/v1/conversations/{id}/members/{employeeId}", conversation + "/members/" + NOBODY_ID, ALL));
		rows.add(row("PUT", "/api/v1/conversations/{id}/owners/{employeeId}", conversation + "/owners/" + NOBODY_ID, ALL));
		rows.add(row("GET", "/api/v1/conversations/{id}/messages", conversation + "/messages?afterChangeSeq=0", ALL));
		rows.add(row("POST", "/api/v1/conversations/{id}/messages", conversation + "/messages", ALL));
		rows.add(row("POST", "/api/v1/conversations/{id}/read", conversation + "/read", ALL));
		rows.add(row("GET", "/api/v1/chat/messages/{id}", chatMessage, ALL));
		rows.add(row("PATCH", "/api/v1/chat/messages/{id}", chatMessage, ALL));
		rows.add(row("POST", "/api/v1/chat/messages/{id}/recall", chatMessage + "/recall", ALL));
		rows.add(row("POST", "/api/v1/chat/messages/{id}/open", chatMessage + "/open", ALL));
		rows.add(row("PUT", "/api/v1/chat/messages/{id}/reactions/{emoji}", chatMessage + "/reactions/ok", ALL));
		rows.add(row("DELETE", "/api/v1/chat/messages/{id}/reactions/{emoji}", chatMessage + "/reactions/ok", ALL));
		rows.add(row("GET", "/api/v1/chat/messages/{id}/receipts", chatMessage + "/receipts", ALL));
		rows.add(row("GET", "/api/v1/chat/messages/{id}/thread", chatMessage + "/thread", ALL));
		rows.add(row("GET", "/api/v1/chat/search", "/api/v1/chat/search?q=合同", ALL));
		rows.add(row("GET", "/api/v1/chat/unread", "/api/v1/chat/unread", ALL));
		rows.add(row("GET", "/api/v1/chat/limits", "/api/v1/chat/limits", complianceManagers));
		rows.add(row("PUT", "/api/v1/chat/limits", "/api/v1/chat/limits", complianceManagers));
		// operations
		rows.add(row("GET", "/actuator/prometheus", "/actuator/prometheus", ADMIN));
		return rows;
	}

	static Row row(String method, String template, String path, String allowed) {
		return new Row(HttpMethod.valueOf(method), template, path,
				ALL.equals(allowed) ? Set.copyOf(PERSONAS) : Set.of(allowed));
	}

	static Row row(String method, String template, String path, Set<String> allowed) {
		return new Row(HttpMethod.valueOf(method), template, path, allowed);
	}

	Stream<Arguments> cases() {
		return rows().stream().flatMap(row -> PERSONAS.stream().map(persona -> Arguments.of(row, persona)));
	}

	@ParameterizedTest(name = "{1} {0}")
	@MethodSource("cases")
	void personaIsAllowedOrRefused(Row row, String persona) {
		int status = call(row, persona);
		if (row.allowed().contains(persona)) {
			assertThat(status).as("%s %s as %s should be allowed", row.method(), row.path(), persona)
				.isNotIn(401, 403);
		}
		else {
			assertThat(status).as("%s %s as %s should be refused", row.method(), row.path(), persona)
				.isIn(403, 404);
		}
	}

	@ParameterizedTest(name = "anonymous {0}")
	@MethodSource("rows")
	void anonymousIsUnauthorised(Row row) {
		int status = api.raw().method(row.method()).uri(row.path()).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of()).retrieve().toBodilessEntity().getStatusCode().value();
		assertThat(status).as("%s %s anonymous", row.method(), row.path()).isEqualTo(401);
	}

	@Test
	void publicEndpointsNeedNoSignIn() {
		assertThat(api.raw().get().uri("/actuator/health").retrieve().toBodilessEntity().getStatusCode().value())
			.isEqualTo(200);
		assertThat(api.raw().get().uri("/v3/api-docs").retrieve().toBodilessEntity().getStatusCode().value())
			.isEqualTo(200);
	}

	@Test
	void everyApiEndpointIsInTheMatrix() {
		Set<String> mapped = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/api/") && !pattern.equals("/api/v1/auth/login")) {
					info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m.name() + " " + normalise(pattern)));
				}
			}
		});
		Set<String> covered = new TreeSet<>();
		rows().forEach(row -> covered.add(row.method().name() + " " + normalise(row.template())));
		assertThat(covered).as("rows of the access-control matrix").containsAll(mapped);
	}

	private static String normalise(String pattern) {
		return pattern.replaceAll("\\{[^}]+}", "{}");
	}

	private int call(Row row, String persona) {
		var spec = api.raw().method(row.method()).uri(row.path())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + api.tokenOf(persona));
		if (row.method() == HttpMethod.GET || row.method() == HttpMethod.DELETE) {
			return spec.retrieve().toBodilessEntity().getStatusCode().value();
		}
		return spec.contentType(MediaType.APPLICATION_JSON).body(Map.of()).retrieve().toBodilessEntity()
			.getStatusCode().value();
	}
}
