package com.commhub.chat;

import static com.commhub.chat.ChatFixtures.CONVERSATIONS;
import static com.commhub.chat.ChatFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.commhub.Api;
import com.commhub.IntegrationTest;
import com.commhub.Personas;
import com.commhub.compliance.internal.ValidatedDetectors;

/**
 * Compliance in the send path, over HTTP: a warning answers 422 with the policy tip until the sender justifies it
 * (then 201 and the evidence records the justification); a message that needs approval is held (202, no seq, seen by
 * the sender alone) until the sender's department head approves it through the compliance API, then it is delivered
 * with a seq; a blocked message stores nothing but the evidence. The test policies match a keyword dictionary unique
 * to the run, so they touch no other test.
 */
@IntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class ChatComplianceIT {

	static final String SENDER = Personas.EMPLOYEE; // 林浩然, 市场部: its head 黄晓燕 (HT1006) approves
	static final String APPROVER = "HT1006";

	@Autowired
	JdbcTemplate jdbc;
	@LocalServerPort
	int port;

	Api api;
	ChatFixtures chat;
	long conversation;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		chat = new ChatFixtures(api, jdbc);
		chat.generousLimits();
		for (String action : List.of("WARN", "REQUIRE_APPROVAL", "QUARANTINE", "BLOCK")) {
			String dictionary = "t-chat-" + action.toLowerCase().replace('_', '-') + "-" + chat.run;
			ResponseEntity<Map> saved = api.post(Personas.COMMUNICATION_OFFICER, "/api/v1/compliance/dictionaries")
				.body(Map.of("code", dictionary, "name", "聊天测试 " + action, "category", "UNPUBLISHED_STRATEGY",
						"terms", term(action)))
				.retrieve().toEntity(Map.class);
			assertThat(saved.getStatusCode().value()).as("%s", saved.getBody()).isEqualTo(200);
			Map<String, Object> policy = new HashMap<>(Map.of("code", "t.chat-" + action.toLowerCase() + "-" + chat.run,
					"name", "聊天 " + action + " " + chat.run, "priority", 40, "action", action, "tipZh",
					"提示：" + action, "tipEn", "Tip: " + action, "scope",
					Map.of("channels", List.of("CHAT"), "recipients", "ANY")));
			policy.put("conditions", Map.of("findings", Map.of("detectors", List.of("keyword:" + dictionary),
					"categories", List.of(), "minCount", 1, "minConfidence", "LOW")));
			policy.put("exceptions", Map.of("partnerDomains", List.of(), "authorisedSpokespersons", false));
			ResponseEntity<String> created = api.post(Personas.COMMUNICATION_OFFICER, "/api/v1/compliance/policies")
				.body(policy).retrieve().toEntity(String.class);
			assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
		}
		conversation = chat.groupId(SENDER, "合规", Personas.OTHER_EMPLOYEE);
	}

	String term(String action) {
		return switch (action) {
			case "WARN" -> "提醒词" + chat.run;
			case "REQUIRE_APPROVAL" -> "审批词" + chat.run;
			case "QUARANTINE" -> "隔离词" + chat.run;
			default -> "禁发词" + chat.run;
		};
	}

	int stored(String text) {
		return jdbc.queryForObject("select count(*) from chat_message where text = ?", Integer.class, text);
	}

	List<Map<String, Object>> visibleTo(String persona) {
		Map page = api.get(persona, CONVERSATIONS + "/" + conversation + "/messages").retrieve().body(Map.class);
		return (List<Map<String, Object>>) page.get("messages");
	}

	@Test
	void aWarningNeedsAJustificationThenSendsWithEvidence() {
		String text = "请注意 " + term("WARN") + " 的安排";
		ResponseEntity<Map> warned = chat.post(SENDER, conversation, Map.of("text", text));
		assertThat(warned.getStatusCode().value()).isEqualTo(422);
		assertThat(warned.getBody().get("status")).isEqualTo("NEEDS_JUSTIFICATION");
		assertThat(warned.getBody().get("tip")).isEqualTo("提示：WARN");
		assertThat((List<?>) warned.getBody().get("findings")).isNotEmpty();
		assertThat(warned.getBody().toString()).contains("field=justification").doesNotContain(term("WARN"));
		assertThat(stored(text)).isZero();

		ResponseEntity<Map> sent = chat.post(SENDER, conversation, Map.of("text", text, "justification", "客户已同意"));
		assertThat(sent.getStatusCode().value()).isEqualTo(201);
		long id = id((Map) sent.getBody().get("message"));
		assertThat(jdbc.queryForMap("select outcome, justification from cmp_evidence where subject_type = 'chat-message' and subject_id = ?",
				String.valueOf(id))).containsEntry("outcome", "OVERRIDDEN_WITH_JUSTIFICATION")
			.containsEntry("justification", "客户已同意");
		assertThat(jdbc.queryForObject("select evidence_id is not null from chat_message where id = ?", Boolean.class, id))
			.isTrue();
	}

	@Test
	void aHeldMessageIsDeliveredWhenTheHeadApproves() {
		String text = "报价单 " + term("REQUIRE_APPROVAL");
		ResponseEntity<Map> held = chat.post(SENDER, conversation, Map.of("text", text));
		assertThat(held.getStatusCode().value()).isEqualTo(202);
		assertThat(held.getBody().get("status")).isEqualTo("HELD_FOR_APPROVAL");
		Map<String, Object> message = (Map<String, Object>) held.getBody().get("message");
		assertThat(message.get("seq")).isNull();
		assertThat(message.get("state")).isEqualTo("HELD_FOR_APPROVAL");
		long id = id(message);
		assertThat(visibleTo(SENDER)).extracting(m -> id(m)).contains(id);
		assertThat(visibleTo(Personas.OTHER_EMPLOYEE)).extracting(m -> id(m)).doesNotContain(id);
		assertThat(jdbc.queryForObject("select count(*) from arc_entry where subject_type = 'chat-message' and subject_id = ?",
				Integer.class, String.valueOf(id))).as("held messages are archived too").isEqualTo(1);

		Map<String, Object> approval = jdbc.queryForMap("""
				select a.id, e.employee_no from cmp_approval a join dir_employee e on e.id = a.approver_employee_id
				where a.subject_type = 'chat-message' and a.subject_id = ?""", String.valueOf(id));
		assertThat(approval.get("employee_no")).isEqualTo(APPROVER);
		ResponseEntity<Map> approved = api.post(APPROVER, "/api/v1/compliance/approvals/" + approval.get("id") + "/approve")
			.body(Map.of("note", "同意")).retrieve().toEntity(Map.class);
		assertThat(approved.getStatusCode().value()).as("%s", approved.getBody()).isEqualTo(200);

		Map<String, Object> delivered = api.get(Personas.OTHER_EMPLOYEE, ChatFixtures.MESSAGES + "/" + id).retrieve()
			.body(Map.class);
		assertThat(delivered.get("state")).isEqualTo("DELIVERED");
		assertThat(delivered.get("seq")).isNotNull();
		assertThat(visibleTo(Personas.OTHER_EMPLOYEE)).extracting(m -> id(m)).contains(id);
	}

	@Test
	void aRejectedMessageStaysWithItsSenderAsDiscarded() {
		ResponseEntity<Map> held = chat.post(SENDER, conversation, Map.of("text", "第二份 " + term("REQUIRE_APPROVAL")));
		long id = id((Map) held.getBody().get("message"));
		Long approval = jdbc.queryForObject("select id from cmp_approval where subject_type = 'chat-message' and subject_id = ?",
				Long.class, String.valueOf(id));
		assertThat(api.post(APPROVER, "/api/v1/compliance/approvals/" + approval + "/reject").body(Map.of("note", "不同意"))
			.retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200);
		Map<String, Object> mine = api.get(SENDER, ChatFixtures.MESSAGES + "/" + id).retrieve().body(Map.class);
		assertThat(mine.get("state")).isEqualTo("DISCARDED");
		assertThat(api.get(Personas.OTHER_EMPLOYEE, ChatFixtures.MESSAGES + "/" + id).retrieve().toBodilessEntity()
			.getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void aBlockedMessageStoresNothingButTheEvidence() {
		String text = "外发 " + term("BLOCK");
		long evidenceBefore = jdbc.queryForObject(
				"select count(*) from cmp_evidence where subject_type = 'chat-message' and outcome = 'BLOCKED'", Long.class);
		ResponseEntity<Map> blocked = chat.post(SENDER, conversation, Map.of("text", text, "justification", "试试"));
		assertThat(blocked.getStatusCode().value()).isEqualTo(422);
		assertThat(blocked.getBody().get("status")).isEqualTo("BLOCKED");
		assertThat(blocked.getBody().get("tip")).isEqualTo("提示：BLOCK");
		assertThat(stored(text)).isZero();
		assertThat(jdbc.queryForObject(
				"select count(*) from cmp_evidence where subject_type = 'chat-message' and outcome = 'BLOCKED'", Long.class))
			.isEqualTo(evidenceBefore + 1);
		assertThat(visibleTo(SENDER)).isEmpty();
	}

	@Test
	void aResidentIdNumberInAGroupIsAuditedWithoutStoppingIt() {
		String first17 = "11010519900307" + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
		String id = first17 + ValidatedDetectors.residentIdCheck(first17);
		ResponseEntity<Map> sent = chat.post(SENDER, conversation, Map.of("text", "客户身份证号 " + id));
		assertThat(sent.getStatusCode().value()).isEqualTo(201);
		long message = id((Map) sent.getBody().get("message"));
		assertThat(jdbc.queryForObject("select outcome from cmp_evidence where subject_type = 'chat-message' and subject_id = ?",
				String.class, String.valueOf(message))).isEqualTo("ALLOWED");
	}

	@Test
	void aQuarantinedMessageIsDeliveredWhenTheOfficerReleasesIt() {
		ResponseEntity<Map> held = chat.post(SENDER, conversation, Map.of("text", "资料 " + term("QUARANTINE")));
		assertThat(held.getStatusCode().value()).isEqualTo(202);
		assertThat(held.getBody().get("status")).isEqualTo("QUARANTINED");
		long id = id((Map) held.getBody().get("message"));
		assertThat(visibleTo(Personas.OTHER_EMPLOYEE)).extracting(m -> id(m)).doesNotContain(id);
		Long item = jdbc.queryForObject("select id from cmp_approval where subject_type = 'chat-message' and subject_id = ?",
				Long.class, String.valueOf(id));
		assertThat(api.post(Personas.COMMUNICATION_OFFICER, "/api/v1/compliance/quarantine/" + item + "/release")
			.body(Map.of("note", "核实无误")).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200);
		assertThat(visibleTo(Personas.OTHER_EMPLOYEE)).extracting(m -> id(m)).contains(id);
	}

	@Test
	void anEditGoesThroughComplianceAgain() {
		long id = id(chat.send(SENDER, conversation, "普通的第一版"));
		ResponseEntity<Map> warned = api.patch(SENDER, ChatFixtures.MESSAGES + "/" + id)
			.body(Map.of("text", "第二版 " + term("WARN"))).retrieve().toEntity(Map.class);
		assertThat(warned.getStatusCode().value()).isEqualTo(422);
		assertThat(warned.getBody().get("status")).isEqualTo("NEEDS_JUSTIFICATION");
		ResponseEntity<Map> blocked = api.patch(SENDER, ChatFixtures.MESSAGES + "/" + id)
			.body(Map.of("text", "第三版 " + term("BLOCK"), "justification", "必须改")).retrieve().toEntity(Map.class);
		assertThat(blocked.getStatusCode().value()).isEqualTo(422);
		assertThat(blocked.getBody().get("status")).isEqualTo("BLOCKED");
		ResponseEntity<Map> held = api.patch(SENDER, ChatFixtures.MESSAGES + "/" + id)
			.body(Map.of("text", "第四版 " + term("REQUIRE_APPROVAL"))).retrieve().toEntity(Map.class);
		assertThat(held.getStatusCode().value()).as("an edit is never held").isEqualTo(422);
		assertThat(api.get(Personas.OTHER_EMPLOYEE, ChatFixtures.MESSAGES + "/" + id).retrieve().body(Map.class)
			.get("text")).isEqualTo("普通的第一版");

		ResponseEntity<Map> justified = api.patch(SENDER, ChatFixtures.MESSAGES + "/" + id)
			.body(Map.of("text", "第二版 " + term("WARN"), "justification", "已确认")).retrieve().toEntity(Map.class);
		assertThat(justified.getStatusCode().value()).isEqualTo(200);
		assertThat(api.get(Personas.OTHER_EMPLOYEE, ChatFixtures.MESSAGES + "/" + id).retrieve().body(Map.class)
			.get("text")).isEqualTo("第二版 " + term("WARN"));
	}
}
