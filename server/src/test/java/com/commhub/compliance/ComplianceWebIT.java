package com.commhub.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.commhub.IntegrationTest;
import com.commhub.Personas;
import com.commhub.WebSession;
import com.commhub.compliance.internal.ValidatedDetectors;

/** The officer's pages: the test bench (escaped text, marked findings), policies with versions, dictionaries. */
@IntegrationTest
class ComplianceWebIT {

	@LocalServerPort
	int port;

	@Test
	void testBenchShowsTheDecisionWithEscapedMarkedText() {
		WebSession browser = new WebSession(port);
		assertThat(browser.signIn(Personas.COMMUNICATION_OFFICER).statusCode()).isEqualTo(200);
		var page = browser.get("/compliance/test-bench");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"bench-form\"").contains("/compliance/test-bench\"")
			.doesNotContain("id=\"bench-decision\"");

		// a resident ID that also passes Luhn: reported once, as a resident ID
		String id = null;
		for (int seq = ThreadLocalRandom.current().nextInt(500); id == null; seq++) {
			String first17 = "44030419880808" + String.format("%03d", seq);
			String candidate = first17 + ValidatedDetectors.residentIdCheck(first17);
			if (ValidatedDetectors.luhn(candidate)) {
				id = candidate;
			}
		}
		var result = browser.post("/compliance/test-bench", Map.of("text", "<script>alert(1)</script> 身份证 " + id,
				"channel", "EXTERNAL_MAIL", "classification", "", "internalRecipients", "",
				"externalRecipients", "li@partner.example.com"));
		assertThat(result.statusCode()).isEqualTo(200);
		assertThat(result.body()).contains("id=\"bench-decision\"").contains("<code>WARN</code>")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)")
			.contains("<mark title=\"resident-id " + id.substring(0, 6) + "********" + id.substring(14) + "\">" + id
					+ "</mark>")
			.contains("default.personal-data-external").doesNotContain("<code>bank-card</code>");

		var internal = browser.post("/compliance/test-bench", Map.of("text", "身份证 " + id, "channel", "MAIL",
				"classification", "", "internalRecipients", "wang@huaxin.example.cn", "externalRecipients", ""));
		assertThat(internal.body()).contains("<code>AUDIT</code>");

		var blocked = browser.post("/compliance/test-bench", Map.of("text", "预算", "channel", "EXTERNAL_MAIL",
				"classification", "CONFIDENTIAL", "internalRecipients", "", "externalRecipients", "x@y.example.org"));
		assertThat(blocked.body()).contains("<code>BLOCK</code>").contains("id=\"bench-tip\"");

		WebSession employee = new WebSession(port);
		employee.signIn(Personas.EMPLOYEE);
		assertThat(employee.get("/compliance/test-bench").statusCode()).isEqualTo(403);
		assertThat(employee.get("/").body()).doesNotContain("/compliance/test-bench");
		assertThat(browser.get("/").body()).contains("/compliance/test-bench");
	}

	@Test
	void officerCreatesAndVersionsAPolicyAndADictionary() {
		String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
		WebSession browser = new WebSession(port);
		browser.signIn(Personas.COMMUNICATION_OFFICER);
		var list = browser.get("/compliance/policies");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("id=\"policy-default.confidential-external\"").contains("policy-create");

		var broken = browser.post("/compliance/policies", Map.of("definition", "{ not json"));
		assertThat(broken.statusCode()).isEqualTo(200);
		assertThat(broken.body()).contains("id=\"definition-error\"");

		String code = "t.web-" + suffix;
		String definition = """
				{"code":"%s","name":"网页策略","priority":500,"action":"AUDIT",
				 "scope":{"senderDepartmentIds":[987654321012]}}""".formatted(code);
		var created = browser.post("/compliance/policies", Map.of("definition", definition));
		assertThat(created.statusCode()).isEqualTo(200);
		assertThat(created.uri().getPath()).matches("/compliance/policies/\\d+");
		assertThat(created.body()).contains("id=\"policy-version\">v1<");

		var updated = browser.post(created.uri().getPath(),
				Map.of("definition", definition.replace("\"AUDIT\"", "\"WARN\"")));
		assertThat(updated.body()).contains("id=\"policy-version\">v2<").contains("class=\"card version-row\"");
		assertThat(updated.body().split("class=\"card version-row\"", -1)).hasSize(3);

		var deactivated = browser.post(created.uri().getPath() + "/deactivate", Map.of());
		assertThat(deactivated.uri().getPath()).isEqualTo("/compliance/policies");

		var export = browser.get("/compliance/policies/export.json");
		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.body()).contains("\"code\" : \"" + code + "\"");

		String dictionary = "t-web-" + suffix;
		var bad = browser.post("/compliance/dictionaries",
				Map.of("code", dictionary, "name", "词典", "category", "CORE_TECHNOLOGY", "terms", " "));
		assertThat(bad.body()).contains("id=\"terms-error\"");
		var saved = browser.post("/compliance/dictionaries",
				Map.of("code", dictionary, "name", "核心技术词典", "category", "CORE_TECHNOLOGY", "terms", "量子芯片\nFalcon SDK"));
		assertThat(saved.uri().getPath()).isEqualTo("/compliance/detectors");
		assertThat(saved.body()).contains("keyword:" + dictionary).contains("id=\"detectors-table\"")
			.contains("resident-id");
	}
}
