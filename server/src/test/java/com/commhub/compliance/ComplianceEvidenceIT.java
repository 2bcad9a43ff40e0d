package com.commhub.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
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

/**
 * Evidence: {@link ComplianceDecisions#decide} in a real transaction (the call content modules make), the archive
 * entry it produces in the same transaction, and the officer's evidence log over HTTP.
 */
@IntegrationTest
class ComplianceEvidenceIT {

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

	@BeforeEach
	void setUp() {
		api = new Api(port);
		transactions = new TransactionTemplate(transactionManager);
		run = UUID.randomUUID().toString().substring(0, 8);
	}

	static InspectionRequest externalMail(String text) {
		return new InspectionRequest(text, Channel.EXTERNAL_MAIL, 1040L, Set.of(),
				List.of(new Recipient("zhao@client-" + "evidence.example.org", null, true),
						new Recipient("wang@huaxin.example.cn", null, false)),
				null, List.of(), Locale.SIMPLIFIED_CHINESE);
	}

	RecordedDecision decide(InspectionRequest request, String subjectId, String justification) {
		return transactions.execute(status -> decisions.decide(request, new Subject("test-mail", subjectId),
				justification));
	}

	int evidenceRows(String subjectId) {
		return jdbc.queryForObject("select count(*) from cmp_evidence where subject_type = 'test-mail' and subject_id = ?",
				Integer.class, subjectId);
	}

	@Test
	void warnWithoutJustificationIsRefusedAndRecordsNothing() {
		String id = ComplianceApiIT.residentId();
		assertThatThrownBy(() -> decide(externalMail("客户身份证号 " + id), run, null))
			.isInstanceOfSatisfying(BusinessRuleException.class,
					ex -> assertThat(ex.field()).isEqualTo("justification"));
		assertThatThrownBy(() -> decide(externalMail("客户身份证号 " + id), run, "   "))
			.isInstanceOfSatisfying(BusinessRuleException.class,
					ex -> assertThat(ex.field()).isEqualTo("justification"));
		assertThat(evidenceRows(run)).isZero();
	}

	@Test
	void warnWithJustificationIsAnOverrideWithEvidenceAndAnArchiveEntry() {
		String id = ComplianceApiIT.residentId();
		RecordedDecision recorded = decide(externalMail("客户身份证号 " + id + ",请办理开户。"), run, "客户要求办理开户 " + run);
		assertThat(recorded.decision().action()).isEqualTo(PolicyAction.WARN);
		assertThat(recorded.outcome()).isEqualTo(DecisionOutcome.OVERRIDDEN_WITH_JUSTIFICATION);
		assertThat(recorded.evidenceId()).isNotNull();

		Map<String, Object> row = jdbc.queryForMap("select * from cmp_evidence where id = ?", recorded.evidenceId());
		assertThat(row.get("outcome")).isEqualTo("OVERRIDDEN_WITH_JUSTIFICATION");
		assertThat(row.get("action")).isEqualTo("WARN");
		assertThat(row.get("justification")).isEqualTo("客户要求办理开户 " + run);
		assertThat(row.get("external_recipients")).isEqualTo(1);
		assertThat(row.get("internal_recipients")).isEqualTo(1);
		assertThat((String) row.get("recipient_domains")).contains("client-evidence.example.org")
			.contains("huaxin.example.cn");
		assertThat((String) row.get("rules")).contains("default.personal-data-external");
		assertThat((String) row.get("findings")).contains("resident-id")
			.contains(id.substring(0, 6) + "********" + id.substring(14))
			.doesNotContain(id);
		assertThat(row.get("subject_id")).isEqualTo(run);

		Map<String, Object> entry = jdbc.queryForMap(
				"select kind, summary, content from arc_entry where subject_type = 'compliance-evidence' and subject_id = ?",
				String.valueOf(recorded.evidenceId()));
		assertThat(entry.get("kind")).isEqualTo("COMPLIANCE_DECISION");
		assertThat((String) entry.get("summary")).contains("OVERRIDDEN_WITH_JUSTIFICATION").contains("test-mail:" + run);
		String content = new String((byte[]) entry.get("content"), StandardCharsets.UTF_8);
		assertThat(content).contains("客户要求办理开户").doesNotContain(id);
	}

	@Test
	void evidenceRollsBackWithTheCallerAndNeedsATransaction() {
		String id = ComplianceApiIT.residentId();
		transactions.executeWithoutResult(status -> {
			decisions.decide(externalMail("身份证 " + id), new Subject("test-mail", run), "理由");
			status.setRollbackOnly();
		});
		assertThat(evidenceRows(run)).isZero();
		assertThatThrownBy(() -> decisions.decide(externalMail("身份证 " + id), new Subject("test-mail", run), "理由"))
			.isInstanceOf(IllegalTransactionStateException.class);
	}

	@Test
	void blockedAndAllowedOutcomes() {
		InspectionRequest confidential = new InspectionRequest("下季度预算 " + run, Channel.EXTERNAL_MAIL, 1040L,
				Set.of(), List.of(new Recipient("li@partner.example.com", null, true)),
				com.commhub.shared.Classification.CONFIDENTIAL, List.of(), Locale.SIMPLIFIED_CHINESE);
		RecordedDecision blocked = decide(confidential, run, null);
		assertThat(blocked.outcome()).isEqualTo(DecisionOutcome.BLOCKED);
		assertThat(evidenceRows(run)).isEqualTo(1);

		String other = run + "-allow";
		RecordedDecision allowed = decide(externalMail("普通的会议通知 " + run), other, null);
		assertThat(allowed.outcome()).isEqualTo(DecisionOutcome.ALLOWED);
		assertThat(allowed.evidenceId()).isNull();
		assertThat(evidenceRows(other)).isZero();
	}

	@Test
	@SuppressWarnings("unchecked")
	void theOfficerReadsTheEvidenceLogWithMaskedSnippetsOnly() {
		String id = ComplianceApiIT.residentId();
		RecordedDecision recorded = decide(externalMail("身份证号码 " + id + " 请核对"), run, "核对身份 " + run);
		String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();

		ResponseEntity<String> raw = api.get(Personas.COMMUNICATION_OFFICER,
				"/api/v1/compliance/evidence?action=WARN&channel=EXTERNAL_MAIL&size=200").retrieve().toEntity(String.class);
		assertThat(raw.getStatusCode().value()).isEqualTo(200);
		assertThat(raw.getBody()).contains("核对身份 " + run)
			.contains(id.substring(0, 6) + "********" + id.substring(14))
			.doesNotContain(id);

		Map<String, Object> page = api.get(Personas.COMMUNICATION_OFFICER,
				"/api/v1/compliance/evidence?action=WARN&size=200").retrieve().body(Map.class);
		List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
		assertThat(items).anySatisfy(item -> {
			assertThat(((Number) item.get("id")).longValue()).isEqualTo(recorded.evidenceId());
			assertThat(item.get("outcome")).isEqualTo("OVERRIDDEN_WITH_JUSTIFICATION");
			assertThat(item.get("externalRecipients")).isEqualTo(1);
			assertThat((List<String>) item.get("recipientDomains")).contains("client-evidence.example.org");
			assertThat(item.get("subjectType")).isEqualTo("test-mail");
			assertThat((List<Map<String, Object>>) item.get("rules"))
				.anySatisfy(r -> assertThat(r.get("code")).isEqualTo("default.personal-data-external"));
		});

		// filters exclude it
		String blocked = api.get(Personas.COMMUNICATION_OFFICER, "/api/v1/compliance/evidence?action=BLOCK&size=200")
			.retrieve().body(String.class);
		assertThat(blocked).doesNotContain("核对身份 " + run);
		String chat = api.get(Personas.COMMUNICATION_OFFICER, "/api/v1/compliance/evidence?channel=CHAT&size=200")
			.retrieve().body(String.class);
		assertThat(chat).doesNotContain("核对身份 " + run);
		String future = api.get(Personas.COMMUNICATION_OFFICER,
				"/api/v1/compliance/evidence?from=2999-01-01&size=200").retrieve().body(String.class);
		assertThat(future).doesNotContain("核对身份 " + run);
		String todays = api.get(Personas.COMMUNICATION_OFFICER,
				"/api/v1/compliance/evidence?from=" + today + "&to=" + today + "&size=200").retrieve().body(String.class);
		assertThat(todays).contains("核对身份 " + run);

		ResponseEntity<String> bad = api.get(Personas.COMMUNICATION_OFFICER, "/api/v1/compliance/evidence?action=NOPE")
			.retrieve().toEntity(String.class);
		assertThat(bad.getStatusCode().value()).isEqualTo(400);
		assertThat(bad.getBody()).contains("\"action\"");

		assertThat(api.get(Personas.EMPLOYEE, "/api/v1/compliance/evidence").retrieve().toEntity(String.class)
			.getStatusCode().value()).isEqualTo(403);
		assertThat(api.get(Personas.DEPARTMENT_HEAD, "/api/v1/compliance/evidence").retrieve().toEntity(String.class)
			.getStatusCode().value()).isEqualTo(403);
	}

	@Test
	void theEvidencePageFiltersInPlaceAndShowsOnlyMaskedValues() {
		String id = ComplianceApiIT.residentId();
		decide(externalMail("证件号 " + id), run, "页面理由 " + run);

		WebSession officer = new WebSession(port);
		officer.signIn(Personas.COMMUNICATION_OFFICER);
		var full = officer.get("/compliance/evidence?action=WARN");
		assertThat(full.statusCode()).isEqualTo(200);
		assertThat(full.body()).contains("合规证据日志").contains("页面理由 " + run)
			.contains(id.substring(0, 6) + "********" + id.substring(14)).doesNotContain(id)
			.contains("id=\"evidence-filter\"");

		var partial = officer.get("/compliance/evidence?action=BLOCK", Map.of("HX-Request", "true"));
		assertThat(partial.statusCode()).isEqualTo(200);
		assertThat(partial.body()).contains("evidence-results").doesNotContain("<html").doesNotContain("页面理由 " + run);

		var badDate = officer.get("/compliance/evidence?from=soon");
		assertThat(badDate.body()).contains("id=\"from-error\"").contains("无效的日期");

		var english = officer.get("/compliance/evidence?lang=en");
		assertThat(english.body()).contains("Compliance evidence log");

		WebSession employee = new WebSession(port);
		employee.signIn(Personas.EMPLOYEE);
		assertThat(employee.get("/compliance/evidence").statusCode()).isEqualTo(403);
	}
}
