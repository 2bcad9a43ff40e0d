package com.commhub.chat;

import static com.commhub.chat.ChatFixtures.id;
import static com.commhub.chat.ChatFixtures.number;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.commhub.Api;
import com.commhub.IntegrationTest;
import com.commhub.Personas;

/**
 * CHAT-8 over HTTP: Chinese word segmentation (合同 inside 关于采购合同的补充说明), the filters, highlighting that
 * escapes the message text, only the viewer's conversations, and 机密 text that never reaches the index.
 */
@IntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class ChatSearchIT {

	static final String SEARCH = "/api/v1/chat/search";

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
		chat.generousLimits();
	}

	/** Search results, waiting briefly for the index to catch up with the commit. */
	List<Map<String, Object>> hits(String persona, String query, int expectedAtLeast) throws InterruptedException {
		List<Map<String, Object>> items = List.of();
		for (int attempt = 0; attempt < 50; attempt++) {
			ResponseEntity<Map> page = api.get(persona, SEARCH + "?" + query).retrieve().toEntity(Map.class);
			assertThat(page.getStatusCode().value()).as("%s", page.getBody()).isEqualTo(200);
			items = (List<Map<String, Object>>) page.getBody().get("items");
			if (items.size() >= expectedAtLeast) {
				return items;
			}
			Thread.sleep(100);
		}
		return items;
	}

	@Test
	void findsChineseWordsAndEscapesTheSnippet() throws Exception {
		long conversation = chat.groupId(Personas.EMPLOYEE, "检索", Personas.OTHER_EMPLOYEE);
		long message = id(chat.send(Personas.EMPLOYEE, conversation, "关于采购合同的补充说明 <script>alert(1)</script>"));
		chat.send(Personas.OTHER_EMPLOYEE, conversation, "午饭吃什么");

		List<Map<String, Object>> found = hits(Personas.OTHER_EMPLOYEE, "q=合同&conversationId=" + conversation, 1);
		assertThat(found).singleElement().satisfies(hit -> {
			assertThat(id(Map.of("id", hit.get("messageId")))).isEqualTo(message);
			assertThat(hit.get("senderName")).isEqualTo("林浩然");
			assertThat(hit.get("conversationTitle").toString()).startsWith("检索");
			assertThat(hit.get("snippetHtml").toString()).contains("<mark>合同</mark>")
				.contains("&lt;script&gt;").doesNotContain("<script>");
		});
		assertThat(hits(Personas.OTHER_EMPLOYEE, "q=采购&conversationId=" + conversation, 1)).hasSize(1);
		assertThat(hits(Personas.OTHER_EMPLOYEE, "q=合同 午饭&conversationId=" + conversation, 0))
			.as("all words are required").isEmpty();

		// filters
		assertThat(hits(Personas.OTHER_EMPLOYEE, "q=合同&conversationId=" + conversation + "&senderEmployeeId="
				+ chat.employee(Personas.OTHER_EMPLOYEE), 0)).isEmpty();
		assertThat(hits(Personas.OTHER_EMPLOYEE, "q=合同&conversationId=" + conversation + "&senderEmployeeId="
				+ chat.employee(Personas.EMPLOYEE), 1)).hasSize(1);
		assertThat(hits(Personas.OTHER_EMPLOYEE, "q=合同&conversationId=" + conversation + "&classification=PUBLIC", 0))
			.isEmpty();
		assertThat(hits(Personas.OTHER_EMPLOYEE, "q=合同&conversationId=" + conversation + "&classification=内部", 1))
			.hasSize(1);
		assertThat(hits(Personas.OTHER_EMPLOYEE, "q=合同&conversationId=" + conversation + "&withAttachments=true", 0))
			.isEmpty();
		String tomorrow = LocalDate.now().plusDays(2).toString();
		assertThat(hits(Personas.OTHER_EMPLOYEE, "q=合同&conversationId=" + conversation + "&from=" + tomorrow, 0))
			.isEmpty();
		assertThat(hits(Personas.OTHER_EMPLOYEE, "q=合同&conversationId=" + conversation + "&to=" + tomorrow, 1))
			.hasSize(1);

		// someone who is not a member never finds it, with or without naming the conversation
		assertThat(hits(Personas.AUDITOR, "q=合同&conversationId=" + conversation, 0)).isEmpty();
		assertThat(hits(Personas.AUDITOR, "q=合同&size=50", 0)).noneSatisfy(
				hit -> assertThat(number(hit.get("messageId"))).isEqualTo(message));

		// a recalled message is no longer found
		api.post(Personas.EMPLOYEE, ChatFixtures.MESSAGES + "/" + message + "/recall").body(Map.of()).retrieve()
			.toBodilessEntity();
		assertThat(hits(Personas.OTHER_EMPLOYEE, "q=合同&conversationId=" + conversation, 0)).isEmpty();
	}

	@Test
	void confidentialTextNeverReachesTheIndex() throws Exception {
		long conversation = id(chat.group(Personas.EMPLOYEE, "机密检索", List.of(Personas.OTHER_EMPLOYEE),
				Map.of("classification", "CONFIDENTIAL")));
		chat.send(Personas.EMPLOYEE, conversation, "机密合同的价格条款");
		long open = chat.groupId(Personas.EMPLOYEE, "对照", Personas.OTHER_EMPLOYEE);
		chat.send(Personas.EMPLOYEE, open, "普通合同的价格条款");
		assertThat(hits(Personas.OTHER_EMPLOYEE, "q=价格条款&conversationId=" + open, 1)).hasSize(1);
		assertThat(hits(Personas.OTHER_EMPLOYEE, "q=价格条款&conversationId=" + conversation, 0)).isEmpty();
	}

	@Test
	void aQueryIsRequired() {
		ResponseEntity<Map> blank = api.get(Personas.EMPLOYEE, SEARCH + "?q=").retrieve().toEntity(Map.class);
		assertThat(blank.getStatusCode().value()).isEqualTo(400);
		assertThat(blank.getBody().toString()).contains("field=q");
		ResponseEntity<Map> badLevel = api.get(Personas.EMPLOYEE, SEARCH + "?q=合同&classification=秘密").retrieve()
			.toEntity(Map.class);
		assertThat(badLevel.getStatusCode().value()).isEqualTo(400);
	}
}
