package com.commhub.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.commhub.Api;
import com.commhub.IntegrationTest;
import com.commhub.Personas;

/**
 * A change written by another node (here: straight into the table, past this node's Hibernate Search) reaches this
 * node's index with the next catch-up.
 */
@IntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class PeerIndexCatchUpIT {

	@Autowired
	PeerIndexCatchUp catchUp;
	@Autowired
	JdbcTemplate jdbc;
	@LocalServerPort
	int port;

	List<Map<String, Object>> hits(Api api, long conversation, String word) throws InterruptedException {
		List<Map<String, Object>> items = List.of();
		for (int i = 0; i < 30; i++) {
			Map page = api.get(Personas.OTHER_EMPLOYEE, "/api/v1/chat/search?q=" + word + "&conversationId=" + conversation)
				.retrieve().body(Map.class);
			items = (List<Map<String, Object>>) page.get("items");
			if (!items.isEmpty()) {
				return items;
			}
			Thread.sleep(100);
		}
		return items;
	}

	@Test
	void changesWrittenElsewhereAreIndexedHere() throws Exception {
		Api api = new Api(port);
		api.put(Personas.COMMUNICATION_OFFICER, "/api/v1/chat/limits").body(Map.of("postsPerMinute", 5000,
				"mentionsPerMessage", 50, "duplicatePosts", 1000, "duplicateWindowSeconds", 60)).retrieve()
			.toBodilessEntity();
		Map created = api.post(Personas.EMPLOYEE, "/api/v1/conversations").body(Map.of("kind", "GROUP", "title",
				"跨节点检索", "memberEmployeeIds", List.of(jdbc.queryForObject(
						"select id from dir_employee where employee_no = ?", Long.class, Personas.OTHER_EMPLOYEE))))
			.retrieve().body(Map.class);
		long conversation = ((Number) created.get("id")).longValue();
		Map posted = api.post(Personas.EMPLOYEE, "/api/v1/conversations/{id}/messages", conversation)
			.body(Map.of("text", "原来的文字")).retrieve().body(Map.class);
		long message = ((Number) ((Map) posted.get("message")).get("id")).longValue();
		assertThat(hits(api, conversation, "文字")).hasSize(1);

		// another node edits the text: this node's index does not know yet
		jdbc.update("update chat_message set text = '修改后的发票说明', updated_at = now() where id = ?", message);
		assertThat(hits(api, conversation, "发票")).isEmpty();
		assertThat(catchUp.catchUp()).isPositive();
		assertThat(hits(api, conversation, "发票")).hasSize(1);
	}
}
