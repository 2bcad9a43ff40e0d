package com.commhub.chat;

import static com.commhub.chat.ChatFixtures.CONVERSATIONS;
import static com.commhub.chat.ChatFixtures.MESSAGES;
import static com.commhub.chat.ChatFixtures.id;
import static com.commhub.chat.ChatFixtures.number;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

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
 * The chat API end to end as the personas: conversations, posting and listing, catch-up by change seq without gaps or
 * duplicates (also under concurrent posting), threads, reactions, edit and recall with their archive entries, read
 * receipts from read positions, unread counts and idempotent posts.
 */
@IntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class ChatApiIT {

	static final String HEAD = Personas.DEPARTMENT_HEAD;
	static final String OFFICER = Personas.COMMUNICATION_OFFICER;
	static final String EMPLOYEE = Personas.EMPLOYEE;
	static final String OTHER = Personas.OTHER_EMPLOYEE;

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

	List<Map<String, Object>> messages(String persona, long conversation, String query) {
		ResponseEntity<Map> page = api.get(persona, CONVERSATIONS + "/" + conversation + "/messages" + query)
			.retrieve().toEntity(Map.class);
		assertThat(page.getStatusCode().value()).as("%s", page.getBody()).isEqualTo(200);
		return (List<Map<String, Object>>) page.getBody().get("messages");
	}

	@Test
	void createPostAndListInOrder() {
		Map<String, Object> group = chat.group(HEAD, "预算沟通", List.of(EMPLOYEE, OTHER), Map.of("topic", "周会"));
		long conversation = id(group);
		assertThat(group.get("kind")).isEqualTo("GROUP");
		assertThat(group.get("classification")).isEqualTo("INTERNAL");
		assertThat(group.get("owner")).isEqualTo(true);
		assertThat(number(group.get("memberCount"))).isEqualTo(3);

		Map<String, Object> first = chat.send(HEAD, conversation, "**第一条** <b>raw</b> [链接](https://example.cn)");
		chat.send(EMPLOYEE, conversation, "第二条");
		chat.send(OTHER, conversation, "第三条");
		assertThat(first.get("html").toString()).contains("<strong>第一条</strong>").contains("&lt;b&gt;raw")
			.contains("rel=\"nofollow noopener").contains("target=\"_blank\"").doesNotContain("<b>raw");

		List<Map<String, Object>> listed = messages(EMPLOYEE, conversation, "");
		assertThat(listed).extracting(m -> m.get("text")).containsExactly(
				"**第一条** <b>raw</b> [链接](https://example.cn)", "第二条", "第三条");
		assertThat(listed).extracting(m -> number(m.get("seq"))).containsExactly(1L, 2L, 3L);

		List<Map<String, Object>> older = messages(EMPLOYEE, conversation, "?beforeSeq=3&limit=1");
		assertThat(older).extracting(m -> m.get("text")).containsExactly("第二条");

		List<Map<String, Object>> mine = api.get(OTHER, CONVERSATIONS).retrieve().body(List.class);
		assertThat(mine).anySatisfy(c -> {
			assertThat(number(c.get("id"))).isEqualTo(conversation);
			assertThat(number(c.get("unread"))).isEqualTo(2); // the other two people's messages
			assertThat(c.get("lastMessagePreview")).isEqualTo("第三条");
		});
	}

	@Test
	void directConversationIsUniquePerPair() {
		Map body = Map.of("kind", "DIRECT", "memberEmployeeIds", List.of(chat.employee(OTHER)));
		Map first = api.post(EMPLOYEE, CONVERSATIONS).body(body).retrieve().body(Map.class);
		Map again = api.post(OTHER, CONVERSATIONS)
			.body(Map.of("kind", "DIRECT", "memberEmployeeIds", List.of(chat.employee(EMPLOYEE))))
			.retrieve().body(Map.class);
		assertThat(id(again)).isEqualTo(id(first));
		assertThat(first.get("title")).isEqualTo("罗欣怡");
		assertThat(again.get("title")).isEqualTo("林浩然");
		ResponseEntity<Map> alone = api.post(EMPLOYEE, CONVERSATIONS)
			.body(Map.of("kind", "DIRECT", "memberEmployeeIds", List.of())).retrieve().toEntity(Map.class);
		assertThat(alone.getStatusCode().value()).isEqualTo(400);
		assertThat(alone.getBody().toString()).contains("memberEmployeeIds");
	}

	@Test
	void catchUpHasNoGapAndNoDuplicateEvenUnderConcurrentPosting() throws Exception {
		long conversation = chat.groupId(HEAD, "并发", EMPLOYEE, OTHER);
		try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> posts = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				String persona = List.of(HEAD, EMPLOYEE, OTHER).get(i % 3);
				int n = i;
				posts.add(pool.submit(() -> chat.send(persona, conversation, "并发消息 " + n)));
			}
			for (Future<?> post : posts) {
				post.get();
			}
		}
		Set<Long> seen = new HashSet<>();
		List<Long> seqs = new ArrayList<>();
		long after = 0;
		boolean more = true;
		while (more) {
			Map page = api.get(OTHER, CONVERSATIONS + "/" + conversation + "/messages?afterChangeSeq=" + after
					+ "&limit=7").retrieve().body(Map.class);
			for (Map<String, Object> m : (List<Map<String, Object>>) page.get("messages")) {
				assertThat(seen.add(id(m))).as("duplicate %s", m).isTrue();
				assertThat(number(m.get("changeSeq"))).isGreaterThan(after);
				seqs.add(number(m.get("seq")));
			}
			after = number(page.get("lastChangeSeq"));
			more = (Boolean) page.get("hasMore");
		}
		assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, 30).boxed().toList());

		// a later change comes after the cursor: nothing older again
		Map<String, Object> edited = api.patch(HEAD, MESSAGES + "/" + firstOf(conversation, HEAD))
			.body(Map.of("text", "并发消息（已更正）")).retrieve().body(Map.class);
		assertThat(edited.get("status")).isEqualTo("SENT");
		Map page = api.get(OTHER, CONVERSATIONS + "/" + conversation + "/messages?afterChangeSeq=" + after)
			.retrieve().body(Map.class);
		assertThat((List<Map<String, Object>>) page.get("messages")).singleElement()
			.satisfies(m -> assertThat(m.get("text")).isEqualTo("并发消息（已更正）"));
	}

	long firstOf(long conversation, String persona) {
		return jdbc.queryForObject("""
				select min(id) from chat_message where conversation_id = ? and sender_employee_id = ?""", Long.class,
				conversation, chat.employee(persona));
	}

	@Test
	void threadsReactionsEditAndRecallKeepTheArchive() {
		long conversation = chat.groupId(HEAD, "线程", EMPLOYEE, OTHER);
		Map<String, Object> root = chat.send(HEAD, conversation, "请大家评审合同");
		long rootId = id(root);
		ResponseEntity<Map> reply = chat.post(EMPLOYEE, conversation, Map.of("text", "我来看第 7 条", "threadRootId", rootId));
		assertThat(reply.getStatusCode().value()).isEqualTo(201);
		long replyId = id((Map) reply.getBody().get("message"));

		List<Map<String, Object>> thread = api.get(OTHER, MESSAGES + "/" + rootId + "/thread").retrieve()
			.body(List.class);
		assertThat(thread).extracting(m -> id(m)).containsExactly(rootId, replyId);
		assertThat(number(thread.getFirst().get("replyCount"))).isEqualTo(1);
		assertThat(messages(OTHER, conversation, "")).extracting(m -> id(m)).containsExactly(rootId);

		Map<String, Object> reacted = api.put(OTHER, MESSAGES + "/" + rootId + "/reactions/{emoji}", "👍").retrieve()
			.body(Map.class);
		assertThat((List<Map<String, Object>>) reacted.get("reactions")).singleElement().satisfies(r -> {
			assertThat(r.get("emoji")).isEqualTo("👍");
			assertThat(number(r.get("count"))).isEqualTo(1);
			assertThat(r.get("mine")).isEqualTo(true);
			assertThat((List<String>) r.get("names")).containsExactly("罗欣怡");
		});
		Map<String, Object> removed = api.delete(OTHER, MESSAGES + "/" + rootId + "/reactions/{emoji}", "👍")
			.retrieve().body(Map.class);
		assertThat((List<?>) removed.get("reactions")).isEmpty();

		Long originalEntry = archiveEntryOf(rootId);
		ResponseEntity<Map> edit = api.patch(HEAD, MESSAGES + "/" + rootId).body(Map.of("text", "请大家周四前评审合同"))
			.retrieve().toEntity(Map.class);
		assertThat(edit.getStatusCode().value()).isEqualTo(200);
		assertThat(((Map) edit.getBody().get("message")).get("edited")).isEqualTo(true);
		Long editEntry = archiveEntryOf(rootId);
		assertThat(editEntry).isNotEqualTo(originalEntry);
		assertThat(related(editEntry)).contains("EDIT_OF").contains(String.valueOf(originalEntry));

		ResponseEntity<String> notMine = api.patch(EMPLOYEE, MESSAGES + "/" + rootId).body(Map.of("text", "x"))
			.retrieve().toEntity(String.class);
		assertThat(notMine.getStatusCode().value()).isEqualTo(409);

		Map<String, Object> recalled = api.post(HEAD, MESSAGES + "/" + rootId + "/recall").body(Map.of()).retrieve()
			.body(Map.class);
		assertThat(recalled.get("state")).isEqualTo("RECALLED");
		Map<String, Object> seen = api.get(OTHER, MESSAGES + "/" + rootId).retrieve().body(Map.class);
		assertThat(seen.get("state")).isEqualTo("RECALLED");
		assertThat(seen.get("text")).isEqualTo("");
		assertThat(seen.get("html")).isEqualTo("");
		Long recallEntry = archiveEntryOf(rootId);
		assertThat(related(recallEntry)).contains("RECALL_OF").contains(String.valueOf(editEntry));
		// nothing is deleted: the original and the edit stay in the archive with their text
		assertThat(jdbc.queryForObject("select count(*) from arc_entry where subject_type = 'chat-message' and subject_id = ?",
				Integer.class, String.valueOf(rootId))).isEqualTo(3);
		assertThat(related(archiveEntryOf(replyId))).contains("REPLY_TO").contains(String.valueOf(originalEntry));
	}

	Long archiveEntryOf(long messageId) {
		return jdbc.queryForObject("select archive_entry_id from chat_message where id = ?", Long.class, messageId);
	}

	String related(long entryId) {
		return jdbc.queryForObject("select related from arc_entry where id = ?", String.class, entryId);
	}

	@Test
	void receiptsFollowReadPositionsAndUnreadCountsDrop() {
		long conversation = chat.groupId(HEAD, "回执", EMPLOYEE, OTHER);
		long first = id(chat.send(HEAD, conversation, "一"));
		long second = id(chat.send(HEAD, conversation, "二"));
		long before = number(api.get(EMPLOYEE, "/api/v1/chat/unread").retrieve().body(Map.class).get("total"));

		Map read = api.post(EMPLOYEE, CONVERSATIONS + "/" + conversation + "/read").body(Map.of("seq", 1)).retrieve()
			.body(Map.class);
		assertThat(number(read.get("readSeq"))).isEqualTo(1);
		Map backwards = api.post(EMPLOYEE, CONVERSATIONS + "/" + conversation + "/read").body(Map.of("seq", 0))
			.retrieve().body(Map.class);
		assertThat(number(backwards.get("readSeq"))).isEqualTo(1);
		long after = number(api.get(EMPLOYEE, "/api/v1/chat/unread").retrieve().body(Map.class).get("total"));
		assertThat(after).isEqualTo(before - 1);

		Map receipts = api.get(HEAD, MESSAGES + "/" + first + "/receipts").retrieve().body(Map.class);
		assertThat((List<Map>) receipts.get("read")).extracting(m -> m.get("employeeNo")).containsExactly(EMPLOYEE);
		assertThat((List<Map>) receipts.get("unread")).extracting(m -> m.get("employeeNo")).containsExactly(OTHER);
		Map secondReceipts = api.get(HEAD, MESSAGES + "/" + second + "/receipts").retrieve().body(Map.class);
		assertThat((List<Map>) secondReceipts.get("read")).isEmpty();

		Map<String, Object> view = api.get(HEAD, MESSAGES + "/" + first).retrieve().body(Map.class);
		assertThat(number(view.get("readCount"))).isEqualTo(1);
		assertThat(number(view.get("memberCount"))).isEqualTo(2);
		// one row per member, never one per message and reader
		assertThat(jdbc.queryForObject("select count(*) from chat_member where conversation_id = ?", Integer.class,
				conversation)).isEqualTo(3);
	}

	@Test
	void aRetriedPostWithTheSameClientIdIsStoredOnce() {
		long conversation = chat.groupId(EMPLOYEE, "幂等", OTHER);
		String clientId = "c-" + chat.run;
		ResponseEntity<Map> first = chat.post(EMPLOYEE, conversation, Map.of("text", "只发一次", "clientMessageId", clientId));
		ResponseEntity<Map> again = chat.post(EMPLOYEE, conversation, Map.of("text", "只发一次", "clientMessageId", clientId));
		assertThat(first.getStatusCode().value()).isEqualTo(201);
		assertThat(again.getStatusCode().value()).isEqualTo(201);
		assertThat(id((Map) again.getBody().get("message"))).isEqualTo(id((Map) first.getBody().get("message")));
		assertThat(jdbc.queryForObject("select count(*) from chat_message where client_message_id = ?", Integer.class,
				clientId)).isEqualTo(1);
	}

	@Test
	void groupSettingsMembersAndOwners() {
		long conversation = chat.groupId(HEAD, "设置", EMPLOYEE);
		ResponseEntity<Map> byMember = api.patch(EMPLOYEE, CONVERSATIONS + "/" + conversation)
			.body(Map.of("title", "改名")).retrieve().toEntity(Map.class);
		assertThat(byMember.getStatusCode().value()).isEqualTo(409);

		Map updated = api.patch(HEAD, CONVERSATIONS + "/" + conversation)
			.body(Map.of("topic", "新主题", "invitePolicy", "OWNERS")).retrieve().body(Map.class);
		assertThat(updated.get("topic")).isEqualTo("新主题");
		ResponseEntity<String> invite = api.post(EMPLOYEE, CONVERSATIONS + "/" + conversation + "/members")
			.body(Map.of("employeeIds", List.of(chat.employee(OTHER)))).retrieve().toEntity(String.class);
		assertThat(invite.getStatusCode().value()).isEqualTo(409);
		Map added = api.post(HEAD, CONVERSATIONS + "/" + conversation + "/members")
			.body(Map.of("employeeIds", List.of(chat.employee(OTHER)))).retrieve().body(Map.class);
		assertThat(number(added.get("memberCount"))).isEqualTo(3);

		ResponseEntity<String> lastOwner = api.put(HEAD, CONVERSATIONS + "/" + conversation + "/owners/"
				+ chat.employee(HEAD)).body(Map.of("owner", false)).retrieve().toEntity(String.class);
		assertThat(lastOwner.getStatusCode().value()).isEqualTo(409);
		api.put(HEAD, CONVERSATIONS + "/" + conversation + "/owners/" + chat.employee(EMPLOYEE)).body(Map.of())
			.retrieve().toBodilessEntity();
		List<Map> members = api.get(HEAD, CONVERSATIONS + "/" + conversation + "/members").retrieve().body(List.class);
		assertThat(members).filteredOn(m -> Boolean.TRUE.equals(m.get("owner"))).extracting(m -> m.get("employeeNo"))
			.containsExactlyInAnyOrder(HEAD, EMPLOYEE);

		ResponseEntity<String> removed = api.delete(HEAD, CONVERSATIONS + "/" + conversation + "/members/"
				+ chat.employee(OTHER)).retrieve().toEntity(String.class);
		assertThat(removed.getStatusCode().value()).isEqualTo(200);
		assertThat(api.get(OTHER, CONVERSATIONS + "/" + conversation).retrieve().toBodilessEntity().getStatusCode()
			.value()).isEqualTo(404);
	}

	@Test
	void mentionsNotifyTheMentionedMembersButNotTheSender() throws InterruptedException {
		long conversation = chat.groupId(EMPLOYEE, "提及", OTHER, HEAD);
		ResponseEntity<Map> posted = chat.post(EMPLOYEE, conversation, Map.of("text", "@罗欣怡 请看一下",
				"mentionedEmployeeIds", List.of(chat.employee(OTHER), chat.employee(EMPLOYEE))));
		assertThat(posted.getStatusCode().value()).isEqualTo(201);
		Map<String, Object> message = (Map<String, Object>) posted.getBody().get("message");
		assertThat(message.get("html").toString()).contains("<span class=\"mention\">&#64;罗欣怡</span>");
		String source = String.valueOf(id(message));
		String sql = """
				select count(*) from ntf_notification n join sec_account a on a.id = n.recipient_account_id
				where n.kind = 'MENTION' and n.source_module = 'chat' and n.source_id = ? and a.username = ?""";
		int notified = 0;
		for (int i = 0; i < 50 && notified == 0; i++) {
			Thread.sleep(100);
			notified = jdbc.queryForObject(sql, Integer.class, source, OTHER);
		}
		assertThat(notified).isEqualTo(1);
		assertThat(jdbc.queryForObject(sql, Integer.class, source, EMPLOYEE)).isZero();
		assertThat(jdbc.queryForObject(sql, Integer.class, source, HEAD)).isZero();
		List<Map<String, Object>> mine = api.get(OTHER, CONVERSATIONS).retrieve().body(List.class);
		assertThat(mine).filteredOn(c -> number(c.get("id")) == conversation).singleElement()
			.satisfies(c -> assertThat(number(c.get("unreadMentions"))).isEqualTo(1));

		ResponseEntity<Map> outsider = chat.post(EMPLOYEE, conversation, Map.of("text", "@审计",
				"mentionedEmployeeIds", List.of(chat.employee(Personas.AUDITOR))));
		assertThat(outsider.getStatusCode().value()).isEqualTo(400);
		assertThat(outsider.getBody().toString()).contains("mentionedEmployeeIds");
	}

	@Test
	void theDemoGroupIsSeededThroughTheSendPath() {
		Long conversation = jdbc.queryForObject(
				"select id from chat_conversation where kind = 'GROUP' and title = '采购合同评审'", Long.class);
		List<Map<String, Object>> listed = messages(EMPLOYEE, conversation, "");
		assertThat(listed).hasSizeGreaterThanOrEqualTo(4);
		assertThat(jdbc.queryForObject("""
				select count(*) from chat_message m where m.conversation_id = ? and not exists
				  (select 1 from arc_entry a where a.id = m.archive_entry_id)""", Integer.class, conversation)).isZero();
	}
}
