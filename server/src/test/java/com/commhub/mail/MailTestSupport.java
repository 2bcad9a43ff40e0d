package com.commhub.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.commhub.Api;
import com.commhub.Personas;

/** Helpers for the mail tests: ids of personas, departments and groups, and mail requests over the REST API. */
final class MailTestSupport {

	static final String MAIL = "/api/v1/mail";

	private final Api api;
	private final JdbcTemplate jdbc;

	MailTestSupport(Api api, JdbcTemplate jdbc) {
		this.api = api;
		this.jdbc = jdbc;
	}

	/**
	 * Switches on the test policy for resident ID numbers in mail from one sender department (created on first use):
	 * {@code action} for 市场部 SC, 审计部 SJ, 法务合规部 FW … Returns its id; switch it off after the test
	 * ({@link #switchOff}) so that it does not touch other tests' mail.
	 */
	long policy(String action, String departmentCode) {
		String code = "test.mail-" + action.toLowerCase() + "-" + departmentCode.toLowerCase();
		List<Long> existing = jdbc.queryForList("select id from cmp_policy where code = ?", Long.class, code);
		if (!existing.isEmpty()) {
			assertThat(api.post(Personas.COMMUNICATION_OFFICER, "/api/v1/compliance/policies/" + existing.get(0) + "/activate")
				.body(Map.of()).retrieve().toEntity(String.class).getStatusCode().is2xxSuccessful()).isTrue();
			return existing.get(0);
		}
		Map<String, Object> policy = new HashMap<>(Map.of("code", code, "name", "邮件测试 " + action, "priority", 40,
				"action", action, "tipZh", "邮件含身份证号（" + action + "）", "tipEn", "Mail with a resident ID (" + action + ")",
				"scope", Map.of("channels", List.of("MAIL"), "senderDepartmentIds", List.of(department(departmentCode)),
						"recipients", "ANY")));
		policy.put("conditions", Map.of("findings", Map.of("detectors", List.of("resident-id"), "categories", List.of(),
				"minCount", 1, "minConfidence", "MEDIUM")));
		policy.put("exceptions", Map.of("partnerDomains", List.of(), "authorisedSpokespersons", false));
		ResponseEntity<String> created = api.post(Personas.COMMUNICATION_OFFICER, "/api/v1/compliance/policies")
			.body(policy).retrieve().toEntity(String.class);
		assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
		return jdbc.queryForObject("select id from cmp_policy where code = ?", Long.class, code);
	}

	void switchOff(List<Long> policyIds) {
		for (long id : policyIds) {
			assertThat(api.post(Personas.COMMUNICATION_OFFICER, "/api/v1/compliance/policies/" + id + "/deactivate")
				.body(Map.of()).retrieve().toBodilessEntity().getStatusCode().is2xxSuccessful()).isTrue();
		}
	}

	static String run() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	long employee(String employeeNo) {
		return jdbc.queryForObject("select id from dir_employee where employee_no = ?", Long.class, employeeNo);
	}

	long department(String code) {
		return jdbc.queryForObject("select id from dir_department where code = ?", Long.class, code);
	}

	long group(String name) {
		return jdbc.queryForObject("select id from dir_group where name = ?", Long.class, name);
	}

	static Map<String, Object> person(long id) {
		return Map.of("kind", "EMPLOYEE", "id", id);
	}

	static Map<String, Object> department(long id, boolean unused) {
		return Map.of("kind", "DEPARTMENT", "id", id);
	}

	static Map<String, Object> groupAddressee(long id) {
		return Map.of("kind", "GROUP", "id", id);
	}

	static Map<String, Object> mail(List<?> to, String subject, String body) {
		Map<String, Object> m = new HashMap<>();
		m.put("to", to);
		m.put("subject", subject);
		m.put("bodyHtml", body);
		return m;
	}

	@SuppressWarnings("rawtypes")
	ResponseEntity<Map> send(String persona, Map<String, Object> body) {
		return api.post(persona, MAIL).body(body).retrieve().toEntity(Map.class);
	}

	/** Sends and expects SENT; returns the result body. */
	@SuppressWarnings("unchecked")
	Map<String, Object> sent(String persona, Map<String, Object> body) {
		ResponseEntity<Map> response = send(persona, body);
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
		assertThat(response.getBody().get("status")).isEqualTo("SENT");
		return (Map<String, Object>) response.getBody().get("mail");
	}

	@SuppressWarnings("unchecked")
	List<Map<String, Object>> folder(String persona, String folder) {
		Map<String, Object> page = api.get(persona, MAIL + "?folder={f}&size=100", folder).retrieve().body(Map.class);
		return (List<Map<String, Object>>) page.get("items");
	}

	/** The persona's item of the mail with this subject in a folder, or {@code null}. */
	Map<String, Object> itemBySubject(String persona, String folder, String subject) {
		return folder(persona, folder).stream().filter(i -> subject.equals(i.get("subject"))).findFirst().orElse(null);
	}

	long itemId(String persona, String folder, String subject) {
		Map<String, Object> item = itemBySubject(persona, folder, subject);
		assertThat(item).as("%s has %s in %s", persona, subject, folder).isNotNull();
		return ((Number) item.get("itemId")).longValue();
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> open(String persona, long itemId) {
		ResponseEntity<Map> response = api.get(persona, MAIL + "/" + itemId).retrieve().toEntity(Map.class);
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
		return response.getBody();
	}

	int status(ResponseEntity<?> response) {
		return response.getStatusCode().value();
	}

	@SuppressWarnings("unchecked")
	static List<Long> employeeIds(Map<String, Object> view, String list) {
		List<Long> ids = new ArrayList<>();
		for (Map<String, Object> r : (List<Map<String, Object>>) view.get(list)) {
			Map<String, Object> person = (Map<String, Object>) r.get("person");
			ids.add(((Number) person.get("employeeId")).longValue());
		}
		return ids;
	}

	static long id(Map<String, Object> map, String key) {
		return ((Number) map.get(key)).longValue();
	}

	/** Uploads a file as the persona through the files API; returns its id. */
	@SuppressWarnings("unchecked")
	long upload(String persona, String filename, String contentType, byte[] content) {
		String boundary = "----mail-test-" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		ResponseEntity<Map> response = api.raw().post().uri("/api/v1/files")
			.header(org.springframework.http.HttpHeaders.AUTHORIZATION, "Bearer " + api.tokenOf(persona))
			.contentType(org.springframework.http.MediaType.parseMediaType("multipart/form-data; boundary=" + boundary))
			.body(body.toByteArray()).retrieve().toEntity(Map.class);
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
		return ((Number) response.getBody().get("id")).longValue();
	}

	/** Letters only, so the Chinese analyzer keeps it one token. */
	static String word() {
		StringBuilder sb = new StringBuilder();
		java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
		for (int i = 0; i < 10; i++) {
			sb.append((char) ('a' + random.nextInt(26)));
		}
		return sb.toString();
	}

	/** A valid resident ID number (GB 11643 check digit), different each call. */
	static String residentId() {
		String first17 = "11010519900307" + String.format("%03d", (int) (Math.random() * 1000));
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * weights[i];
		}
		return first17 + "10X98765432".charAt(sum % 11);
	}
}
