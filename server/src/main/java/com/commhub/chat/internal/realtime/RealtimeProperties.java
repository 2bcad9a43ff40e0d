package com.commhub.chat.internal.realtime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where WebSocket fan-out goes ({@code commhub.realtime.*}). Without {@code relay.host} the in-process simple broker
 * serves one node; with it every node relays STOMP to the broker (RabbitMQ with its STOMP plugin), so that a frame
 * reaches a member's tabs on any node.
 */
@ConfigurationProperties("commhub.realtime")
public record RealtimeProperties(Relay relay, Long heartbeatMillis) {

	public RealtimeProperties {
		relay = relay == null ? new Relay(null, null, null, null, null) : relay;
		heartbeatMillis = heartbeatMillis == null ? 10_000L : heartbeatMillis;
	}

	public boolean relayEnabled() {
		return relay.host() != null && !relay.host().isBlank();
	}

	/** The STOMP broker relay: host, port (61613), login/passcode (system and client) and the virtual host. */
	public record Relay(String host, Integer port, String login, String passcode, String virtualHost) {

		public Relay {
			port = port == null ? 61613 : port;
			login = login == null ? "guest" : login;
			passcode = passcode == null ? "guest" : passcode;
		}
	}
}
