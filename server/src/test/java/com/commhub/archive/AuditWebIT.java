package com.commhub.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.commhub.IntegrationTest;
import com.commhub.Personas;
import com.commhub.WebSession;

/** The audit trail page (SEC-7): the auditor reads and filters it, in place with htmx; others are refused. */
@IntegrationTest
class AuditWebIT {

	@LocalServerPort
	int port;

	@Test
	void auditorSeesRowsAndFilters() {
		WebSession browser = new WebSession(port);
		assertThat(browser.signIn(Personas.AUDITOR).statusCode()).isEqualTo(200);

		var page = browser.get("/audit");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<form").contains("id=\"audit-table\"").contains("class=\"audit-row\"")
			.contains("<html");
		// the auditor's own sign-in is on the first page, with its outcome badge
		assertThat(page.body()).contains("<code>signin</code>").contains("badge SUCCESS");

		// htmx: only the results fragment, filtered
		var fragment = browser.get("/audit?action=signin&actor=" + Personas.AUDITOR + "&outcome=SUCCESS",
				Map.of("HX-Request", "true"));
		assertThat(fragment.statusCode()).isEqualTo(200);
		assertThat(fragment.body()).doesNotContain("<html").doesNotContain("<form").contains("id=\"audit-results\"")
			.contains("class=\"audit-row\"").doesNotContain("badge FAILURE");

		var none = browser.get("/audit?actor=nobody-at-all", Map.of("HX-Request", "true"));
		assertThat(none.body()).doesNotContain("class=\"audit-row\"");

		// a date that cannot be read is named next to its field
		var bad = browser.get("/audit?from=someday");
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("id=\"from-error\"").contains("someday").doesNotContain("class=\"audit-row\"");
		var badFragment = browser.get("/audit?to=2026-02-30x", Map.of("HX-Request", "true"));
		assertThat(badFragment.body()).contains("id=\"to-error\" hx-swap-oob=\"true\"").contains("2026-02-30x");
	}

	@Test
	void englishPageIsInEnglish() {
		WebSession browser = new WebSession(port);
		browser.signIn(Personas.ADMIN);
		assertThat(browser.get("/audit?lang=en").body()).contains("Audit trail").contains("Outcome");
	}

	@Test
	void employeeIsRefused() {
		WebSession browser = new WebSession(port);
		browser.signIn(Personas.EMPLOYEE);
		assertThat(browser.get("/audit").statusCode()).isEqualTo(403);
		assertThat(browser.get("/audit", Map.of("HX-Request", "true")).statusCode()).isEqualTo(403);
	}
}
