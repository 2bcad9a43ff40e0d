package com.commhub.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import com.commhub.Api;
import com.commhub.IntegrationTest;
import com.commhub.Personas;
import com.commhub.WebSession;

import tools.jackson.databind.json.JsonMapper;

/**
 * Real-time delivery over STOMP at {@code /ws} with Java clients authenticated by API bearer tokens: a member gets
 * the frame of a posted message and of a read position, a non-member gets nothing, SEND and subscriptions outside
 * the own user queue are refused, and an unauthenticated handshake is 401.
 */
@IntegrationTest
class ChatRealtimeIT {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	Api api;
	ChatFixtures chat;
	final List<StompSession> sessions = new ArrayList<>();

	@BeforeEach
	void setUp() {
		api = new Api(port);
		chat = new ChatFixtures(api, jdbc);
		chat.generousLimits();
	}

	@AfterEach
	void tearDown() {
		sessions.forEach(s -> {
			try {
				if (s.isConnected()) {
					s.disconnect();
				}
			}
			catch (MessageDeliveryException ex) {
				// the server closed it after an ERROR frame and the client had not noticed yet: nothing to end
			}
		});
	}

	@Test
	void membersGetPostedMessagesAndReadPositionsOthersNothing() throws Exception {
		long group = chat.groupId(Personas.EMPLOYEE, "实时 " + UUID.randomUUID(), Personas.OTHER_EMPLOYEE,
				Personas.DEPARTMENT_HEAD);
		Listener member = connect(Personas.OTHER_EMPLOYEE);
		Listener sender = connect(Personas.EMPLOYEE);
		Listener outsider = connect(Personas.AUDITOR);

		Map<String, Object> posted = chat.send(Personas.EMPLOYEE, group, "大家好，实时消息 <b>测试</b>");
		Map<String, Object> frame = member.next(group, "message");
		assertThat(frame.get("messageId")).isEqualTo(posted.get("id"));
		assertThat(frame.get("changeSeq")).isEqualTo(posted.get("changeSeq"));
		assertThat(frame.get("seq")).isEqualTo(posted.get("seq"));
		@SuppressWarnings("unchecked")
		Map<String, Object> view = (Map<String, Object>) frame.get("message");
		assertThat(view.get("text")).isEqualTo("大家好，实时消息 <b>测试</b>");
		assertThat((String) view.get("html")).doesNotContain("<b>");
		// the sender's other tabs get it too
		assertThat(sender.next(group, "message").get("messageId")).isEqualTo(posted.get("id"));

		assertThat(api.post(Personas.OTHER_EMPLOYEE, ChatFixtures.CONVERSATIONS + "/{id}/read", group)
			.body(Map.of("seq", posted.get("seq"))).retrieve().toEntity(String.class).getStatusCode().value())
			.isEqualTo(200);
		Map<String, Object> read = sender.next(group, "read");
		assertThat(((Number) read.get("employeeId")).longValue()).isEqualTo(chat.employee(Personas.OTHER_EMPLOYEE));
		assertThat(((Number) read.get("readSeq")).longValue()).isEqualTo(((Number) posted.get("seq")).longValue());

		assertThat(outsider.frames.poll(1500, TimeUnit.MILLISECONDS)).as("a non-member's frame").isNull();
	}

	@Test
	@SuppressWarnings("unchecked")
	void aHeldMessageReachesTheSenderAsPendingAndTheMembersOnceApproved() throws Exception {
		String term = "审批实时词" + chat.run;
		String dictionary = "t-chat-rt-" + chat.run;
		assertThat(api.post(Personas.COMMUNICATION_OFFICER, "/api/v1/compliance/dictionaries")
			.body(Map.of("code", dictionary, "name", "实时审批 " + chat.run, "category", "UNPUBLISHED_STRATEGY",
					"terms", term))
			.retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(200);
		Map<String, Object> policy = new java.util.HashMap<>(Map.of("code", "t.chat-rt-" + chat.run, "name",
				"实时审批 " + chat.run, "priority", 40, "action", "REQUIRE_APPROVAL", "tipZh", "须审批", "tipEn",
				"Needs approval", "scope", Map.of("channels", List.of("CHAT"), "recipients", "ANY")));
		policy.put("conditions", Map.of("findings", Map.of("detectors", List.of("keyword:" + dictionary), "minCount", 1)));
		assertThat(api.post(Personas.COMMUNICATION_OFFICER, "/api/v1/compliance/policies").body(policy).retrieve()
			.toEntity(String.class).getStatusCode().value()).isEqualTo(201);
		long group = chat.groupId(Personas.EMPLOYEE, "审批实时", Personas.OTHER_EMPLOYEE);
		Listener sender = connect(Personas.EMPLOYEE);
		Listener member = connect(Personas.OTHER_EMPLOYEE);

		var held = chat.post(Personas.EMPLOYEE, group, Map.of("text", "报价 " + term));
		assertThat(held.getStatusCode().value()).isEqualTo(202);
		long id = ChatFixtures.id((Map<String, Object>) held.getBody().get("message"));
		assertThat(member.frames.poll(1000, TimeUnit.MILLISECONDS)).as("nothing while held").isNull();

		Long approval = jdbc.queryForObject(
				"select id from cmp_approval where subject_type = 'chat-message' and subject_id = ?", Long.class,
				String.valueOf(id));
		assertThat(api.post("HT1006", "/api/v1/compliance/approvals/" + approval + "/approve").body(Map.of("note", "同意"))
			.retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(200);

		Map<String, Object> decided = sender.next(group, "pending");
		assertThat(ChatFixtures.number(decided.get("messageId"))).isEqualTo(id);
		assertThat(decided.get("state")).isEqualTo("DELIVERED");
		Map<String, Object> delivered = member.next(group, "message");
		assertThat(ChatFixtures.number(delivered.get("messageId"))).isEqualTo(id);
		assertThat(((Map<String, Object>) delivered.get("message")).get("state")).isEqualTo("DELIVERED");
	}

	@Test
	void sendFramesAndForeignSubscriptionsAreRefused() throws Exception {
		Listener sender = connect(Personas.EMPLOYEE);
		sender.session.send("/app/chat", "hello".getBytes(StandardCharsets.UTF_8));
		assertThat(sender.errors.poll(10, TimeUnit.SECONDS)).as("ERROR frame for SEND").isNotNull();

		Listener snooper = connect(Personas.OTHER_EMPLOYEE);
		snooper.session.subscribe("/queue/chat-user" + UUID.randomUUID(), snooper.handler);
		assertThat(snooper.errors.poll(10, TimeUnit.SECONDS)).as("ERROR frame for a foreign queue").isNotNull();

		Listener topic = connect(Personas.AUDITOR);
		topic.session.subscribe("/topic/commhub-user-registry", topic.handler);
		assertThat(topic.errors.poll(10, TimeUnit.SECONDS)).as("ERROR frame for a topic").isNotNull();
	}

	@Test
	void anUnauthenticatedHandshakeIs401() throws Exception {
		HttpResponse<String> anonymous = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ws")).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(anonymous.statusCode()).isEqualTo(401);
		HttpResponse<String> badToken = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ws"))
				.header("Authorization", "Bearer chp_not-a-token")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(badToken.statusCode()).isEqualTo(401);
	}

	@Test
	@SuppressWarnings("unchecked")
	void aWebSocketEndsWithTheTokenThatOpenedItAndOthersStay() throws Exception {
		var created = api.post(Personas.OTHER_EMPLOYEE, "/api/v1/tokens")
			.body(Map.of("name", "ws-" + UUID.randomUUID(), "scopes", List.of("*"), "expiresInDays", 1))
			.retrieve().toEntity(Map.class).getBody();
		long tokenId = ((Number) ((Map<String, Object>) created.get("token")).get("id")).longValue();
		Listener revoked = connectWith("Authorization", "Bearer " + created.get("secret"));
		Listener other = connect(Personas.EMPLOYEE);

		assertThat(api.delete(Personas.OTHER_EMPLOYEE, "/api/v1/tokens/{id}", tokenId).retrieve().toBodilessEntity()
			.getStatusCode().value()).isEqualTo(204);
		assertThat(closedWithin(revoked, 10)).as("the revoked token's socket is closed").isTrue();
		assertThat(closedWithin(other, 2)).as("a socket with a valid token stays").isFalse();
	}

	@Test
	void signingOutEndsTheWebSocketsOfThatBrowserSession() throws Exception {
		WebSession browser = new WebSession(port);
		assertThat(browser.signIn(Personas.OTHER_EMPLOYEE).statusCode()).isEqualTo(200);
		Listener tab = connectWith("Cookie", "SESSION=" + browser.cookie("SESSION").orElseThrow());
		assertThat(closedWithin(tab, 2)).as("a signed-in session's socket stays").isFalse();

		browser.post("/logout", Map.of());
		assertThat(closedWithin(tab, 10)).as("the signed-out session's socket is closed").isTrue();
	}

	/** Whether the server ended the listener's connection within the time. */
	static boolean closedWithin(Listener listener, int seconds) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		while (System.nanoTime() < deadline) {
			if (!listener.session.isConnected()) {
				return true;
			}
			Thread.sleep(50);
		}
		return false;
	}

	/** A STOMP client of one persona, subscribed to its chat queue. */
	Listener connect(String persona) throws Exception {
		return connectWith("Authorization", "Bearer " + api.tokenOf(persona));
	}

	/** A STOMP client whose handshake carries this header (a bearer token or a session cookie). */
	Listener connectWith(String header, String value) throws Exception {
		WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
		client.setMessageConverter(new TextConverter());
		WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
		headers.add(header, value);
		Listener listener = new Listener();
		StompSession session = client
			.connectAsync("ws://localhost:" + port + "/ws", headers, new StompHeaders(), listener)
			.get(10, TimeUnit.SECONDS);
		listener.session = session;
		sessions.add(session);
		StompSession.Receiptable subscribed = session.subscribe("/user/queue/chat", listener.handler);
		assertThat(subscribed).isNotNull();
		// a frame sent right after SUBSCRIBE could overtake it: give the broker a moment to register it
		Thread.sleep(200);
		return listener;
	}

	static final class Listener extends StompSessionHandlerAdapter {

		final BlockingQueue<Map<String, Object>> frames = new LinkedBlockingQueue<>();
		final BlockingQueue<String> errors = new LinkedBlockingQueue<>();
		StompSession session;

		final StompFrameHandler handler = new StompFrameHandler() {
			@Override
			public Type getPayloadType(StompHeaders headers) {
				return String.class;
			}

			@Override
			@SuppressWarnings("unchecked")
			public void handleFrame(StompHeaders headers, Object payload) {
				frames.add(JSON.readValue((String) payload, Map.class));
			}
		};

		@Override
		public Type getPayloadType(StompHeaders headers) {
			return String.class;
		}

		/** The session handler gets the ERROR frames. */
		@Override
		public void handleFrame(StompHeaders headers, Object payload) {
			errors.add(headers.getFirst("message") == null ? String.valueOf(payload) : headers.getFirst("message"));
		}

		@Override
		public void handleException(StompSession s, StompCommand command, StompHeaders headers, byte[] payload,
				Throwable exception) {
			errors.add(String.valueOf(exception));
		}

		@Override
		public void handleTransportError(StompSession s, Throwable exception) {
			errors.add(String.valueOf(exception));
		}

		/** The next frame of this type for the conversation (others are skipped). */
		Map<String, Object> next(long conversationId, String type) throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (System.nanoTime() < deadline) {
				Map<String, Object> frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
				if (frame != null && ((Number) frame.get("conversationId")).longValue() == conversationId
						&& type.equals(frame.get("type"))) {
					return frame;
				}
			}
			throw new AssertionError("no " + type + " frame for conversation " + conversationId);
		}
	}

	/** Frames as text, whatever their content type (JSON chat frames, text ERROR frames). */
	static final class TextConverter implements MessageConverter {

		@Override
		public Object fromMessage(Message<?> message, Class<?> targetClass) {
			Object payload = message.getPayload();
			return payload instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(payload);
		}

		@Override
		public Message<?> toMessage(Object payload, MessageHeaders headers) {
			byte[] bytes = payload instanceof byte[] b ? b : String.valueOf(payload).getBytes(StandardCharsets.UTF_8);
			return MessageBuilder.createMessage(bytes, headers == null ? new MessageHeaders(null) : headers);
		}
	}
}
