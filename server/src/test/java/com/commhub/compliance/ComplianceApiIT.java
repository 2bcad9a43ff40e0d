package com.commhub.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import com.commhub.Api;
import com.commhub.IntegrationTest;
import com.commhub.Personas;
import com.commhub.compliance.internal.ValidatedDetectors;

/**
 * The compliance API over HTTP: the default policy pack, precedence, versions, export/import and RE2/J on an
 * adversarial input. Test policies are scoped to a random sender department id so they affect no other test.
 */
@IntegrationTest
class ComplianceApiIT {

	static final String INSPECT = "/api/v1/compliance/inspect";
	static final String POLICIES = "/api/v1/compliance/policies";

	@LocalServerPort
	int port;

	Api api;
	long department;
	String suffix;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		department = 900_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
		suffix = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
	}

	static String residentId() {
		String first17 = "11010519900307" + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
		return first17 + ValidatedDetectors.residentIdCheck(first17);
	}

	static Map<String, Object> recipient(String address, boolean external) {
		return Map.of("address", address, "external", external);
	}

	ResponseEntity<String> inspectRaw(String persona, Map<String, Object> body) {
		return api.post(persona, INSPECT).body(body).retrieve().toEntity(String.class);
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> inspect(Map<String, Object> body) {
		ResponseEntity<Map> response = api.post(Personas.EMPLOYEE, INSPECT).body(body).retrieve().toEntity(Map.class);
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
		return response.getBody();
	}

	@SuppressWarnings("unchecked")
	static List<String> ruleCodes(Map<String, Object> decision) {
		return ((List<Map<String, Object>>) decision.get("matchedRules")).stream().map(r -> (String) r.get("code"))
			.toList();
	}

	@Test
	void defaultPackBlocksConfidentialMailToExternalRecipients() {
		Map<String, Object> decision = inspect(Map.of("text", "附件是下季度的预算方案,请查收。", "channel", "EXTERNAL_MAIL",
				"classification", "CONFIDENTIAL", "recipients",
				List.of(recipient("li@partner.example.com", true), recipient("wang@huaxin.example.cn", false))));
		assertThat(decision.get("action")).isEqualTo("BLOCK");
		assertThat(ruleCodes(decision)).first().isEqualTo("default.confidential-external");
		assertThat((String) decision.get("tip")).contains("机密");

		// the same content internally is allowed
		Map<String, Object> internal = inspect(Map.of("text", "附件是下季度的预算方案,请查收。", "channel", "MAIL",
				"classification", "CONFIDENTIAL", "recipients", List.of(recipient("wang@huaxin.example.cn", false))));
		assertThat(internal.get("action")).isEqualTo("ALLOW");
		assertThat(ruleCodes(internal)).isEmpty();
	}

	@Test
	@SuppressWarnings("unchecked")
	void residentIdToExternalWarnsMaskedAndInternallyIsAudited() {
		String id = residentId();
		Map<String, Object> external = Map.of("text", "客户身份证号 " + id + ",请尽快办理。", "channel", "EXTERNAL_MAIL",
				"recipients", List.of(recipient("zhao@client.example.org", true)));
		ResponseEntity<String> raw = inspectRaw(Personas.EMPLOYEE, external);
		assertThat(raw.getStatusCode().value()).isEqualTo(200);
		assertThat(raw.getBody()).doesNotContain(id).doesNotContain(id.substring(6, 14))
			.contains(id.substring(0, 6) + "********" + id.substring(14));

		Map<String, Object> decision = inspect(external);
		assertThat(decision.get("action")).isEqualTo("WARN");
		assertThat(ruleCodes(decision)).containsExactly("default.personal-data-external");
		assertThat(decision.get("suggestedClassification")).isEqualTo("CONFIDENTIAL");
		List<Map<String, Object>> findings = (List<Map<String, Object>>) decision.get("findings");
		assertThat(findings).anySatisfy(f -> {
			assertThat(f.get("detectorId")).isEqualTo("resident-id");
			assertThat(f.get("confidence")).isEqualTo("HIGH");
			assertThat(f.get("category")).isEqualTo("EMPLOYEE_PERSONAL_DATA");
			assertThat(f.get("start")).isEqualTo(7);
			assertThat(f.get("end")).isEqualTo(25);
		});

		// English tip on request
		var english = api.post(Personas.EMPLOYEE, INSPECT).header("Accept-Language", "en").body(external).retrieve()
			.toEntity(Map.class);
		assertThat((String) english.getBody().get("tip")).contains("resident ID");

		Map<String, Object> internal = inspect(Map.of("text", "员工身份证号 " + id, "channel", "CHAT", "recipients",
				List.of(Map.of("employeeId", 1, "external", false))));
		assertThat(internal.get("action")).isEqualTo("AUDIT");
		assertThat(ruleCodes(internal)).containsExactly("default.personal-data-internal");

		// a wrong check character is no resident ID
		char wrong = id.charAt(17) == '1' ? '2' : '1';
		String invalid = id.substring(0, 17) + wrong;
		Map<String, Object> allowed = inspect(Map.of("text", "身份证号 " + invalid, "channel", "EXTERNAL_MAIL",
				"recipients", List.of(recipient("zhao@client.example.org", true))));
		assertThat(allowed.get("action")).isEqualTo("ALLOW");
		assertThat((List<Map<String, Object>>) allowed.get("findings"))
			.noneSatisfy(f -> assertThat(f.get("detectorId")).isEqualTo("resident-id"));
	}

	Map<String, Object> policy(String code, String action, int priority, Map<String, Object> conditions,
			Map<String, Object> exceptions) {
		Map<String, Object> scope = Map.of("senderDepartmentIds", List.of(department), "recipients", "ANY");
		Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", "测试 " + code, "priority", priority,
				"action", action, "tipZh", "提示 " + code, "tipEn", "Tip " + code, "scope", scope));
		body.put("conditions", conditions);
		body.put("exceptions", exceptions);
		return body;
	}

	@SuppressWarnings("unchecked")
	long create(Map<String, Object> policy) {
		ResponseEntity<Map> response = api.post(Personas.COMMUNICATION_OFFICER, POLICIES).body(policy).retrieve()
			.toEntity(Map.class);
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
		return ((Number) response.getBody().get("id")).longValue();
	}

	Map<String, Object> inspectFromDepartment(String text, List<Map<String, Object>> recipients) {
		return inspect(Map.of("text", text, "channel", "MAIL", "senderDepartmentIds", List.of(department),
				"recipients", recipients));
	}

	@Test
	void mostSevereActionWinsAndExceptionsComeFirst() {
		String warn = "t.warn-" + suffix;
		String block = "t.block-" + suffix;
		String partner = "t.partner-" + suffix;
		create(policy(warn, "WARN", 1, null, null));
		long blockId = create(policy(block, "BLOCK", 100,
				Map.of("findings", Map.of("detectors", List.of("mobile"), "minCount", 2, "minConfidence", "HIGH")),
				null));
		create(policy(partner, "QUARANTINE", 1, Map.of("recipientDomainsAllowed", List.of("huaxin.example.cn")),
				Map.of("partnerDomains", List.of("partner.example.com"))));

		List<Map<String, Object>> internal = List.of(recipient("a@huaxin.example.cn", false));
		// one mobile number is below minCount 2: only WARN
		Map<String, Object> one = inspectFromDepartment("手机 13812345678", internal);
		assertThat(one.get("action")).isEqualTo("WARN");
		assertThat(ruleCodes(one)).containsExactly(warn);
		assertThat(one.get("tip")).isEqualTo("提示 " + warn);

		// two: BLOCK wins although its priority number is higher
		Map<String, Object> two = inspectFromDepartment("手机 13812345678,电话 13987654321", internal);
		assertThat(two.get("action")).isEqualTo("BLOCK");
		assertThat(ruleCodes(two)).containsExactly(block, warn);
		assertThat(two.get("tip")).isEqualTo("提示 " + block);

		// external recipient outside the allowed domains: QUARANTINE; but partners are excepted
		Map<String, Object> stranger = inspectFromDepartment("你好", List.of(recipient("x@stranger.example.net", true)));
		assertThat(stranger.get("action")).isEqualTo("QUARANTINE");
		assertThat(ruleCodes(stranger)).containsExactly(partner, warn);
		Map<String, Object> partnerMail = inspectFromDepartment("你好",
				List.of(recipient("x@mail.partner.example.com", true)));
		assertThat(ruleCodes(partnerMail)).containsExactly(warn);

		// deactivated policies no longer match; reactivated ones do
		assertThat(api.post(Personas.COMMUNICATION_OFFICER, POLICIES + "/{id}/deactivate", blockId).retrieve()
			.toEntity(Map.class).getBody().get("active")).isEqualTo(false);
		assertThat(inspectFromDepartment("手机 13812345678,电话 13987654321", internal).get("action")).isEqualTo("WARN");
		api.post(Personas.COMMUNICATION_OFFICER, POLICIES + "/{id}/activate", blockId).retrieve().toBodilessEntity();
		assertThat(inspectFromDepartment("手机 13812345678,电话 13987654321", internal).get("action")).isEqualTo("BLOCK");

		// other departments are not in scope
		assertThat(inspect(Map.of("text", "你好", "channel", "MAIL", "senderDepartmentIds", List.of(department + 1)))
			.get("action")).isEqualTo("ALLOW");

		// the code is unique
		ResponseEntity<Map> again = api.post(Personas.COMMUNICATION_OFFICER, POLICIES)
			.body(policy(warn, "WARN", 1, null, null)).retrieve().toEntity(Map.class);
		assertThat(again.getStatusCode().value()).isEqualTo(409);
		ResponseEntity<Map> badCode = api.post(Personas.COMMUNICATION_OFFICER, POLICIES)
			.body(policy("Bad Code!", "WARN", 1, null, null)).retrieve().toEntity(Map.class);
		assertThat(badCode.getStatusCode().value()).isEqualTo(400);
		assertThat(badCode.getBody().toString()).contains("code");
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyChangeAddsAVersion() {
		String code = "t.versions-" + suffix;
		long id = create(policy(code, "AUDIT", 50, null, null));
		Map<String, Object> changed = policy(code, "REQUIRE_APPROVAL", 50, null, null);
		ResponseEntity<Map> put = api.put(Personas.COMMUNICATION_OFFICER, POLICIES + "/{id}", id).body(changed)
			.retrieve().toEntity(Map.class);
		assertThat(put.getStatusCode().value()).isEqualTo(200);
		assertThat(put.getBody().get("currentVersion")).isEqualTo(2);

		Map<String, Object> detail = api.get(Personas.ADMIN, POLICIES + "/{id}", id).retrieve().toEntity(Map.class)
			.getBody();
		List<Map<String, Object>> versions = (List<Map<String, Object>>) detail.get("versions");
		assertThat(versions).extracting(v -> v.get("version")).containsExactly(2, 1);
		assertThat(versions).extracting(v -> ((Map<String, Object>) v.get("definition")).get("action"))
			.containsExactly("REQUIRE_APPROVAL", "AUDIT");
		assertThat(versions.getFirst().get("createdBy")).isEqualTo(Personas.COMMUNICATION_OFFICER);

		Map<String, Object> decision = inspectFromDepartment("你好", List.of());
		assertThat(decision.get("action")).isEqualTo("REQUIRE_APPROVAL");
		assertThat(((List<Map<String, Object>>) decision.get("matchedRules")).getFirst().get("version")).isEqualTo(2);

		assertThat(api.get(Personas.EMPLOYEE, POLICIES + "/{id}", id).retrieve().toBodilessEntity().getStatusCode()
			.value()).isEqualTo(403);
	}

	@Test
	@SuppressWarnings("unchecked")
	void exportAndImportRoundTrip() {
		String code = "t.export-" + suffix;
		long id = create(policy(code, "WARN", 7,
				Map.of("attachmentTypes", List.of(".zip"), "attachmentMinSize", 1000, "minRecipients", 1), null));
		Map<String, Object> file = api.get(Personas.COMMUNICATION_OFFICER, POLICIES + "/export").retrieve()
			.toEntity(Map.class).getBody();
		assertThat(file.get("format")).isEqualTo(1);
		List<Map<String, Object>> all = (List<Map<String, Object>>) file.get("policies");
		Map<String, Object> mine = all.stream()
			.filter(p -> code.equals(((Map<String, Object>) p.get("definition")).get("code"))).findFirst().orElseThrow();
		assertThat(all).anySatisfy(p -> assertThat(((Map<String, Object>) p.get("definition")).get("code"))
			.isEqualTo("default.confidential-external"));

		// the same file back: nothing changes
		Map<String, Object> same = api.post(Personas.COMMUNICATION_OFFICER, POLICIES + "/import")
			.body(Map.of("format", 1, "policies", List.of(mine))).retrieve().toEntity(Map.class).getBody();
		assertThat(same).containsEntry("created", 0).containsEntry("updated", 0).containsEntry("unchanged", 1);

		// a changed action and a new code
		Map<String, Object> definition = new HashMap<>((Map<String, Object>) mine.get("definition"));
		definition.put("action", "BLOCK");
		Map<String, Object> fresh = new HashMap<>(definition);
		fresh.put("code", code + "-new");
		Map<String, Object> result = api.post(Personas.ADMIN, POLICIES + "/import")
			.body(Map.of("format", 1, "policies", List.of(Map.of("active", true, "definition", definition),
					Map.of("active", false, "definition", fresh))))
			.retrieve().toEntity(Map.class).getBody();
		assertThat(result).containsEntry("created", 1).containsEntry("updated", 1).containsEntry("unchanged", 0);
		Map<String, Object> detail = api.get(Personas.ADMIN, POLICIES + "/{id}", id).retrieve().toEntity(Map.class)
			.getBody();
		assertThat(((Map<String, Object>) detail.get("policy")).get("currentVersion")).isEqualTo(2);
		assertThat(((Map<String, Object>) ((Map<String, Object>) detail.get("policy")).get("definition"))
			.get("conditions")).isEqualTo(((Map<String, Object>) mine.get("definition")).get("conditions"));

		// conditions on attachments and recipients
		List<Map<String, Object>> attachments = new ArrayList<>(
				List.of(Map.of("name", "源码.ZIP", "size", 5000, "contentType", "application/zip")));
		Map<String, Object> zipped = inspect(Map.of("text", "见附件", "channel", "MAIL", "senderDepartmentIds",
				List.of(department), "recipients", List.of(recipient("a@huaxin.example.cn", false)), "attachments",
				attachments));
		assertThat(zipped.get("action")).isEqualTo("BLOCK");
		Map<String, Object> small = inspect(Map.of("text", "见附件", "channel", "MAIL", "senderDepartmentIds",
				List.of(department), "recipients", List.of(recipient("a@huaxin.example.cn", false)), "attachments",
				List.of(Map.of("name", "a.zip", "size", 10, "contentType", "application/zip"))));
		assertThat(small.get("action")).isEqualTo("ALLOW");

		// a broken file is refused as a whole
		ResponseEntity<Map> broken = api.post(Personas.ADMIN, POLICIES + "/import")
			.body(Map.of("format", 1, "policies", List.of(Map.of("active", true, "definition", Map.of("code", "x")))))
			.retrieve().toEntity(Map.class);
		assertThat(broken.getStatusCode().value()).isEqualTo(400);
	}

	@Test
	@SuppressWarnings("unchecked")
	void dictionaryTermsAreFoundInOnePassAndDriveAPolicy() {
		String dictionary = "t-strategy-" + suffix;
		ResponseEntity<Map> saved = api.post(Personas.COMMUNICATION_OFFICER, "/api/v1/compliance/dictionaries")
			.body(Map.of("code", dictionary, "name", "战略词典", "category", "UNPUBLISHED_STRATEGY", "terms",
					"凤凰计划" + suffix + "\nProject Falcon " + suffix + "\n\n"))
			.retrieve().toEntity(Map.class);
		assertThat(saved.getStatusCode().value()).as("%s", saved.getBody()).isEqualTo(200);
		assertThat(saved.getBody().get("termCount")).isEqualTo(2);
		create(policy("t.dict-" + suffix, "QUARANTINE", 1,
				Map.of("findings", Map.of("detectors", List.of("keyword:" + dictionary), "minCount", 1)), null));

		// full-width and upper case still match
		String text = "关于ＰＲＯＪＥＣＴ falcon " + suffix.toUpperCase() + "的安排";
		Map<String, Object> decision = inspectFromDepartment(text, List.of());
		assertThat(decision.get("action")).isEqualTo("QUARANTINE");
		List<Map<String, Object>> findings = (List<Map<String, Object>>) decision.get("findings");
		assertThat(findings).singleElement().satisfies(f -> {
			assertThat(f.get("detectorId")).isEqualTo("keyword:" + dictionary);
			assertThat(f.get("category")).isEqualTo("UNPUBLISHED_STRATEGY");
			assertThat(f.get("start")).isEqualTo(2);
			assertThat((String) f.get("maskedSnippet")).startsWith("p*");
		});
		assertThat(api.get(Personas.ADMIN, "/api/v1/compliance/dictionaries").retrieve().toEntity(String.class)
			.getBody()).contains(dictionary);

		ResponseEntity<Map> empty = api.post(Personas.ADMIN, "/api/v1/compliance/dictionaries")
			.body(Map.of("code", dictionary, "name", "x", "category", "CUSTOMER_DATA", "terms", "\n \n"))
			.retrieve().toEntity(Map.class);
		assertThat(empty.getStatusCode().value()).isEqualTo(400);
	}

	@Test
	@SuppressWarnings("unchecked")
	void adversarialInputIsHandledByTheLinearEngines() {
		String text = "a".repeat(100_000) + "!" + " HT-2026-000123";
		Map<String, Object> decision = inspect(Map.of("text", text, "channel", "CHAT"));
		List<Map<String, Object>> findings = (List<Map<String, Object>>) decision.get("findings");
		assertThat(findings).singleElement().satisfies(f -> {
			assertThat(f.get("detectorId")).isEqualTo("regex:contract-number");
			assertThat(f.get("start")).isEqualTo(100_002);
		});
		String digits = "1".repeat(50_000);
		assertThat((List<?>) inspect(Map.of("text", digits, "channel", "CHAT")).get("findings")).isEmpty();
	}
}
