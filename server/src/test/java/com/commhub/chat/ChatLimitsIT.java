package com.commhub.chat;

import static com.commhub.chat.ChatFixtures.LIMITS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.commhub.Api;
import com.commhub.IntegrationTest;
import com.commhub.Personas;
import com.commhub.WebSession;

/**
 * CHAT-9: the communication officer sets the anti-flooding rules (REST and the page); a post beyond them is 429 with
 * Retry-After and stores nothing; nobody else may read or change them.
 */
@IntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class ChatLimitsIT {

	@Autowired
	JdbcTemplate jdbc;
	@LocalServerPort
	int port;

	Api api;
	ChatFixtures chat;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		chat = new ChatFixtures(api, jdbc);
	}

	@AfterEach
	void restore() {
		chat.generousLimits();
	}

	ResponseEntity<Map> limits(Map<String, Object> body) {
		return api.put(Personas.COMMUNICATION_OFFICER, LIMITS).body(body).retrieve().toEntity(Map.class);
	}

	@Test
	void floodingIsRefusedWith429AndRetryAfter() {
		long conversation = chat.groupId(Personas.AUDITOR, "限流", Personas.EMPLOYEE);
		long sent = jdbc.queryForObject("""
				select count(*) from chat_message where sender_employee_id = ? and created_at > now() - interval '1 minute'""",
				Long.class, chat.employee(Personas.AUDITOR));
		assertThat(limits(Map.of("postsPerMinute", sent + 2, "mentionsPerMessage", 2, "duplicatePosts", 1,
				"duplicateWindowSeconds", 60)).getStatusCode().value()).isEqualTo(200);

		chat.send(Personas.AUDITOR, conversation, "第一条 " + chat.run);
		ResponseEntity<Map> duplicate = chat.post(Personas.AUDITOR, conversation, Map.of("text", "第一条 " + chat.run));
		assertThat(duplicate.getStatusCode().value()).isEqualTo(429);
		assertThat(duplicate.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("60");
		assertThat(duplicate.getBody().toString()).contains("field=text");

		chat.send(Personas.AUDITOR, conversation, "第二条 " + chat.run);
		ResponseEntity<Map> third = chat.post(Personas.AUDITOR, conversation, Map.of("text", "第三条 " + chat.run));
		assertThat(third.getStatusCode().value()).isEqualTo(429);
		assertThat(Long.parseLong(third.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 60L);
		assertThat(jdbc.queryForObject("select count(*) from chat_message where conversation_id = ?", Integer.class,
				conversation)).isEqualTo(2);

		chat.generousLimits();
		limits(Map.of("postsPerMinute", 5000, "mentionsPerMessage", 1, "duplicatePosts", 1000,
				"duplicateWindowSeconds", 60));
		ResponseEntity<Map> mentions = chat.post(Personas.AUDITOR, conversation, Map.of("text", "@两位",
				"mentionedEmployeeIds", java.util.List.of(chat.employee(Personas.EMPLOYEE), chat.employee(Personas.AUDITOR))));
		assertThat(mentions.getStatusCode().value()).isEqualTo(429);
	}

	@Test
	void onlyTheOfficerSeesAndChangesTheLimits() {
		assertThat(api.get(Personas.EMPLOYEE, LIMITS).retrieve().toBodilessEntity().getStatusCode().value())
			.isEqualTo(403);
		assertThat(api.put(Personas.EMPLOYEE, LIMITS).body(Map.of("postsPerMinute", 1)).retrieve()
			.toBodilessEntity().getStatusCode().value()).isEqualTo(403);
		ResponseEntity<Map> invalid = limits(Map.of("postsPerMinute", 0, "mentionsPerMessage", 5, "duplicatePosts", 3,
				"duplicateWindowSeconds", 60));
		assertThat(invalid.getStatusCode().value()).isEqualTo(400);
		assertThat(invalid.getBody().toString()).contains("field=postsPerMinute");
		Map current = api.get(Personas.COMMUNICATION_OFFICER, LIMITS).retrieve().body(Map.class);
		assertThat(current).containsKeys("postsPerMinute", "mentionsPerMessage", "duplicatePosts",
				"duplicateWindowSeconds");
	}

	@Test
	void theOfficerSetsTheLimitsOnThePage() {
		WebSession officer = new WebSession(port);
		officer.signIn(Personas.COMMUNICATION_OFFICER);
		assertThat(officer.get("/chat").body()).contains("id=\"chat-limits-link\"");
		var page = officer.get("/chat/admin/limits");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("name=\"postsPerMinute\"");
		var invalid = officer.post("/chat/admin/limits", Map.of("postsPerMinute", "0", "mentionsPerMessage", "5",
				"duplicatePosts", "3", "duplicateWindowSeconds", "60"));
		assertThat(invalid.statusCode()).isEqualTo(200);
		assertThat(invalid.body()).contains("1 到 10000");
		var saved = officer.post("/chat/admin/limits", Map.of("postsPerMinute", "4000", "mentionsPerMessage", "30",
				"duplicatePosts", "900", "duplicateWindowSeconds", "60"));
		assertThat(saved.statusCode()).isEqualTo(200);
		assertThat(saved.body()).contains("防刷屏限制已保存");
		assertThat(jdbc.queryForObject("select posts_per_minute from chat_limits", Integer.class)).isEqualTo(4000);

		WebSession employee = new WebSession(port);
		employee.signIn(Personas.EMPLOYEE);
		assertThat(employee.get("/chat").body()).doesNotContain("chat-limits-link");
		assertThat(employee.get("/chat/admin/limits").statusCode()).isEqualTo(403);
	}
}
