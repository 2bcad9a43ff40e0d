package com.commhub.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import com.commhub.compliance.ComplianceDecisions.RecordedDecision;
import com.commhub.compliance.ComplianceDecisions.Subject;
import com.commhub.compliance.InspectionRequest.Recipient;
import com.commhub.shared.BusinessRuleException;

/**
 * The approval queue: a REQUIRE_APPROVAL decision holds the item for the named approver, who alone sees and decides
 * it (over HTTP and on the page), and the decision reaches the content module's {@link HeldItemHandler}
 * ({@link RecordingHeldItemHandler}). The test policy is scoped to a random sender department id.
 */
@IntegrationTest
class ComplianceApprovalIT {

	static final String APPROVALS = "/api/v1/compliance/approvals";

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
	long head;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		transactions = new TransactionTemplate(transactionManager);
		run = UUID.randomUUID().toString().substring(0, 8);
		department = 800_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
		head = jdbc.queryForObject("select id from dir_employee where employee_no = ?", Long.class,
				Personas.DEPARTMENT_HEAD);
		Map<String, Object> policy = new HashMap<>(Map.of("code", "test.approval-" + run, "name", "审批测试 " + run,
				"priority", 50, "action", "REQUIRE_APPROVAL", "tipZh", "需审批", "tipEn", "Needs approval", "scope",
				Map.of("senderDepartmentIds", List.of(department), "recipients", "ANY")));
		policy.put("conditions", Map.of("findings", Map.of("detectors", List.of("resident-id"), "categories",
				List.of(), "minCount", 1, "minConfidence", "MEDIUM")));
		policy.put("exceptions", Map.of("partnerDomains", List.of(), "authorisedSpokespersons", false));
		ResponseEntity<String> created = api.post(Personas.COMMUNICATION_OFFICER, "/api/v1/compliance/policies")
			.body(policy).retrieve().toEntity(String.class);
		assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
	}

	InspectionRequest mail(String text) {
		return new InspectionRequest(text, Channel.MAIL, null, Set.of(department),
				List.of(new Recipient("wang@huaxin.example.cn", null, false)), null, List.of(),
				Locale.SIMPLIFIED_CHINESE);
	}

	RecordedDecision hold(String subjectId, Approver approver) {
		return transactions.execute(status -> decisions.decide(
				mail("身份证号 " + ComplianceApiIT.residentId() + " " + run), new Subject("test-held", subjectId),
				null, approver));
	}

	Long approvalId(long evidenceId) {
		return jdbc.queryForObject("select id from cmp_approval where evidence_id = ?", Long.class, evidenceId);
	}

	@Test
	void requireApprovalNeedsAnApprover() {
		assertThatThrownBy(() -> hold(run, null)).isInstanceOfSatisfying(BusinessRuleException.class,
				ex -> assertThat(ex.field()).isEqualTo("approver"));
		assertThat(jdbc.queryForObject("select count(*) from cmp_approval where subject_type = 'test-held' and subject_id = ?",
				Integer.class, run)).isZero();
	}

	@Test
	@SuppressWarnings("unchecked")
	void onlyTheNamedApproverSeesAndDecides() {
		RecordedDecision held = hold(run, new Approver(head, "HT1010 徐婷"));
		assertThat(held.outcome()).isEqualTo(DecisionOutcome.HELD_FOR_APPROVAL);
		long id = approvalId(held.evidenceId());

		List<Map<String, Object>> mine = api.get(Personas.DEPARTMENT_HEAD, APPROVALS).retrieve().body(List.class);
		assertThat(mine).anySatisfy(a -> {
			assertThat(((Number) a.get("id")).longValue()).isEqualTo(id);
			assertThat(a.get("subjectId")).isEqualTo(run);
			assertThat(a.get("status")).isEqualTo("PENDING");
		});
		String others = api.get(Personas.EMPLOYEE, APPROVALS).retrieve().body(String.class);
		assertThat(others).doesNotContain("\"subjectId\":\"" + run + "\"");

		for (String persona : List.of(Personas.EMPLOYEE, Personas.COMMUNICATION_OFFICER, Personas.ADMIN)) {
			assertThat(api.post(persona, APPROVALS + "/" + id + "/approve").body(Map.of()).retrieve()
				.toEntity(String.class).getStatusCode().value()).as(persona).isEqualTo(404);
		}
		ResponseEntity<Map> approved = api.post(Personas.DEPARTMENT_HEAD, APPROVALS + "/" + id + "/approve")
			.body(Map.of("note", "同意 " + run)).retrieve().toEntity(Map.class);
		assertThat(approved.getStatusCode().value()).isEqualTo(200);
		assertThat(approved.getBody().get("status")).isEqualTo("APPROVED");
		assertThat(jdbc.queryForObject("select status from cmp_approval where id = ?", String.class, id))
			.isEqualTo("APPROVED");
		assertThat(RecordingHeldItemHandler.CALLS).containsEntry(run, "released");

		ResponseEntity<String> again = api.post(Personas.DEPARTMENT_HEAD, APPROVALS + "/" + id + "/reject")
			.body(Map.of()).retrieve().toEntity(String.class);
		assertThat(again.getStatusCode().value()).isEqualTo(409);
		String after = api.get(Personas.DEPARTMENT_HEAD, APPROVALS).retrieve().body(String.class);
		assertThat(after).doesNotContain("\"subjectId\":\"" + run + "\"");
	}

	@Test
	void theApproverRejectsOnThePage() {
		RecordedDecision held = hold(run, new Approver(head, "HT1010 徐婷"));
		long id = approvalId(held.evidenceId());

		WebSession employee = new WebSession(port);
		employee.signIn(Personas.EMPLOYEE);
		assertThat(employee.get("/compliance/approvals").body()).doesNotContain("approval-" + id + "\"");
		assertThat(employee.post("/compliance/approvals/" + id + "/reject", Map.of()).statusCode()).isEqualTo(404);
		assertThat(RecordingHeldItemHandler.CALLS).doesNotContainKey(run);

		WebSession browser = new WebSession(port);
		browser.signIn(Personas.DEPARTMENT_HEAD);
		var page = browser.get("/compliance/approvals");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("待我审批").contains("id=\"approval-" + id + "\"").contains("test-held:" + run);
		var rejected = browser.post("/compliance/approvals/" + id + "/reject", Map.of("note", "不同意"));
		assertThat(rejected.statusCode()).isEqualTo(200);
		assertThat(rejected.body()).contains("已拒绝").doesNotContain("id=\"approval-" + id + "\"");
		assertThat(jdbc.queryForObject("select status from cmp_approval where id = ?", String.class, id))
			.isEqualTo("REJECTED");
		assertThat(RecordingHeldItemHandler.CALLS).containsEntry(run, "discarded:不同意");
	}
}
