package com.commhub.chat;

import static com.commhub.chat.ChatFixtures.CONVERSATIONS;
import static com.commhub.chat.ChatFixtures.MESSAGES;
import static com.commhub.chat.ChatFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.jdbc.core.JdbcTemplate;

import com.commhub.Api;
import com.commhub.IntegrationTest;
import com.commhub.Personas;

/**
 * {@code ChatAccess} is the only gate: whoever is not a member — the administrator and the communication officer
 * included, also for 机密 conversations — gets 404 for the conversation, its members, messages, catch-up, a message,
 * its thread, receipts, reactions, recall, read position, attached files and search hits. Members may do only what the
 * group allows: a non-owner cannot post in an announcement-only group.
 */
@IntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class ChatAccessIT {

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

	long upload(String persona, String name, String text) {
		HttpHeaders partHeaders = new HttpHeaders();
		partHeaders.setContentType(MediaType.TEXT_PLAIN);
		partHeaders.setContentDispositionFormData("file", name);
		var parts = new LinkedMultiValueMap<String, Object>();
		parts.add("file", new HttpEntity<>(text.getBytes(StandardCharsets.UTF_8), partHeaders));
		ResponseEntity<Map> stored = api.raw().post().uri("/api/v1/files")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + api.tokenOf(persona))
			.contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().toEntity(Map.class);
		assertThat(stored.getStatusCode().value()).as("%s", stored.getBody()).isEqualTo(201);
		return id(stored.getBody());
	}

	@Test
	void nonMembersGetNotFoundEverywhere() throws Exception {
		long conversation = id(chat.group(Personas.EMPLOYEE, "机密项目", List.of(Personas.OTHER_EMPLOYEE),
				Map.of("classification", "CONFIDENTIAL")));
		long file = upload(Personas.EMPLOYEE, "报价单.txt", "报价 100 万");
		ResponseEntity<Map> posted = chat.post(Personas.EMPLOYEE, conversation,
				Map.of("text", "机密报价单见附件", "fileIds", List.of(file)));
		assertThat(posted.getStatusCode().value()).as("%s", posted.getBody()).isEqualTo(201);
		long message = id((Map) posted.getBody().get("message"));
		assertThat((List<?>) ((Map) posted.getBody().get("message")).get("attachments")).hasSize(1);

		// the member may download it through the chat grant
		assertThat(api.get(Personas.OTHER_EMPLOYEE, "/api/v1/files/" + file + "/content").retrieve()
			.toBodilessEntity().getStatusCode().value()).isEqualTo(200);

		for (String outsider : List.of(Personas.ADMIN, Personas.COMMUNICATION_OFFICER, Personas.DEPARTMENT_HEAD,
				Personas.AUDITOR)) {
			for (String path : List.of(CONVERSATIONS + "/" + conversation, CONVERSATIONS + "/" + conversation + "/members",
					CONVERSATIONS + "/" + conversation + "/messages",
					CONVERSATIONS + "/" + conversation + "/messages?afterChangeSeq=0", MESSAGES + "/" + message,
					MESSAGES + "/" + message + "/thread", MESSAGES + "/" + message + "/receipts",
					"/api/v1/files/" + file, "/api/v1/files/" + file + "/content")) {
				assertThat(api.get(outsider, path).retrieve().toBodilessEntity().getStatusCode().value())
					.as("%s GET %s", outsider, path).isEqualTo(404);
			}
			assertThat(status(api.post(outsider, CONVERSATIONS + "/" + conversation + "/messages")
				.body(Map.of("text", "我也想说")).retrieve().toEntity(String.class))).as(outsider).isEqualTo(404);
			assertThat(status(api.post(outsider, CONVERSATIONS + "/" + conversation + "/read").body(Map.of("seq", 1))
				.retrieve().toEntity(String.class))).isEqualTo(404);
			assertThat(status(api.post(outsider, CONVERSATIONS + "/" + conversation + "/members")
				.body(Map.of("employeeIds", List.of(1))).retrieve().toEntity(String.class))).isEqualTo(404);
			assertThat(status(api.patch(outsider, CONVERSATIONS + "/" + conversation).body(Map.of("title", "x"))
				.retrieve().toEntity(String.class))).isEqualTo(404);
			assertThat(status(api.put(outsider, MESSAGES + "/" + message + "/reactions/{e}", "👍").retrieve()
				.toEntity(String.class))).isEqualTo(404);
			assertThat(status(api.post(outsider, MESSAGES + "/" + message + "/recall").body(Map.of()).retrieve()
				.toEntity(String.class))).isEqualTo(404);
			assertThat(status(api.patch(outsider, MESSAGES + "/" + message).body(Map.of("text", "x")).retrieve()
				.toEntity(String.class))).isEqualTo(404);
			assertThat(status(api.post(outsider, MESSAGES + "/" + message + "/open").body(Map.of()).retrieve()
				.toEntity(String.class))).isEqualTo(404);
			assertThat(status(api.get(outsider, "/api/v1/chat/search?q=报价单&conversationId=" + conversation)
				.retrieve().toEntity(String.class))).isEqualTo(200);
			String hits = api.get(outsider, "/api/v1/chat/search?q=报价单&size=50").retrieve().body(String.class);
			assertThat(hits).doesNotContain("\"messageId\":" + message + ",");
			String list = api.get(outsider, CONVERSATIONS).retrieve().body(String.class);
			assertThat(list).doesNotContain("\"id\":" + conversation + ",");
		}
		// the outsider cannot attach someone else's upload either
		long group = chat.groupId(Personas.OTHER_EMPLOYEE, "转发", Personas.DEPARTMENT_HEAD);
		ResponseEntity<Map> stolen = chat.post(Personas.OTHER_EMPLOYEE, group, Map.of("text", "转发", "fileIds", List.of(file)));
		assertThat(stolen.getStatusCode().value()).isEqualTo(400);
		assertThat(stolen.getBody().toString()).contains("fileIds");
	}

	int status(ResponseEntity<?> response) {
		return response.getStatusCode().value();
	}

	@Test
	void heldMessagesAreTheSendersAlone() {
		long conversation = chat.groupId(Personas.EMPLOYEE, "待审", Personas.OTHER_EMPLOYEE);
		long message = id(chat.send(Personas.EMPLOYEE, conversation, "普通消息"));
		jdbc.update("update chat_message set state = 'HELD_FOR_APPROVAL', seq = null where id = ?", message);
		assertThat(status(api.get(Personas.OTHER_EMPLOYEE, MESSAGES + "/" + message).retrieve()
			.toEntity(String.class))).isEqualTo(404);
		assertThat(status(api.get(Personas.EMPLOYEE, MESSAGES + "/" + message).retrieve().toEntity(String.class)))
			.isEqualTo(200);
	}

	@Test
	void anAnnouncementOnlyGroupRefusesANonOwnersPost() {
		long conversation = id(chat.group(Personas.DEPARTMENT_HEAD, "通知", List.of(Personas.EMPLOYEE),
				Map.of("postingPolicy", "OWNERS")));
		Map view = api.get(Personas.EMPLOYEE, CONVERSATIONS + "/" + conversation).retrieve().body(Map.class);
		assertThat(view.get("mayPost")).isEqualTo(false);
		ResponseEntity<Map> refused = chat.post(Personas.EMPLOYEE, conversation, Map.of("text", "我可以说话吗"));
		assertThat(refused.getStatusCode().value()).isEqualTo(409);
		assertThat(refused.getBody().toString()).contains("field=text");
		assertThat(jdbc.queryForObject("select count(*) from chat_message where conversation_id = ?", Integer.class,
				conversation)).isZero();
		chat.send(Personas.DEPARTMENT_HEAD, conversation, "本周五下午全员大会");
	}

	@Test
	void readOnceMessagesOpenOnceAndOnlyInConfidentialConversations() {
		long internal = chat.groupId(Personas.EMPLOYEE, "普通", Personas.OTHER_EMPLOYEE);
		ResponseEntity<Map> refused = chat.post(Personas.EMPLOYEE, internal, Map.of("text", "阅后即焚", "readOnce", true));
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody().toString()).contains("field=readOnce");

		long secret = id(chat.group(Personas.EMPLOYEE, "机密", List.of(Personas.OTHER_EMPLOYEE),
				Map.of("classification", "CONFIDENTIAL")));
		ResponseEntity<Map> posted = chat.post(Personas.EMPLOYEE, secret, Map.of("text", "密码是 0421", "readOnce", true));
		assertThat(posted.getStatusCode().value()).isEqualTo(201);
		long message = id((Map) posted.getBody().get("message"));
		Map before = api.get(Personas.OTHER_EMPLOYEE, MESSAGES + "/" + message).retrieve().body(Map.class);
		assertThat(before.get("visibility")).isEqualTo("OPEN_ONCE");
		assertThat(before.get("text")).isEqualTo("");
		Map opened = api.post(Personas.OTHER_EMPLOYEE, MESSAGES + "/" + message + "/open").body(Map.of()).retrieve()
			.body(Map.class);
		assertThat(opened.get("text")).isEqualTo("密码是 0421");
		Map again = api.post(Personas.OTHER_EMPLOYEE, MESSAGES + "/" + message + "/open").body(Map.of()).retrieve()
			.body(Map.class);
		assertThat(again.get("visibility")).isEqualTo("CONSUMED");
		assertThat(again.get("text")).isEqualTo("");
		// the archive keeps it regardless
		assertThat(jdbc.queryForObject("select count(*) from arc_entry where subject_type = 'chat-message' and subject_id = ?",
				Integer.class, String.valueOf(message))).isEqualTo(1);
	}

	@Test
	void anExpiredMessageShowsNoContentButTheSenderStillSeesIt() throws InterruptedException {
		long secret = id(chat.group(Personas.EMPLOYEE, "限时", List.of(Personas.OTHER_EMPLOYEE),
				Map.of("classification", "CONFIDENTIAL")));
		ResponseEntity<Map> posted = chat.post(Personas.EMPLOYEE, secret, Map.of("text", "两秒后销毁",
				"expiresAt", java.time.Instant.now().plusSeconds(2).toString()));
		assertThat(posted.getStatusCode().value()).as("%s", posted.getBody()).isEqualTo(201);
		long message = id((Map) posted.getBody().get("message"));
		assertThat(api.get(Personas.OTHER_EMPLOYEE, MESSAGES + "/" + message).retrieve().body(Map.class).get("text"))
			.isEqualTo("两秒后销毁");
		Thread.sleep(2500);
		Map expired = api.get(Personas.OTHER_EMPLOYEE, MESSAGES + "/" + message).retrieve().body(Map.class);
		assertThat(expired.get("visibility")).isEqualTo("CONSUMED");
		assertThat(expired.get("text")).isEqualTo("");
		assertThat(api.get(Personas.EMPLOYEE, MESSAGES + "/" + message).retrieve().body(Map.class).get("text"))
			.isEqualTo("两秒后销毁");
		ResponseEntity<Map> past = chat.post(Personas.EMPLOYEE, secret, Map.of("text", "过去",
				"expiresAt", java.time.Instant.now().minusSeconds(5).toString()));
		assertThat(past.getStatusCode().value()).isEqualTo(400);
		assertThat(past.getBody().toString()).contains("field=expiresAt");
	}
}
