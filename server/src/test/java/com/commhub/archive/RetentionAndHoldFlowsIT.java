package com.commhub.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.commhub.Api;
import com.commhub.IntegrationTest;
import com.commhub.Personas;
import com.commhub.WebSession;

/**
 * Retention schedules and legal holds through REST and the pages (ARC-3): the six-month minimum for security
 * records, permanent certificates, permissions, reasons required, field errors, and the audit trail of changes.
 */
@IntegrationTest
class RetentionAndHoldFlowsIT {

	static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	int port;
	@Autowired
	JdbcTemplate jdbc;

	Api api;
	Map<String, Integer> savedSchedules = new HashMap<>();
	final String run = UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void setUp() {
		api = new Api(port);
		jdbc.query("select kind, retention_days from arc_retention_schedule",
				rs -> {
					savedSchedules.put(rs.getString(1), (Integer) rs.getObject(2));
				});
	}

	@AfterEach
	void restore() {
		savedSchedules.forEach((kind, days) -> jdbc.update(
				"update arc_retention_schedule set retention_days = ? where kind = ?", days, kind));
	}

	Integer days(String kind) {
		return jdbc.queryForObject("select retention_days from arc_retention_schedule where kind = ?", Integer.class,
				kind);
	}

	ResponseEntity<Map<String, Object>> putDays(String persona, String kind, Object days) {
		return api.put(persona, "/api/v1/archive/retention-schedules/{kind}", kind)
			.contentType(MediaType.APPLICATION_JSON)
			.body(days == null ? Map.of() : Map.of("retentionDays", days))
			.retrieve()
			.toEntity(JSON);
	}

	@SuppressWarnings("unchecked")
	static String errorField(ResponseEntity<Map<String, Object>> response) {
		List<Map<String, Object>> errors = (List<Map<String, Object>>) response.getBody().get("errors");
		return (String) errors.getFirst().get("field");
	}

	@Test
	void securityRecordsAreKeptAtLeastSixMonthsAndChangesAreAudited() {
		var tooShort = putDays(Personas.COMMUNICATION_OFFICER, "AUDIT_EVENT", 179);
		assertThat(tooShort.getStatusCode().value()).isEqualTo(400);
		assertThat(tooShort.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		assertThat(errorField(tooShort)).isEqualTo("retentionDays");
		assertThat((String) tooShort.getBody().get("detail")).contains("180");
		assertThat(days("AUDIT_EVENT")).isEqualTo(savedSchedules.get("AUDIT_EVENT"));

		var minimum = putDays(Personas.ADMIN, "AUDIT_EVENT", 180);
		assertThat(minimum.getStatusCode().value()).isEqualTo(200);
		assertThat(minimum.getBody().get("retentionDays")).isEqualTo(180);
		assertThat(days("AUDIT_EVENT")).isEqualTo(180);
		assertThat(jdbc.queryForObject("select count(*) from arc_audit_event where action = 'archive.retention.update' "
				+ "and target_id = 'AUDIT_EVENT' and actor_name = 'admin' and details like '%-> 180 days'", Long.class))
			.isPositive();

		// ordinary records may be short; certificates are permanent; unknown kinds are 404
		assertThat(putDays(Personas.COMMUNICATION_OFFICER, "CALL_LOG", 30).getStatusCode().value()).isEqualTo(200);
		var certificate = putDays(Personas.COMMUNICATION_OFFICER, "DISPOSAL_CERTIFICATE", 3650);
		assertThat(certificate.getStatusCode().value()).isEqualTo(400);
		assertThat(errorField(certificate)).isEqualTo("retentionDays");
		assertThat(putDays(Personas.COMMUNICATION_OFFICER, "PIGEON_POST", 30).getStatusCode().value()).isEqualTo(404);
		assertThat(putDays(Personas.AUDITOR, "CALL_LOG", 400).getStatusCode().value()).isEqualTo(403);
		assertThat(putDays(Personas.EMPLOYEE, "CALL_LOG", 400).getStatusCode().value()).isEqualTo(403);

		// the database refuses it too, whoever writes
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
				"update arc_retention_schedule set retention_days = 30 where kind = 'ACCESS_RECORD'"))
			.isInstanceOf(org.springframework.dao.DataAccessException.class);

		List<Map<String, Object>> schedules = api.get(Personas.AUDITOR, "/api/v1/archive/retention-schedules")
			.retrieve().body(new ParameterizedTypeReference<>() {
			});
		assertThat(schedules).extracting(s -> s.get("kind")).contains("CHAT_MESSAGE", "AUDIT_EVENT",
				"DISPOSAL_CERTIFICATE", "COMPLIANCE_DECISION");
		assertThat(schedules).filteredOn(s -> "DISPOSAL_CERTIFICATE".equals(s.get("kind")))
			.singleElement().satisfies(s -> {
				assertThat(s.get("retentionDays")).isNull();
				assertThat(s.get("fixed")).isEqualTo(true);
			});
	}

	@Test
	void runningDisposalNeedsThePermissionAndAReason() {
		var noReason = api.post(Personas.COMMUNICATION_OFFICER, "/api/v1/archive/disposals")
			.contentType(MediaType.APPLICATION_JSON).body(Map.of()).retrieve().toEntity(JSON);
		assertThat(noReason.getStatusCode().value()).isEqualTo(400);
		assertThat(errorField(noReason)).isEqualTo("reason");
		assertThat(api.post(Personas.AUDITOR, "/api/v1/archive/disposals").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("reason", "x")).retrieve().toEntity(JSON).getStatusCode().value()).isEqualTo(403);
	}

	@Test
	void legalHoldsNeedThePermissionAndReasons() {
		Map<String, Object> valid = Map.of("caseId", "CASE-" + run, "reason", "诉讼 " + run, "parties",
				List.of("HZ" + run));
		assertThat(api.post(Personas.ADMIN, "/api/v1/archive/legal-holds").contentType(MediaType.APPLICATION_JSON)
			.body(valid).retrieve().toEntity(JSON).getStatusCode().value()).isEqualTo(403);
		assertThat(api.get(Personas.EMPLOYEE, "/api/v1/archive/legal-holds").retrieve().toEntity(String.class)
			.getStatusCode().value()).isEqualTo(403);

		var noReason = api.post(Personas.AUDITOR, "/api/v1/archive/legal-holds").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("caseId", "CASE-" + run, "keyword", "x")).retrieve().toEntity(JSON);
		assertThat(noReason.getStatusCode().value()).isEqualTo(400);
		assertThat(errorField(noReason)).isEqualTo("reason");
		var noCriteria = api.post(Personas.AUDITOR, "/api/v1/archive/legal-holds")
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("caseId", "CASE-" + run, "reason", "r")).retrieve()
			.toEntity(JSON);
		assertThat(noCriteria.getStatusCode().value()).isEqualTo(400);
		var badDate = api.post(Personas.AUDITOR, "/api/v1/archive/legal-holds").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("caseId", "CASE-" + run, "reason", "r", "from", "2024-13-01")).retrieve().toEntity(JSON);
		assertThat(errorField(badDate)).isEqualTo("from");
		var badDepartment = api.post(Personas.AUDITOR, "/api/v1/archive/legal-holds")
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("caseId", "CASE-" + run, "reason", "r",
					"departmentId", 999999))
			.retrieve().toEntity(JSON);
		assertThat(errorField(badDepartment)).isEqualTo("departmentId");

		var created = api.post(Personas.AUDITOR, "/api/v1/archive/legal-holds").contentType(MediaType.APPLICATION_JSON)
			.body(valid).retrieve().toEntity(JSON);
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		Object id = created.getBody().get("id");
		assertThat(created.getBody().get("createdBy")).isEqualTo(Personas.AUDITOR);
		assertThat(api.get(Personas.COMMUNICATION_OFFICER, "/api/v1/archive/legal-holds/{id}", id).retrieve()
			.body(JSON).get("caseId")).isEqualTo("CASE-" + run);
		assertThat(api.get(Personas.ADMIN, "/api/v1/archive/legal-holds/{id}", id).retrieve().toEntity(String.class)
			.getStatusCode().value()).isEqualTo(404);

		var releaseWithoutReason = api.post(Personas.COMMUNICATION_OFFICER, "/api/v1/archive/legal-holds/{id}/release",
				id).contentType(MediaType.APPLICATION_JSON).body(Map.of("reason", " ")).retrieve().toEntity(JSON);
		assertThat(releaseWithoutReason.getStatusCode().value()).isEqualTo(400);
		assertThat(errorField(releaseWithoutReason)).isEqualTo("reason");
		assertThat(api.post(Personas.ADMIN, "/api/v1/archive/legal-holds/{id}/release", id)
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("reason", "no")).retrieve().toEntity(JSON)
			.getStatusCode().value()).isEqualTo(404);
		var released = api.post(Personas.COMMUNICATION_OFFICER, "/api/v1/archive/legal-holds/{id}/release", id)
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("reason", "结案 " + run)).retrieve().toEntity(JSON);
		assertThat(released.getStatusCode().value()).isEqualTo(200);
		assertThat(released.getBody().get("releasedBy")).isEqualTo(Personas.COMMUNICATION_OFFICER);
		assertThat(released.getBody().get("releaseReason")).isEqualTo("结案 " + run);
		assertThat(api.post(Personas.COMMUNICATION_OFFICER, "/api/v1/archive/legal-holds/{id}/release", id)
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("reason", "again")).retrieve().toEntity(JSON)
			.getStatusCode().value()).isEqualTo(409);

		assertThat(jdbc.queryForList("select action from arc_audit_event where target_type = 'legal-hold' "
				+ "and target_id = ? order by id", String.class, String.valueOf(id)))
			.containsExactly("archive.hold.create", "archive.hold.release");
	}

	@Test
	void retentionPageEditsInlineWithFieldErrorsAndRunsDisposal() {
		// the run below must not dispose other tests' old entries in the shared database
		jdbc.update("update arc_retention_schedule set retention_days = null");
		WebSession officer = new WebSession(port);
		officer.signIn(Personas.COMMUNICATION_OFFICER);
		HttpResponse<String> page = officer.get("/archive/retention");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"retention-table\"").contains("id=\"days-AUDIT_EVENT\"")
			.contains("id=\"disposal-form\"").contains("href=\"/archive/legal-holds\"");

		HttpResponse<String> refused = officer.post("/archive/retention/AUDIT_EVENT", Map.of("retentionDays", "90"));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"days-AUDIT_EVENT-error\"").contains("180").contains("value=\"90\"");
		assertThat(days("AUDIT_EVENT")).as("unchanged (permanent for this test)").isNull();
		assertThat(officer.post("/archive/retention/CALL_LOG", Map.of("retentionDays", "abc")).body())
			.contains("id=\"days-CALL_LOG-error\"");

		assertThat(officer.post("/archive/retention/disposals", Map.of("reason", "")).body())
			.contains("id=\"reason-error\"");
		HttpResponse<String> ran = officer.post("/archive/retention/disposals", Map.of("reason", "web " + run));
		assertThat(ran.statusCode()).isEqualTo(200);
		assertThat(ran.body()).contains("id=\"flash\"");
		assertThat(jdbc.queryForObject("select count(*) from arc_audit_event where action = 'archive.disposal.run' "
				+ "and details like ?", Long.class, "%web " + run + "%")).isEqualTo(1);

		HttpResponse<String> saved = officer.post("/archive/retention/CALL_LOG", Map.of("retentionDays", "1200"));
		assertThat(saved.statusCode()).isEqualTo(200);
		assertThat(saved.body()).contains("id=\"flash\"");
		assertThat(days("CALL_LOG")).isEqualTo(1200);

		WebSession auditor = new WebSession(port);
		auditor.signIn(Personas.AUDITOR);
		HttpResponse<String> readOnly = auditor.get("/archive/retention");
		assertThat(readOnly.statusCode()).isEqualTo(200);
		assertThat(readOnly.body()).contains("id=\"retention-read-only\"").doesNotContain("id=\"disposal-form\"");
		assertThat(auditor.post("/archive/retention/CALL_LOG", Map.of("retentionDays", "400")).statusCode())
			.isEqualTo(403);

		WebSession employee = new WebSession(port);
		employee.signIn(Personas.EMPLOYEE);
		assertThat(employee.get("/archive/retention").statusCode()).isEqualTo(403);
		assertThat(employee.get("/archive/legal-holds").statusCode()).isEqualTo(403);
		assertThat(officer.get("/archive/retention?lang=en").body()).contains("Retention and disposal");
	}

	@Test
	void legalHoldPageCreatesWithFieldErrorsAndReleasesWithAReason() {
		WebSession auditor = new WebSession(port);
		auditor.signIn(Personas.AUDITOR);
		HttpResponse<String> page = auditor.get("/archive/legal-holds");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"hold-form\"").contains("name=\"departmentId\"");

		HttpResponse<String> missing = auditor.post("/archive/legal-holds",
				Map.of("caseId", "WEB-" + run, "reason", "", "keyword", "k" + run));
		assertThat(missing.statusCode()).isEqualTo(200);
		assertThat(missing.body()).contains("id=\"reason-error\"").contains("value=\"WEB-" + run + "\"");
		assertThat(auditor.post("/archive/legal-holds", Map.of("caseId", "WEB-" + run, "reason", "r")).body())
			.contains("id=\"hold-form-errors\"");
		assertThat(auditor.post("/archive/legal-holds", Map.of("caseId", "WEB-" + run, "reason", "r", "from",
				"2024-05-01", "to", "2024-04-01")).body()).contains("id=\"to-error\"");

		HttpResponse<String> created = auditor.post("/archive/legal-holds", Map.of("caseId", "WEB-" + run, "reason",
				"内部调查 " + run, "parties", "HW" + run + ", HV" + run, "from", "2020-01-01", "to", "2020-12-31"));
		assertThat(created.statusCode()).isEqualTo(200);
		assertThat(created.body()).contains("id=\"flash\"").contains("WEB-" + run).contains("HW" + run + ", HV" + run);
		Long id = jdbc.queryForObject("select id from arc_legal_hold where case_id = ?", Long.class, "WEB-" + run);

		HttpResponse<String> noReason = auditor.post("/archive/legal-holds/" + id + "/release", Map.of("reason", ""));
		assertThat(noReason.body()).contains("id=\"release-" + id + "-error\"");
		HttpResponse<String> released = auditor.post("/archive/legal-holds/" + id + "/release",
				Map.of("reason", "调查结束 " + run));
		assertThat(released.statusCode()).isEqualTo(200);
		Matcher row = Pattern.compile("id=\"hold-" + id + "\"[^>]*class=\"hold-row released\"|class=\"hold-row released\"[^>]*id=\"hold-" + id + "\"")
			.matcher(released.body());
		assertThat(row.find()).as("released row").isTrue();
		assertThat(released.body()).contains("调查结束 " + run);

		WebSession admin = new WebSession(port);
		admin.signIn(Personas.ADMIN);
		assertThat(admin.get("/archive/legal-holds").statusCode()).isEqualTo(403);
		assertThat(admin.get("/archive").body()).contains("href=\"/archive/retention\"")
			.doesNotContain("href=\"/archive/legal-holds\"");
	}
}
