package com.commhub.bench.chat;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.stereotype.Controller;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/**
 * The chat benchmark's baseline: a bare Spring Boot WebSocket app with the in-process simple broker, no security,
 * no persistence, no compliance. Clients SEND to {@code /app/conv/{id}}; the body is relayed unchanged to
 * {@code /topic/conv.{id}}, to which the conversation's members subscribe. Run with {@code --server.port=…};
 * virtual threads on, as in CommHub.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class RelayApp {

	public static void main(String[] args) {
		SpringApplication app = new SpringApplication(RelayApp.class);
		app.setDefaultProperties(java.util.Map.of("spring.threads.virtual.enabled", "true",
				"spring.main.banner-mode", "off", "server.tomcat.max-connections", "10000"));
		app.run(args);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebSocketMessageBroker
	static class Broker implements WebSocketMessageBrokerConfigurer {

		@Override
		public void registerStompEndpoints(StompEndpointRegistry registry) {
			registry.addEndpoint("/ws").setAllowedOriginPatterns("*");
		}

		@Override
		public void configureMessageBroker(MessageBrokerRegistry registry) {
			registry.enableSimpleBroker("/topic", "/queue");
			registry.setApplicationDestinationPrefixes("/app");
		}
	}

	@Controller
	static class Relay {

		private final SimpMessagingTemplate template;

		Relay(SimpMessagingTemplate template) {
			this.template = template;
		}

		@MessageMapping("/conv/{id}")
		void post(@DestinationVariable("id") long id, @Payload String body) {
			template.convertAndSend("/topic/conv." + id, body);
		}
	}
}
