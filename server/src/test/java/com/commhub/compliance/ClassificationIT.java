package com.commhub.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.commhub.Api;
import com.commhub.IntegrationTest;
import com.commhub.Personas;
import com.commhub.WebSession;
import com.commhub.shared.Classification;

/**
 * Classification levels and per-channel defaults (CLS-1, CLS-2) over REST and on the officer's page, with 绝密
 * switched off (the default, also in tests): not offered, refused at the boundary naming the field. Each test puts
 * the defaults back as the migration set them.
 */
@IntegrationTest
class ClassificationIT {

	static final String SETTINGS = "/api/v1/compliance/classification";

	@LocalServerPort
	int port;
	@Autowired
	ClassificationDefaults defaults;
	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void restore() {
		new Api(port).put(Personas.COMMUNICATION_OFFICER, SETTINGS + "/defaults")
			.body(Map.of("CHAT", "INTERNAL", "MAIL", "INTERNAL", "ANNOUNCEMENT", "INTERNAL", "EXTERNAL_MAIL", "PUBLIC",
					"FILE", "INTERNAL"))
			.retrieve()
			.toBodilessEntity();
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyoneReadsTheOfferedLevelsAndDefaults() {
		Map<String, Object> settings = new Api(port).get(Personas.EMPLOYEE, SETTINGS).retrieve().body(Map.class);
		assertThat(settings.get("topSecretEnabled")).isEqualTo(false);
		assertThat((List<String>) settings.get("offered")).containsExactly("PUBLIC", "INTERNAL", "CONFIDENTIAL");
		assertThat((Map<String, String>) settings.get("defaults")).containsEntry("CHAT", "INTERNAL")
			.containsEntry("EXTERNAL_MAIL", "PUBLIC")
			.containsEntry("FILE", "INTERNAL");
		assertThat(defaults.offered()).doesNotContain(Classification.TOP_SECRET);
		assertThat(defaults.defaultFor(Channel.EXTERNAL_MAIL)).isEqualTo(Classification.PUBLIC);
	}

	@Test
	void theOfficerChangesADefaultAndItIsAudited() {
		Api api = new Api(port);
		ResponseEntity<String> changed = api.put(Personas.COMMUNICATION_OFFICER, SETTINGS + "/defaults")
			.body(Map.of("ANNOUNCEMENT", "机密"))
			.retrieve()
			.toEntity(String.class);
		assertThat(changed.getStatusCode().value()).as(changed.getBody()).isEqualTo(200);
		assertThat(changed.getBody()).contains("\"ANNOUNCEMENT\":\"CONFIDENTIAL\"");
		assertThat(defaults.defaultFor(Channel.ANNOUNCEMENT)).isEqualTo(Classification.CONFIDENTIAL);
		assertThat(jdbc.queryForObject("select classification from cmp_classification_default where channel = ?",
				String.class, "ANNOUNCEMENT")).isEqualTo("CONFIDENTIAL");
		assertThat(jdbc.queryForObject("""
				select count(*) from arc_audit_event where action = 'compliance.classification.default'
				and target_id = 'ANNOUNCEMENT' and details like '%INTERNAL -> CONFIDENTIAL%'""", Integer.class))
			.isPositive();

		assertThat(api.put(Personas.EMPLOYEE, SETTINGS + "/defaults").body(Map.of("CHAT", "PUBLIC")).retrieve()
			.toEntity(String.class).getStatusCode().value()).isEqualTo(403);
		assertThat(api.put(Personas.DEPARTMENT_HEAD, SETTINGS + "/defaults").body(Map.of("CHAT", "PUBLIC")).retrieve()
			.toEntity(String.class).getStatusCode().value()).isEqualTo(403);
		assertThat(defaults.defaultFor(Channel.CHAT)).isEqualTo(Classification.INTERNAL);
	}

	@Test
	void topSecretAndUnknownValuesAreRefusedNamingTheField() {
		Api api = new Api(port);
		ResponseEntity<String> topSecret = api.put(Personas.COMMUNICATION_OFFICER, SETTINGS + "/defaults")
			.body(Map.of("MAIL", "TOP_SECRET"))
			.retrieve()
			.toEntity(String.class);
		assertThat(topSecret.getStatusCode().value()).isEqualTo(400);
		assertThat(topSecret.getBody()).contains("\"field\":\"MAIL\"").contains("compliance.classification.notOffered");
		assertThat(api.put(Personas.COMMUNICATION_OFFICER, SETTINGS + "/defaults")
			.body(Map.of("PIGEON", "PUBLIC")).retrieve().toEntity(String.class).getBody())
			.contains("\"field\":\"PIGEON\"");
		assertThat(api.put(Personas.COMMUNICATION_OFFICER, SETTINGS + "/defaults")
			.body(Map.of("CHAT", "SECRETISH")).retrieve().toEntity(String.class).getBody())
			.contains("\"field\":\"CHAT\"").contains("compliance.classification.invalid");
		assertThat(defaults.defaultFor(Channel.MAIL)).isEqualTo(Classification.INTERNAL);

		ResponseEntity<String> inspected = api.post(Personas.EMPLOYEE, "/api/v1/compliance/inspect")
			.body(Map.of("text", "会议通知", "channel", "CHAT", "classification", "绝密"))
			.retrieve()
			.toEntity(String.class);
		assertThat(inspected.getStatusCode().value()).isEqualTo(400);
		assertThat(inspected.getBody()).contains("\"field\":\"classification\"");
	}

	@Test
	void theSettingsPageShowsEveryMarkingAndOffersOnlyEnabledLevels() {
		WebSession browser = new WebSession(port);
		browser.signIn(Personas.COMMUNICATION_OFFICER);
		var page = browser.get("/compliance/classification");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("密级设置")
			.contains("data-classification=\"PUBLIC\"").contains("data-classification=\"TOP_SECRET\"")
			.contains("内部资料,请勿外传")
			.contains("机密 · 内部资料,请勿外传 · 仅限授权人员阅读")
			.contains("绝密 · 仅限指定人员阅读")
			.contains("--cls-colour: #c62828")
			.contains("id=\"default-CHAT\"")
			.doesNotContain("<option value=\"TOP_SECRET\"");

		var refused = browser.post("/compliance/classification", Map.of("CHAT", "TOP_SECRET"));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).containsPattern("id=\"CHAT-error\">[^<]*未启用该密级");
		assertThat(defaults.defaultFor(Channel.CHAT)).isEqualTo(Classification.INTERNAL);

		var saved = browser.post("/compliance/classification", Map.of("CHAT", "PUBLIC", "FILE", "CONFIDENTIAL"));
		assertThat(saved.body()).contains("id=\"classification-saved\"");
		assertThat(defaults.defaultFor(Channel.CHAT)).isEqualTo(Classification.PUBLIC);
		assertThat(defaults.defaultFor(Channel.FILE)).isEqualTo(Classification.CONFIDENTIAL);

		WebSession english = new WebSession(port);
		english.signIn(Personas.COMMUNICATION_OFFICER);
		assertThat(english.get("/compliance/classification?lang=en").body())
			.contains("Internal material, do not pass on").contains("Confidential · internal material");

		WebSession employee = new WebSession(port);
		employee.signIn(Personas.EMPLOYEE);
		assertThat(employee.get("/compliance/classification").statusCode()).isEqualTo(403);
	}

	@Test
	void theTestBenchMarksTheDeclaredLevelAndRefusesTopSecret() {
		WebSession browser = new WebSession(port);
		browser.signIn(Personas.COMMUNICATION_OFFICER);
		var bench = browser.get("/compliance/test-bench");
		assertThat(bench.body()).contains("<option value=\"CONFIDENTIAL\"").doesNotContain("<option value=\"TOP_SECRET\"");
		var marked = browser.post("/compliance/test-bench", Map.of("text", "季度预算", "channel", "MAIL",
				"classification", "CONFIDENTIAL", "internalRecipients", "a@huaxin.example.cn", "externalRecipients", ""));
		assertThat(marked.body()).contains("class=\"cls-marking cls-CONFIDENTIAL\"")
			.contains("机密 · 内部资料,请勿外传");
		var refused = browser.post("/compliance/test-bench", Map.of("text", "季度预算", "channel", "MAIL",
				"classification", "TOP_SECRET", "internalRecipients", "", "externalRecipients", ""));
		assertThat(refused.body()).containsPattern("id=\"classification-error\">[^<]*未启用该密级")
			.doesNotContain("id=\"bench-decision\"");
	}
}
