package com.commhub.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.commhub.Api;
import com.commhub.IntegrationTest;
import com.commhub.Personas;
import com.commhub.WebSession;

/**
 * The chat pages over HTTP: the list with unread counts, a conversation for its members only (404 otherwise), the
 * menu badge, owners' settings and members, new conversations, everything escaped.
 */
@IntegrationTest
class ChatPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	Api api;
	ChatFixtures chat;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		chat = new ChatFixtures(api, jdbc);
		chat.generousLimits();
	}

	@Test
	void membersSeeTheConversationOthersGet404() {
		String title = "<script>alert(1)</script>群 " + UUID.randomUUID().toString().substring(0, 6);
		long group = chat.groupId(Personas.EMPLOYEE, title, Personas.OTHER_EMPLOYEE);
		chat.send(Personas.EMPLOYEE, group, "页面测试消息");

		WebSession member = new WebSession(port);
		member.signIn(Personas.OTHER_EMPLOYEE);
		var list = member.get("/chat");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("id=\"conversation-" + group + "\"").contains("&lt;script&gt;alert(1)")
			.doesNotContain("<script>alert(1)");
		assertThat(member.get("/chat/badge").body()).matches("[1-9][0-9]*");
		var page = member.get("/chat/" + group);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("data-config=").contains("页面测试消息").doesNotContain("<script>alert(1)");
		// the list fragment htmx reloads on live frames
		assertThat(member.get("/chat", Map.of("HX-Request", "true")).body()).startsWith("<div id=\"conversation-list\"");

		WebSession outsider = new WebSession(port);
		outsider.signIn(Personas.AUDITOR);
		assertThat(outsider.get("/chat/" + group).statusCode()).isEqualTo(404);
		assertThat(outsider.get("/chat").body()).doesNotContain("conversation-" + group);
		assertThat(outsider.post("/chat/" + group + "/settings", Map.of("title", "x")).statusCode()).isEqualTo(404);
	}

	@Test
	void ownersChangeSettingsAndMembersThroughThePage() {
		long group = chat.groupId(Personas.EMPLOYEE, "设置", Personas.OTHER_EMPLOYEE);
		WebSession owner = new WebSession(port);
		owner.signIn(Personas.EMPLOYEE);
		assertThat(owner.get("/chat/" + group).body()).contains("id=\"chat-settings\"");
		var saved = owner.post("/chat/" + group + "/settings", Map.of("title", "公告群", "topic", "只发通知",
				"classification", "INTERNAL", "postingPolicy", "OWNERS", "invitePolicy", "OWNERS"));
		assertThat(saved.statusCode()).isEqualTo(200);
		assertThat(saved.uri().getPath()).isEqualTo("/chat/" + group);
		assertThat(saved.body()).contains("公告群").contains("只发通知").contains("id=\"chat-announcement\"");

		var blank = owner.post("/chat/" + group + "/settings", Map.of("title", "x".repeat(300), "topic", "",
				"classification", "NOPE", "postingPolicy", "OWNERS", "invitePolicy", "OWNERS"));
		assertThat(blank.statusCode()).isEqualTo(200);
		assertThat(blank.body()).contains("id=\"classification-error\"");

		long head = chat.employee(Personas.DEPARTMENT_HEAD);
		owner.get("/chat/" + group);
		var added = owner.post("/chat/" + group + "/members", Map.of("members", String.valueOf(head)));
		assertThat(added.body()).contains("id=\"member-" + head + "\"");

		WebSession member = new WebSession(port);
		member.signIn(Personas.OTHER_EMPLOYEE);
		var page = member.get("/chat/" + group);
		// announcement-only: members read but the composer is gone
		assertThat(page.body()).contains("id=\"composer-readonly\"").doesNotContain("id=\"composer-text\"")
			.doesNotContain("id=\"chat-settings\"");
	}

	@Test
	void aNewGroupStartsFromThePage() {
		WebSession employee = new WebSession(port);
		employee.signIn(Personas.EMPLOYEE);
		assertThat(employee.get("/chat/new").statusCode()).isEqualTo(200);
		long other = chat.employee(Personas.OTHER_EMPLOYEE);
		String title = "新群 " + UUID.randomUUID().toString().substring(0, 6);
		var created = employee.post("/chat/new", Map.of("kind", "GROUP", "title", title, "members",
				String.valueOf(other), "topic", "", "classification", ""));
		assertThat(created.uri().getPath()).matches("/chat/\\d+");
		assertThat(created.body()).contains(title);

		var missing = employee.post("/chat/new", Map.of("kind", "DIRECT", "title", "", "topic", "",
				"classification", ""));
		assertThat(missing.statusCode()).isEqualTo(200);
		assertThat(missing.body()).contains("id=\"person-error\"");
	}
}
