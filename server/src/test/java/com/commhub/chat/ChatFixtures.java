package com.commhub.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.commhub.Api;
import com.commhub.Personas;

/**
 * Shared steps of the chat tests, all over HTTP as the personas: ids by 工号, creating groups, posting. Tests share
 * one application and the personas' rate limits, so {@link #generousLimits} lifts them (the rate-limit test sets its
 * own and restores these).
 */
final class ChatFixtures {

	static final String CONVERSATIONS = "/api/v1/conversations";
	static final String MESSAGES = "/api/v1/chat/messages";
	static final String LIMITS = "/api/v1/chat/limits";

	final Api api;
	final JdbcTemplate jdbc;
	final String run = UUID.randomUUID().toString().substring(0, 8);

	ChatFixtures(Api api, JdbcTemplate jdbc) {
		this.api = api;
		this.jdbc = jdbc;
	}

	long employee(String no) {
		return jdbc.queryForObject("select id from dir_employee where employee_no = ?", Long.class, no);
	}

	void generousLimits() {
		ResponseEntity<String> put = api.put(Personas.COMMUNICATION_OFFICER, LIMITS)
			.body(Map.of("postsPerMinute", 5000, "mentionsPerMessage", 50, "duplicatePosts", 1000,
					"duplicateWindowSeconds", 60))
			.retrieve().toEntity(String.class);
		assertThat(put.getStatusCode().value()).as("%s", put.getBody()).isEqualTo(200);
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> group(String owner, String title, List<String> memberNos, Map<String, Object> extra) {
		Map<String, Object> body = new HashMap<>(Map.of("kind", "GROUP", "title", title + " " + run,
				"memberEmployeeIds", memberNos.stream().map(this::employee).toList()));
		body.putAll(extra);
		ResponseEntity<Map> created = api.post(owner, CONVERSATIONS).body(body).retrieve().toEntity(Map.class);
		assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
		return created.getBody();
	}

	long groupId(String owner, String title, String... memberNos) {
		return id(group(owner, title, List.of(memberNos), Map.of()));
	}

	@SuppressWarnings("unchecked")
	ResponseEntity<Map> post(String persona, long conversationId, Map<String, Object> body) {
		return api.post(persona, CONVERSATIONS + "/{id}/messages", conversationId).body(body).retrieve()
			.toEntity(Map.class);
	}

	/** Posts text and expects 201; returns the message. */
	@SuppressWarnings("unchecked")
	Map<String, Object> send(String persona, long conversationId, String text) {
		ResponseEntity<Map> posted = post(persona, conversationId, Map.of("text", text));
		assertThat(posted.getStatusCode().value()).as("%s", posted.getBody()).isEqualTo(201);
		assertThat(posted.getBody().get("status")).isEqualTo("SENT");
		return (Map<String, Object>) posted.getBody().get("message");
	}

	static long id(Map<String, ?> map) {
		return ((Number) map.get("id")).longValue();
	}

	static long number(Object value) {
		return ((Number) value).longValue();
	}
}
