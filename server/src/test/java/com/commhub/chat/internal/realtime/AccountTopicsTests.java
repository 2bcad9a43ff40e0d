package com.commhub.chat.internal.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.Principal;

import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;

/** How {@link AccountTopics} maps the chat queue of a subscription and of a fan-out frame onto the account's topic. */
class AccountTopicsTests {

	final AccountTopics topics = new AccountTopics();

	@Test
	void usernamesBecomeRoutingKeysWithEverythingButLettersDigitsDashAndUnderscoreEncoded() {
		assertThat(AccountTopics.topicOf("HT1041")).isEqualTo("/topic/chat.user.HT1041");
		assertThat(AccountTopics.topicOf("li.na/x_y-z")).isEqualTo("/topic/chat.user.li%2Ena%2Fx_y-z");
		assertThat(AccountTopics.topicOf("王#*")).isEqualTo("/topic/chat.user.%E7%8E%8B%23%2A");
	}

	@Test
	void aSubscriptionToTheOwnChatQueueBecomesOneToTheSubscribersTopic() {
		StompHeaderAccessor subscribe = StompHeaderAccessor.create(StompCommand.SUBSCRIBE);
		subscribe.setDestination("/user/queue/chat");
		subscribe.setSubscriptionId("sub-0");
		subscribe.setSessionId("s1");
		subscribe.setUser(principal("HT1041"));
		Message<?> mapped = topics.preSend(message(subscribe), null);

		StompHeaderAccessor headers = StompHeaderAccessor.wrap(mapped);
		assertThat(headers.getDestination()).isEqualTo("/topic/chat.user.HT1041");
		assertThat(headers.getFirstNativeHeader("destination")).isEqualTo("/topic/chat.user.HT1041");
		assertThat(headers.getSubscriptionId()).isEqualTo("sub-0");
		assertThat(headers.getSessionId()).isEqualTo("s1");
	}

	@Test
	void otherSubscriptionsAndAnonymousOnesStayAsTheyAre() {
		StompHeaderAccessor other = StompHeaderAccessor.create(StompCommand.SUBSCRIBE);
		other.setDestination("/user/queue/errors");
		other.setUser(principal("HT1041"));
		Message<?> otherMessage = message(other);
		assertThat(topics.preSend(otherMessage, null)).isSameAs(otherMessage);

		StompHeaderAccessor anonymous = StompHeaderAccessor.create(StompCommand.SUBSCRIBE);
		anonymous.setDestination("/user/queue/chat");
		Message<?> anonymousMessage = message(anonymous);
		assertThat(topics.preSend(anonymousMessage, null)).isSameAs(anonymousMessage);
	}

	@Test
	void aFanOutFrameForAnAccountGoesToItsTopic() {
		SimpMessageHeaderAccessor send = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
		send.setDestination("/user/a%2Fb/queue/chat");
		Message<?> mapped = topics.preSend(message(send), null);
		assertThat(SimpMessageHeaderAccessor.getDestination(mapped.getHeaders())).isEqualTo("/topic/chat.user.a%2Fb");
		assertThat(new String((byte[]) mapped.getPayload(), StandardCharsets.UTF_8)).isEqualTo("{}");

		SimpMessageHeaderAccessor bare = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
		bare.setDestination("/user/queue/chat");
		Message<?> bareMessage = message(bare);
		assertThat(topics.preSend(bareMessage, null)).isSameAs(bareMessage);
	}

	private static Message<byte[]> message(SimpMessageHeaderAccessor headers) {
		return MessageBuilder.createMessage("{}".getBytes(StandardCharsets.UTF_8), headers.getMessageHeaders());
	}

	private static Principal principal(String name) {
		return () -> name;
	}
}
