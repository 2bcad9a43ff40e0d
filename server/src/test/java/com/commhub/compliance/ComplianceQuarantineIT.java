package com.commhub.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
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
import com.commhub.compliance.ComplianceDecisions.RecordedDecision;
import com.commhub.compliance.ComplianceDecisions.Subject;
import com.commhub.compliance.InspectionRequest.Recipient;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.Classification;

/**
 * The quarantine review: a QUARANTINE decision holds the item for any communication officer, who releases or
 * discards it with a note (REST and page); the decision reaches {@link RecordingHeldItemHandler}, is kept as evidence
 * pointing at the held decision and archived; everyone else gets 403 (list) or 404 (item). The test policy is scoped
 * to a random sender department id.
 */
@IntegrationTest
class ComplianceQuarantineIT {

	static final String QUARANTINE = "/api/v1/compliance/quarantine";

	@Autowired
	ComplianceDecisions decisions;
	@Autowired
	PlatformTransactionManager transactionManager;
	@Autowired
	JdbcTemplate jdbc;
	@LocalServerPort
	int port;

	Api api;
	TransactionTemplate transactions;
	String run;
	long department;
	String residentId;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		transactions = new TransactionTemplate(transactionManager);
		run = UUID.randomUUID().toString().substring(0, 8);
		department = 810_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
		residentId = ComplianceApiIT.residentId();
		Map<String, Object> policy = new HashMap<>(Map.of("code", "test.quarantine-" + run, "name", "隔离测试 " + run,
				"priority", 50, "action", "QUARANTINE", "tipZh", "已隔离", "tipEn", "Quarantined", "scope",
				Map.of("senderDepartmentIds", List.of(department), "recipients", "ANY")));
		policy.put("conditions", Map.of("findings", Map.of("detectors", List.of("resident-id"), "minCount", 1,
				"minConfidence", "MEDIUM")));
		ResponseEntity<String> created = api.post(Personas.COMMUNICATION_OFFICER, "/api/v1/compliance/policies")
			.body(policy).retrieve().toEntity(String.class);
		assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
	}

	RecordedDecision send(Subject subject) {
		InspectionRequest mail = new InspectionRequest("身份证号 " + residentId + " " + run, Channel.MAIL, null,
				Set.of(department), List.of(new Recipient("wang@huaxin.example.cn", null, false)),
				Classification.CONFIDENTIAL, List.of(), Locale.SIMPLIFIED_CHINESE);
		return transactions.execute(status -> decisions.decide(mail, subject, null));
	}

	long held(String subjectId) {
		RecordedDecision decision = send(new Subject("test-held", subjectId));
		assertThat(decision.outcome()).isEqualTo(DecisionOutcome.QUARANTINED);
		return jdbc.queryForObject("select id from cmp_approval where evidence_id = ? and queue = 'QUARANTINE'",
				Long.class, decision.evidenceId());
	}

	@Test
	void quarantineNeedsASubject() {
		assertThatThrownBy(() -> send(null)).isInstanceOfSatisfying(BusinessRuleException.class,
				ex -> assertThat(ex.field()).isEqualTo("subject"));
		assertThat(jdbc.queryForObject("select count(*) from cmp_evidence where rules like ?", Integer.class,
				"%test.quarantine-" + run + "%")).isZero();
	}

	@Test
	@SuppressWarnings("unchecked")
	void theOfficerReleasesAndTheReviewIsKeptAsEvidence() {
		long id = held(run);
		long heldEvidence = jdbc.queryForObject("select evidence_id from cmp_approval where id = ?", Long.class, id);

		ResponseEntity<String> queue = api.get(Personas.COMMUNICATION_OFFICER, QUARANTINE).retrieve()
			.toEntity(String.class);
		assertThat(queue.getStatusCode().value()).isEqualTo(200);
		assertThat(queue.getBody()).contains("\"subjectId\":\"" + run + "\"").contains("test.quarantine-" + run)
			.contains(residentId.substring(0, 6) + "********").doesNotContain(residentId);
		for (String persona : List.of(Personas.EMPLOYEE, Personas.DEPARTMENT_HEAD, Personas.AUDITOR)) {
			assertThat(api.get(persona, QUARANTINE).retrieve().toEntity(String.class).getStatusCode().value())
				.as(persona).isEqualTo(403);
			assertThat(api.post(persona, QUARANTINE + "/" + id + "/release").body(Map.of()).retrieve()
				.toEntity(String.class).getStatusCode().value()).as(persona).isEqualTo(404);
		}
		assertThat(RecordingHeldItemHandler.CALLS).doesNotContainKey(run);

		ResponseEntity<Map> released = api.post(Personas.COMMUNICATION_OFFICER, QUARANTINE + "/" + id + "/release")
			.body(Map.of("note", "核实无误 " + run)).retrieve().toEntity(Map.class);
		assertThat(released.getStatusCode().value()).isEqualTo(200);
		assertThat(released.getBody().get("status")).isEqualTo("RELEASED");
		assertThat((String) released.getBody().get("decidedBy")).startsWith(Personas.COMMUNICATION_OFFICER);
		assertThat(RecordingHeldItemHandler.CALLS).containsEntry(run, "released");

		Map<String, Object> review = jdbc.queryForMap("select * from cmp_evidence where review_of = ?", heldEvidence);
		assertThat(review.get("outcome")).isEqualTo("RELEASED");
		assertThat(review.get("action")).isEqualTo("QUARANTINE");
		assertThat(review.get("justification")).isEqualTo("核实无误 " + run);
		assertThat((String) review.get("reviewer_label")).startsWith(Personas.COMMUNICATION_OFFICER);
		assertThat(review.get("subject_id")).isEqualTo(run);
		assertThat((String) review.get("findings")).doesNotContain(residentId);
		Map<String, Object> archived = jdbc.queryForMap(
				"select kind, summary, content from arc_entry where subject_type = 'compliance-evidence' and subject_id = ?",
				String.valueOf(review.get("id")));
		assertThat(archived.get("kind")).isEqualTo("COMPLIANCE_DECISION");
		assertThat((String) archived.get("summary")).contains("RELEASED");
		assertThat(new String((byte[]) archived.get("content"), StandardCharsets.UTF_8))
			.contains("\"reviewOf\":" + heldEvidence).contains("核实无误").doesNotContain(residentId);

		ResponseEntity<String> again = api.post(Personas.COMMUNICATION_OFFICER, QUARANTINE + "/" + id + "/discard")
			.body(Map.of()).retrieve().toEntity(String.class);
		assertThat(again.getStatusCode().value()).isEqualTo(409);
		assertThat(api.get(Personas.ADMIN, QUARANTINE).retrieve().body(String.class))
			.doesNotContain("\"subjectId\":\"" + run + "\"");
		assertThat(api.get(Personas.DEPARTMENT_HEAD, "/api/v1/compliance/approvals").retrieve().body(String.class))
			.doesNotContain("\"subjectId\":\"" + run + "\"");
	}

	@Test
	void theOfficerDiscardsOnThePage() {
		long id = held(run);

		WebSession employee = new WebSession(port);
		employee.signIn(Personas.EMPLOYEE);
		assertThat(employee.get("/compliance/quarantine").statusCode()).isEqualTo(403);
		employee.get("/compliance/approvals");
		assertThat(employee.post("/compliance/quarantine/" + id + "/discard", Map.of()).statusCode()).isEqualTo(404);

		WebSession officer = new WebSession(port);
		officer.signIn(Personas.COMMUNICATION_OFFICER);
		var page = officer.get("/compliance/quarantine");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("隔离审查").contains("id=\"quarantine-" + id + "\"").contains("test-held:" + run)
			.contains("data-classification=\"CONFIDENTIAL\"").doesNotContain(residentId);
		var discarded = officer.post("/compliance/quarantine/" + id + "/discard", Map.of("note", "涉及个人信息"));
		assertThat(discarded.statusCode()).isEqualTo(200);
		assertThat(discarded.body()).contains("已丢弃").doesNotContain("id=\"quarantine-" + id + "\"");
		assertThat(jdbc.queryForObject("select status from cmp_approval where id = ?", String.class, id))
			.isEqualTo("DISCARDED");
		assertThat(RecordingHeldItemHandler.CALLS).containsEntry(run, "discarded:涉及个人信息");

		var evidence = officer.get("/compliance/evidence?action=QUARANTINE");
		assertThat(evidence.body()).contains("审查丢弃").contains("对 #");
	}
}
