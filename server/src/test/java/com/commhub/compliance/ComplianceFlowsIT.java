package com.commhub.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.commhub.Api;
import com.commhub.IntegrationTest;
import com.commhub.Personas;
import com.commhub.WebSession;
import com.commhub.compliance.ComplianceDecisions.Approver;
import com.commhub.compliance.ComplianceDecisions.Subject;
import com.commhub.compliance.InspectionRequest.Recipient;

/**
 * The warn / block / approve / quarantine flows over HTTP, against the endpoints clients use: the inspection API and
 * the test bench for WARN and BLOCK (default pack), the approval queue for a rejection and the quarantine queue for a
 * discard (approval and release: {@link ComplianceApprovalIT}, {@link ComplianceQuarantineIT}). Held items reach
 * {@link RecordingHeldItemHandler}.
 */
@IntegrationTest
class ComplianceFlowsIT {

	@Autowired
	ComplianceDecisions decisions;
	@Autowired
	PlatformTransactionManager transactionManager;
	@Autowired
	JdbcTemplate jdbc;
	@LocalServerPort
	int port;

	Api api;
	String run;
	long department;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		run = UUID.randomUUID().toString().substring(0, 8);
		department = 820_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
	}

	@Test
	@SuppressWarnings("unchecked")
	void warnAndBlockOverTheInspectionApiAndTheTestBench() {
		String id = ComplianceApiIT.residentId();
		Map<String, Object> warn = api.post(Personas.EMPLOYEE, ComplianceApiIT.INSPECT)
			.body(Map.of("text", "客户身份证号 " + id, "channel", "EXTERNAL_MAIL", "recipients",
					List.of(ComplianceApiIT.recipient("li@partner.example.com", true))))
			.retrieve()
			.body(Map.class);
		assertThat(warn.get("action")).isEqualTo("WARN");
		assertThat((String) warn.get("tip")).isNotBlank();
		assertThat((List<Map<String, Object>>) warn.get("matchedRules"))
			.anySatisfy(r -> assertThat(r.get("code")).isEqualTo("default.personal-data-external"));

		Map<String, Object> block = api.post(Personas.EMPLOYEE, ComplianceApiIT.INSPECT)
			.body(Map.of("text", "报价单", "channel", "EXTERNAL_MAIL", "classification", "CONFIDENTIAL", "recipients",
					List.of(ComplianceApiIT.recipient("li@partner.example.com", true))))
			.retrieve()
			.body(Map.class);
		assertThat(block.get("action")).isEqualTo("BLOCK");
		assertThat((List<Map<String, Object>>) block.get("matchedRules"))
			.anySatisfy(r -> assertThat(r.get("code")).isEqualTo("default.confidential-external"));

		WebSession bench = new WebSession(port);
		bench.signIn(Personas.COMMUNICATION_OFFICER);
		bench.get("/compliance/test-bench");
		assertThat(bench.post("/compliance/test-bench", Map.of("text", "客户身份证号 " + id, "channel", "EXTERNAL_MAIL",
				"classification", "", "internalRecipients", "", "externalRecipients", "li@partner.example.com")).body())
			.contains("<code>WARN</code>").doesNotContain("<code>BLOCK</code>");
		assertThat(bench.post("/compliance/test-bench", Map.of("text", "报价单", "channel", "EXTERNAL_MAIL",
				"classification", "CONFIDENTIAL", "internalRecipients", "", "externalRecipients", "li@partner.example.com"))
			.body()).contains("<code>BLOCK</code>").contains("default.confidential-external");
	}

	@Test
	void theApproverRejectsOverHttp() {
		createPolicy("REQUIRE_APPROVAL");
		long head = jdbc.queryForObject("select id from dir_employee where employee_no = ?", Long.class,
				Personas.DEPARTMENT_HEAD);
		long evidence = hold(new Approver(head, "HT1010"));
		long id = jdbc.queryForObject("select id from cmp_approval where evidence_id = ?", Long.class, evidence);
		ResponseEntity<Map> rejected = api.post(Personas.DEPARTMENT_HEAD, "/api/v1/compliance/approvals/" + id + "/reject")
			.body(Map.of("note", "请勿外发")).retrieve().toEntity(Map.class);
		assertThat(rejected.getStatusCode().value()).isEqualTo(200);
		assertThat(rejected.getBody().get("status")).isEqualTo("REJECTED");
		assertThat(RecordingHeldItemHandler.CALLS).containsEntry(run, "discarded:请勿外发");
		assertThat(jdbc.queryForObject("select outcome from cmp_evidence where review_of = ?", String.class, evidence))
			.isEqualTo("REJECTED");
		// an approval item is not in the quarantine queue: the officer cannot release it
		assertThat(api.post(Personas.COMMUNICATION_OFFICER, "/api/v1/compliance/quarantine/" + id + "/release")
			.body(Map.of()).retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void theOfficerDiscardsAQuarantinedItemOverHttp() {
		createPolicy("QUARANTINE");
		long evidence = hold(null);
		long id = jdbc.queryForObject("select id from cmp_approval where evidence_id = ?", Long.class, evidence);
		// a quarantined item is not the department head's to decide
		assertThat(api.post(Personas.DEPARTMENT_HEAD, "/api/v1/compliance/approvals/" + id + "/approve")
			.body(Map.of()).retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(404);
		ResponseEntity<Map> discarded = api.post(Personas.ADMIN, "/api/v1/compliance/quarantine/" + id + "/discard")
			.body(Map.of("note", "x".repeat(2001))).retrieve().toEntity(Map.class);
		assertThat(discarded.getStatusCode().value()).isEqualTo(400);
		discarded = api.post(Personas.ADMIN, "/api/v1/compliance/quarantine/" + id + "/discard")
			.body(Map.of("note", "删除")).retrieve().toEntity(Map.class);
		assertThat(discarded.getStatusCode().value()).isEqualTo(200);
		assertThat(discarded.getBody().get("status")).isEqualTo("DISCARDED");
		assertThat(RecordingHeldItemHandler.CALLS).containsEntry(run, "discarded:删除");
		assertThat(jdbc.queryForObject("select outcome from cmp_evidence where review_of = ?", String.class, evidence))
			.isEqualTo("DISCARDED");
	}

	void createPolicy(String action) {
		Map<String, Object> policy = new HashMap<>(Map.of("code", "test.flow-" + run, "name", "流程 " + run, "priority",
				50, "action", action, "scope", Map.of("senderDepartmentIds", List.of(department))));
		policy.put("conditions", Map.of("findings", Map.of("detectors", List.of("resident-id"), "minConfidence",
				"MEDIUM")));
		assertThat(api.post(Personas.COMMUNICATION_OFFICER, "/api/v1/compliance/policies").body(policy).retrieve()
			.toEntity(String.class).getStatusCode().value()).isEqualTo(201);
	}

	long hold(Approver approver) {
		InspectionRequest chat = new InspectionRequest("身份证 " + ComplianceApiIT.residentId(), Channel.CHAT, null,
				Set.of(department), List.of(new Recipient(null, 1L, false)), null, List.of(), Locale.SIMPLIFIED_CHINESE);
		return new TransactionTemplate(transactionManager)
			.execute(status -> decisions.decide(chat, new Subject("test-held", run), null, approver))
			.evidenceId();
	}
}
