package com.commhub.chat.internal.realtime;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * STOMP over WebSocket at {@code /ws} (no SockJS). Authentication happens at the HTTP handshake (the security
 * module's API chain: the browser session or an API bearer token; 401 otherwise), so the WebSocket session's
 * principal is the account. Browsers must come from the same origin (Spring's default when no origins are
 * allowed explicitly). Clients only listen on their own user queue; posting goes through REST
 * ({@link InboundFrameGuard}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
@EnableConfigurationProperties(RealtimeProperties.class)
class RealtimeConfiguration implements WebSocketMessageBrokerConfigurer {

	static final String ENDPOINT = "/ws";
	static final String USER_PREFIX = "/user";
	/** Where every chat frame goes: a member's tabs subscribe to {@code /user/queue/chat}. */
	static final String CHAT_QUEUE = "/queue/chat";

	private final RealtimeProperties properties;
	private final OpenSockets openSockets;
	private final AccountTopics accountTopics = new AccountTopics();

	RealtimeConfiguration(RealtimeProperties properties, OpenSockets openSockets) {
		this.properties = properties;
		this.openSockets = openSockets;
	}

	@Override
	public void registerStompEndpoints(StompEndpointRegistry registry) {
		registry.addEndpoint(ENDPOINT)
			.addInterceptors(OpenSockets.handshakeInterceptors().toArray(HandshakeInterceptor[]::new));
	}

	@Override
	public void configureMessageBroker(MessageBrokerRegistry registry) {
		registry.setUserDestinationPrefix(USER_PREFIX);
		registry.setApplicationDestinationPrefixes("/app");
		// every connected tab has its own user destination: the broker must cache more than its default 1,024 of
		// them, or each send scans the subscriptions of all sessions
		registry.setCacheLimit(50_000);
		// what fan-out sends to /user/<name>/queue/chat goes to the account's topic (AccountTopics)
		registry.configureBrokerChannel().interceptors(accountTopics);
		long beat = properties.heartbeatMillis();
		if (properties.relayEnabled()) {
			RealtimeProperties.Relay relay = properties.relay();
			var broker = registry.enableStompBrokerRelay("/queue", "/topic")
				.setRelayHost(relay.host())
				.setRelayPort(relay.port())
				.setSystemLogin(relay.login())
				.setSystemPasscode(relay.passcode())
				.setClientLogin(relay.login())
				.setClientPasscode(relay.passcode())
				.setSystemHeartbeatSendInterval(beat)
				.setSystemHeartbeatReceiveInterval(beat);
			// a member's tabs may be connected to other nodes: chat frames go through one broker topic per
			// account (AccountTopics), so no user registry needs to be shared between the nodes
			if (relay.virtualHost() != null && !relay.virtualHost().isBlank()) {
				broker.setVirtualHost(relay.virtualHost());
			}
		}
		else {
			ThreadPoolTaskScheduler heartbeats = new ThreadPoolTaskScheduler();
			heartbeats.setPoolSize(1);
			heartbeats.setThreadNamePrefix("ws-heartbeat-");
			heartbeats.initialize();
			registry.enableSimpleBroker("/queue", "/topic")
				.setHeartbeatValue(new long[] { beat, beat })
				.setTaskScheduler(heartbeats);
		}
	}

	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		// the guard first: it checks what the client asked for, AccountTopics then maps it to the account's topic
		registration.interceptors(new InboundFrameGuard(), accountTopics);
	}

	@Override
	public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
		// clients send only CONNECT/SUBSCRIBE: small frames; a slow tab must not hold a lot of memory
		// every socket ends with the session or token that opened it (OpenSockets)
		registration.addDecoratorFactory(openSockets::decorate);
		registration.setMessageSizeLimit(16 * 1024)
			.setSendBufferSizeLimit(512 * 1024)
			.setSendTimeLimit(15_000)
			.setTimeToFirstMessage(30_000);
	}
}
