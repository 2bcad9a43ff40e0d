package com.commhub.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.simp.stomp.StompBrokerRelayMessageHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import com.commhub.Api;
import com.commhub.NodeCluster;
import com.commhub.Personas;
import com.commhub.WebSession;
import com.commhub.chat.ChatRealtimeIT.Listener;
import com.commhub.chat.ChatRealtimeIT.TextConverter;

/**
 * Chat on two CommHub nodes that share PostgreSQL (messages, read positions, Spring Session JDBC) and relay STOMP
 * through RabbitMQ ({@code commhub.realtime.relay.*}: its STOMP plugin on 127.0.0.1:61613, a virtual host of this
 * test's own made with {@code rabbitmqctl}): a message posted through node 1 reaches the member's tab connected to
 * node 2 exactly once — right after it connects, after it reconnects, and together with a second tab on node 1; the
 * member catches up through node 2's REST with no gap and no duplicate after missing frames; a read position moved
 * on node 2 is seen through node 1; a client that is no member gets nothing; node 2's search finds node 1's
 * message (with {@code commhub.chat.search.peer-catch-up}) for members only; RabbitMQ keeps no queue once the
 * clients are gone. Needs the external PostgreSQL and RabbitMQ with its STOMP plugin: tagged {@code multinode}, run
 * by CI's last step (which enables the plugin).
 */
@Tag("multinode")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiNodeChatIT {

	static final String RELAY_HOST = "127.0.0.1";
	static final int RELAY_PORT = 61613;

	NodeCluster cluster;
	RabbitVirtualHost vhost;
	ConfigurableApplicationContext node1;
	ConfigurableApplicationContext node2;
	Api api1;
	Api api2;
	ChatFixtures chat;
	final List<StompSession> sessions = new ArrayList<>();
	/** The STOMP clients' timer for receipts. */
	final ThreadPoolTaskScheduler receipts = new ThreadPoolTaskScheduler();

	@BeforeAll
	void startTwoNodesWithTheRelay() throws Exception {
		receipts.initialize();
		vhost = RabbitVirtualHost.create("commhub_it_" + UUID.randomUUID().toString().substring(0, 8));
		cluster = NodeCluster.create();
		String[] relay = { "--commhub.realtime.relay.host=" + RELAY_HOST, "--commhub.realtime.relay.port=" + RELAY_PORT,
				"--commhub.realtime.relay.login=guest", "--commhub.realtime.relay.passcode=guest",
				"--commhub.realtime.relay.virtual-host=" + vhost.name(),
				// each node's local search index also takes in what the other node wrote (docs/modules/chat.md)
				"--commhub.chat.search.peer-catch-up=true", "--commhub.chat.search.peer-catch-up-interval=1s" };
		node1 = cluster.start("1", relay);
		node2 = cluster.start("2", relay);
		for (ConfigurableApplicationContext node : List.of(node1, node2)) {
			StompBrokerRelayMessageHandler handler = node.getBean(StompBrokerRelayMessageHandler.class);
			await("the relay of a node connects to RabbitMQ", Duration.ofSeconds(30), handler::isBrokerAvailable);
		}
		api1 = new Api(NodeCluster.port(node1));
		api2 = new Api(NodeCluster.port(node2));
		chat = new ChatFixtures(api1, node1.getBean(JdbcTemplate.class));
		chat.generousLimits();
	}

	@AfterAll
	void stop() throws Exception {
		receipts.shutdown();
		try {
			if (cluster != null) {
				cluster.close();
			}
		}
		finally {
			if (vhost != null) {
				vhost.delete();
			}
		}
	}

	@AfterEach
	void disconnect() {
		sessions.stream().filter(StompSession::isConnected).forEach(StompSession::disconnect);
		sessions.clear();
	}

	@Test
	void aMessagePostedOnNode1ReachesTheMemberOnNode2ExactlyOnceAndCatchUpThereHasNoGap() throws Exception {
		long group = chat.groupId(Personas.EMPLOYEE, "多节点", Personas.OTHER_EMPLOYEE);
		long start = lastChangeSeq(api2, Personas.OTHER_EMPLOYEE, group);
		// the member's tab signed in through node 1's login page; its session (Spring Session JDBC) opens node 2's /ws
		WebSession browser = new WebSession(NodeCluster.port(node1));
		assertThat(browser.signIn(Personas.OTHER_EMPLOYEE).statusCode()).isEqualTo(200);
		String sessionCookie = browser.cookie("SESSION").orElseThrow();
		Listener member = connect(node2, "Cookie", "SESSION=" + sessionCookie);
		Listener outsiderOn2 = connect(node2, "Authorization", "Bearer " + api2.tokenOf(Personas.AUDITOR));
		Listener outsiderOn1 = connect(node1, "Authorization", "Bearer " + api1.tokenOf(Personas.AUDITOR));

		// 1. right after the tab connected to node 2, and for every further post
		List<Long> delivered = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			delivered.add(exactlyOnce(member, group, chat.send(Personas.EMPLOYEE, group, "第" + (i + 1) + "条:节点一发出")));
		}
		assertThat(delivered).as("frames in order, one change each").containsExactlyElementsOf(range(start + 1, 11));
		assertThat(changeSeqs(api2, Personas.OTHER_EMPLOYEE, group, start)).as("node 2's catch-up from the start")
			.containsExactlyElementsOf(delivered);

		// 2. the tab goes away, three messages are missed, it reconnects to node 2 and catches up from its last one
		member.session.disconnect();
		long last = delivered.getLast();
		List<Long> missed = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			missed.add(ChatFixtures.number(chat.send(Personas.EMPLOYEE, group, "离线时的第" + (i + 1) + "条").get("changeSeq")));
		}
		Listener again = connect(node2, "Cookie", "SESSION=" + sessionCookie);
		assertThat(changeSeqs(api2, Personas.OTHER_EMPLOYEE, group, last)).as("no gap, no duplicate")
			.containsExactlyElementsOf(missed)
			.containsExactlyElementsOf(range(last + 1, 3));
		// the reconnected tab gets the next post at once (not only after another node hears of its new session)
		assertThat(exactlyOnce(again, group, chat.send(Personas.EMPLOYEE, group, "重新连接之后"))).isEqualTo(last + 4);

		// 3. a second tab of the member on node 1: each tab gets one copy
		Listener secondTab = connect(node1, "Cookie", "SESSION=" + sessionCookie);
		Map<String, Object> both = chat.send(Personas.EMPLOYEE, group, "两个标签页都收到");
		assertThat(exactlyOnce(secondTab, group, both)).isEqualTo(exactlyOnce(again, group, both)).isEqualTo(last + 5);

		assertThat(framesOf(outsiderOn2, group)).as("a non-member's client on node 2").isEmpty();
		assertThat(framesOf(outsiderOn1, group)).as("a non-member's client on node 1").isEmpty();
	}

	@Test
	void aReadPositionMovedOnNode2IsSeenThroughNode1() throws Exception {
		long group = chat.groupId(Personas.EMPLOYEE, "多节点已读", Personas.OTHER_EMPLOYEE, Personas.DEPARTMENT_HEAD);
		Listener sender = connect(node1, "Authorization", "Bearer " + api1.tokenOf(Personas.EMPLOYEE));
		Map<String, Object> posted = chat.send(Personas.EMPLOYEE, group, "请确认收到");
		long messageId = ChatFixtures.id(posted);
		long seq = ChatFixtures.number(posted.get("seq"));

		ResponseEntity<String> read = api2.post(Personas.OTHER_EMPLOYEE, ChatFixtures.CONVERSATIONS + "/{id}/read", group)
			.body(Map.of("seq", seq))
			.retrieve()
			.toEntity(String.class);
		assertThat(read.getStatusCode().value()).as("%s", read.getBody()).isEqualTo(200);

		Map<String, Object> frame = sender.next(group, "read");
		assertThat(ChatFixtures.number(frame.get("employeeId"))).isEqualTo(chat.employee(Personas.OTHER_EMPLOYEE));
		assertThat(ChatFixtures.number(frame.get("readSeq"))).isEqualTo(seq);
		@SuppressWarnings("unchecked")
		Map<String, Object> receipts = api1.get(Personas.EMPLOYEE, ChatFixtures.MESSAGES + "/{id}/receipts", messageId)
			.retrieve()
			.body(Map.class);
		assertThat(employeeNos(receipts.get("read"))).containsExactly(Personas.OTHER_EMPLOYEE);
		assertThat(employeeNos(receipts.get("unread"))).containsExactly(Personas.DEPARTMENT_HEAD);
	}

	@Test
	@SuppressWarnings("unchecked")
	void searchThroughNode2FindsWhatWasPostedThroughNode1ForMembersOnly() throws Exception {
		long group = chat.groupId(Personas.EMPLOYEE, "多节点检索", Personas.OTHER_EMPLOYEE);
		long message = ChatFixtures.id(chat.send(Personas.EMPLOYEE, group, "请各位核对第三季度的采购发票"));
		String query = ChatSearchIT.SEARCH + "?q=发票&conversationId=" + group;
		List<Map<String, Object>> items = List.of();
		Instant deadline = Instant.now().plusSeconds(30);
		while (items.isEmpty() && Instant.now().isBefore(deadline)) {
			Thread.sleep(250);
			items = (List<Map<String, Object>>) api2.get(Personas.OTHER_EMPLOYEE, query).retrieve().body(Map.class)
				.get("items");
		}
		assertThat(items).as("node 2's index took in node 1's message").singleElement()
			.satisfies(hit -> assertThat(ChatFixtures.number(hit.get("messageId"))).isEqualTo(message));
		ResponseEntity<Map> outsider = api2.get(Personas.AUDITOR, query).retrieve().toEntity(Map.class);
		assertThat(outsider.getStatusCode().value()).isEqualTo(200);
		assertThat((List<?>) outsider.getBody().get("items")).as("a non-member's search through node 2").isEmpty();
	}

	@Test
	void rabbitMqKeepsNoQueueOnceTheClientsAreGone() throws Exception {
		Listener client = connect(node2, "Authorization", "Bearer " + api2.tokenOf(Personas.DEPARTMENT_HEAD));
		await("RabbitMQ holds the client's subscription queue", Duration.ofSeconds(10), () -> !vhost.queues().isEmpty());
		client.session.disconnect();
		sessions.clear();
		// (the other tests' clients are disconnected after each test); a durable queue per WebSocket session, as
		// Spring's /user/queue destinations leave them on RabbitMQ, would stay here for ever
		await("RabbitMQ deletes the subscription queues with the connections", Duration.ofSeconds(30),
				() -> vhost.queues().isEmpty());
	}

	// ---------------------------------------------------------------------------------------------------- helpers

	/** A STOMP client of the given node, authenticated at the handshake by the header, on its chat queue. */
	Listener connect(ConfigurableApplicationContext node, String header, String value) throws Exception {
		WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
		client.setMessageConverter(new TextConverter());
		client.setTaskScheduler(receipts);
		WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
		headers.add(header, value);
		Listener listener = new Listener();
		listener.session = client.connectAsync("ws://localhost:" + NodeCluster.port(node) + "/ws", headers,
				new StompHeaders(), listener).get(10, TimeUnit.SECONDS);
		sessions.add(listener.session);
		// through the relay the subscription is in place once RabbitMQ confirms it (RECEIPT): only then post
		CountDownLatch confirmed = new CountDownLatch(1);
		listener.session.setAutoReceipt(true);
		listener.session.subscribe("/user/queue/chat", listener.handler).addReceiptTask(confirmed::countDown);
		assertThat(confirmed.await(10, TimeUnit.SECONDS)).as("RECEIPT for the subscription").isTrue();
		return listener;
	}

	/** The {@code message} frame of the posted message arrives once, and no copy follows; its changeSeq. */
	static long exactlyOnce(Listener listener, long conversationId, Map<String, Object> posted)
			throws InterruptedException {
		Map<String, Object> frame = listener.next(conversationId, "message");
		assertThat(frame.get("messageId")).isEqualTo(posted.get("id"));
		assertThat(frame.get("changeSeq")).isEqualTo(posted.get("changeSeq"));
		// a second copy would come right behind the first (another node resolving the same broadcast)
		Thread.sleep(300);
		List<Map<String, Object>> more = new ArrayList<>();
		listener.frames.drainTo(more);
		assertThat(more).as("frames after the first copy").noneMatch(f -> posted.get("id").equals(f.get("messageId")));
		return ChatFixtures.number(frame.get("changeSeq"));
	}

	/** Frames of the conversation that arrived at the client so far, after a moment for stragglers. */
	static List<Map<String, Object>> framesOf(Listener listener, long conversationId) throws InterruptedException {
		Thread.sleep(1000);
		List<Map<String, Object>> all = new ArrayList<>();
		listener.frames.drainTo(all);
		return all.stream().filter(f -> ChatFixtures.number(f.get("conversationId")) == conversationId).toList();
	}

	/** The changeSeqs of node's catch-up page after {@code afterChangeSeq}, in order. */
	@SuppressWarnings("unchecked")
	static List<Long> changeSeqs(Api api, String persona, long conversationId, long afterChangeSeq) {
		Map<String, Object> page = api.get(persona, ChatFixtures.CONVERSATIONS + "/{id}/messages?afterChangeSeq={after}",
				conversationId, afterChangeSeq).retrieve().body(Map.class);
		assertThat(page.get("hasMore")).isEqualTo(false);
		return ((List<Map<String, Object>>) page.get("messages")).stream()
			.map(m -> ChatFixtures.number(m.get("changeSeq")))
			.toList();
	}

	@SuppressWarnings("unchecked")
	static long lastChangeSeq(Api api, String persona, long conversationId) {
		Map<String, Object> page = api.get(persona, ChatFixtures.CONVERSATIONS + "/{id}/messages", conversationId)
			.retrieve()
			.body(Map.class);
		return ChatFixtures.number(page.get("lastChangeSeq"));
	}

	@SuppressWarnings("unchecked")
	static List<String> employeeNos(Object members) {
		return ((List<Map<String, Object>>) members).stream().map(m -> (String) m.get("employeeNo")).toList();
	}

	static List<Long> range(long from, int count) {
		List<Long> values = new ArrayList<>();
		for (long v = from; v < from + count; v++) {
			values.add(v);
		}
		return values;
	}

	static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		while (!condition.getAsBoolean()) {
			assertThat(Instant.now()).as(what + " within " + timeout.toSeconds() + " s").isBefore(deadline);
			Thread.sleep(200);
		}
	}

	/**
	 * A RabbitMQ virtual host of this test's own ({@code rabbitmqctl}: the machine's broker, as root) with guest's
	 * permissions; {@link #delete()} removes it with everything in it.
	 */
	record RabbitVirtualHost(String name) {

		static RabbitVirtualHost create(String name) throws Exception {
			RabbitVirtualHost vhost = new RabbitVirtualHost(name);
			rabbitmqctl("add_vhost", name);
			try {
				rabbitmqctl("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
			}
			catch (Exception ex) {
				vhost.delete();
				throw ex;
			}
			return vhost;
		}

		void delete() throws Exception {
			rabbitmqctl("delete_vhost", name);
		}

		List<String> queues() {
			try {
				return rabbitmqctl("list_queues", "-p", name, "--quiet", "--no-table-headers", "name").lines()
					.map(String::strip)
					.filter(line -> !line.isEmpty())
					.toList();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

		static String rabbitmqctl(String... arguments) throws IOException, InterruptedException {
			List<String> command = new ArrayList<>();
			command.add(Files.isExecutable(Path.of("/usr/sbin/rabbitmqctl"))
					? "/usr/sbin/rabbitmqctl" : "rabbitmqctl");
			command.addAll(List.of(arguments));
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("rabbitmqctl " + String.join(" ", arguments) + " failed: " + output);
			}
			return output;
		}
	}
}
