package com.commhub.chat.internal.realtime;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.socket.server.support.HttpSessionHandshakeInterceptor;

import com.commhub.security.ConnectionCredentials;

/**
 * The WebSockets open on this node, each ended once what authenticated its handshake no longer stands (signed out,
 * session revoked or timed out, token revoked or expired, account disabled): checked for all of them together
 * every {@code commhub.realtime.credential-check-millis} (15 s), one query for the browser sessions. The client
 * reconnects like after any drop, and a handshake without valid credentials is refused (401).
 */
@Component
class OpenSockets {

	private static final Logger log = LoggerFactory.getLogger(OpenSockets.class);
	/** The bearer token of the handshake, kept in the socket's attributes (memory only) to check it again. */
	static final String BEARER = "commhub.bearer";
	static final CloseStatus SIGNED_OUT = CloseStatus.POLICY_VIOLATION.withReason("credentials ended");

	private final Map<String, WebSocketSession> open = new ConcurrentHashMap<>();
	private final ConnectionCredentials credentials;

	OpenSockets(ConnectionCredentials credentials) {
		this.credentials = credentials;
	}

	/** Records what authenticated the handshake: the browser session's id or the bearer token. */
	static List<HandshakeInterceptor> handshakeInterceptors() {
		HttpSessionHandshakeInterceptor sessionId = new HttpSessionHandshakeInterceptor();
		sessionId.setCopyAllAttributes(false);
		return List.of(sessionId, new HandshakeInterceptor() {
			@Override
			public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
					WebSocketHandler handler, Map<String, Object> attributes) {
				String header = request.getHeaders().getFirst("Authorization");
				if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
					attributes.put(BEARER, header.substring(7).trim());
				}
				return true;
			}

			@Override
			public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response,
					WebSocketHandler handler, Exception exception) {
			}
		});
	}

	WebSocketHandler decorate(WebSocketHandler handler) {
		return new WebSocketHandlerDecorator(handler) {
			@Override
			public void afterConnectionEstablished(WebSocketSession session) throws Exception {
				open.put(session.getId(), session);
				super.afterConnectionEstablished(session);
			}

			@Override
			public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
				open.remove(session.getId());
				super.afterConnectionClosed(session, status);
			}
		};
	}

	@Scheduled(fixedDelayString = "${commhub.realtime.credential-check-millis:15000}",
			initialDelayString = "${commhub.realtime.credential-check-millis:15000}")
	void endThoseWhoseCredentialsEnded() {
		if (open.isEmpty()) {
			return;
		}
		List<WebSocketSession> sockets = List.copyOf(open.values());
		Set<String> sessionIds = sockets.stream()
			.filter(s -> bearer(s) == null)
			.map(OpenSockets::httpSessionId)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		Set<String> live = credentials.liveSessions(sessionIds);
		for (WebSocketSession socket : sockets) {
			String bearer = bearer(socket);
			boolean stands = bearer != null ? credentials.tokenUsable(bearer) : live.contains(httpSessionId(socket));
			if (!stands && socket.isOpen()) {
				try {
					socket.close(SIGNED_OUT);
				}
				catch (IOException ex) {
					log.debug("closing WebSocket {} failed", socket.getId(), ex);
				}
			}
		}
	}

	private static String bearer(WebSocketSession socket) {
		return (String) socket.getAttributes().get(BEARER);
	}

	private static String httpSessionId(WebSocketSession socket) {
		return (String) socket.getAttributes().get(HttpSessionHandshakeInterceptor.HTTP_SESSION_ID_ATTR_NAME);
	}
}
