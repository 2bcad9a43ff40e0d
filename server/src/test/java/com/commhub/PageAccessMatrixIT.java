package com.commhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every page of the web UI × every persona: shown (200) or refused (403/404); anonymous goes to the sign-in page. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageAccessMatrixIT {

	static final Set<String> EVERYONE = Set.of(Personas.ADMIN, Personas.DEPARTMENT_HEAD,
			Personas.COMMUNICATION_OFFICER, Personas.AUDITOR, Personas.EMPLOYEE);

	record Page(String path, Set<String> allowed) {
		@Override
		public String toString() {
			return path;
		}
	}

	static List<Page> pages() {
		return List.of(new Page("/", EVERYONE), new Page("/directory/employees", EVERYONE),
				// mail: every employee has a mailbox; the administrator (no employee) gets a "no mailbox" page
				new Page("/mail", EVERYONE), new Page("/mail/folder/SENT", EVERYONE),
				new Page("/mail/compose", EVERYONE), new Page("/mail/search", EVERYONE),
				new Page("/mail/labels", EVERYONE), new Page("/mail/999999999", Set.of()),
				new Page("/mail/badge", EVERYONE),
				new Page("/directory/departments", EVERYONE), new Page("/directory/groups", EVERYONE),
				new Page("/directory/employees/new", Set.of(Personas.ADMIN)),
				new Page("/directory/import", Set.of(Personas.ADMIN)),
				new Page("/admin/roles", Set.of(Personas.ADMIN, Personas.COMMUNICATION_OFFICER, Personas.AUDITOR)),
				new Page("/audit", Set.of(Personas.ADMIN, Personas.AUDITOR)),
				// chat: every employee chats; the administrator (no employee) sees an empty list
				new Page("/chat", EVERYONE), new Page("/chat/new", EVERYONE), new Page("/chat/search", EVERYONE),
				new Page("/chat/999999999", Set.of()),
				new Page("/chat/admin/limits", Set.of(Personas.ADMIN, Personas.COMMUNICATION_OFFICER)),
				new Page("/compliance/test-bench", Set.of(Personas.ADMIN, Personas.COMMUNICATION_OFFICER)),
				new Page("/compliance/policies", Set.of(Personas.ADMIN, Personas.COMMUNICATION_OFFICER)),
				new Page("/compliance/detectors", Set.of(Personas.ADMIN, Personas.COMMUNICATION_OFFICER)),
				new Page("/compliance/evidence", Set.of(Personas.ADMIN, Personas.COMMUNICATION_OFFICER)),
				new Page("/compliance/approvals", EVERYONE),
				new Page("/compliance/quarantine", Set.of(Personas.ADMIN, Personas.COMMUNICATION_OFFICER)),
				new Page("/compliance/classification", Set.of(Personas.ADMIN, Personas.COMMUNICATION_OFFICER)),
				new Page("/archive/access", Set.of(Personas.COMMUNICATION_OFFICER, Personas.AUDITOR)),
				new Page("/archive/access/new", Set.of(Personas.COMMUNICATION_OFFICER, Personas.AUDITOR)),
				new Page("/archive/access/approvals", Set.of(Personas.AUDITOR)),
				new Page("/archive", Set.of(Personas.ADMIN, Personas.AUDITOR, Personas.COMMUNICATION_OFFICER)), new Page("/account", EVERYONE),
				new Page("/archive/retention", Set.of(Personas.ADMIN, Personas.AUDITOR, Personas.COMMUNICATION_OFFICER)),
				new Page("/archive/legal-holds", Set.of(Personas.COMMUNICATION_OFFICER, Personas.AUDITOR)),
				new Page("/account/password", EVERYONE), new Page("/account/2fa", EVERYONE),
				new Page("/account/sessions", EVERYONE), new Page("/account/tokens", EVERYONE),
				new Page("/notifications", EVERYONE), new Page("/notifications/preferences", EVERYONE),
				// downloads of a file nobody may read (here: none) are 404 for every role (see FilesIT)
				new Page("/files/999999999", Set.of()), new Page("/files/999999999/thumbnail", Set.of()));
	}

	@LocalServerPort
	int port;

	Stream<Arguments> cases() {
		return EVERYONE.stream().map(Arguments::of);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void personaSeesOnlyTheirPages(String persona) {
		WebSession browser = new WebSession(port);
		assertThat(browser.signIn(persona).statusCode()).isEqualTo(200);
		for (Page page : pages()) {
			int status = browser.get(page.path()).statusCode();
			if (page.allowed().contains(persona)) {
				assertThat(status).as("%s as %s", page.path(), persona).isEqualTo(200);
			}
			else {
				assertThat(status).as("%s as %s", page.path(), persona).isIn(403, 404);
			}
		}
	}

	@org.junit.jupiter.api.Test
	void errorPagesKeepTheUsersNavigation() {
		WebSession browser = new WebSession(port);
		browser.signIn(Personas.AUDITOR);
		var missing = browser.get("/no-such-page");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("页面不存在").contains("href=\"/audit\"");
	}

	@ParameterizedTest(name = "anonymous {0}")
	@MethodSource("pages")
	void anonymousIsSentToSignIn(Page page) {
		var response = new WebSession(port).get(page.path());
		assertThat(response.uri().getPath()).isEqualTo("/login");
	}
}
