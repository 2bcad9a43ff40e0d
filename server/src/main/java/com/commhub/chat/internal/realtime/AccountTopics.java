package com.commhub.chat.internal.realtime;

import java.nio.charset.StandardCharsets;
import java.security.Principal;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Carries every account's chat frames on one broker topic ({@code /topic/chat.user.<username>}) instead of Spring's
 * per-session user queues: a tab's SUBSCRIBE to {@code /user/queue/chat} (after {@link InboundFrameGuard} let it
 * through) becomes a subscription to its own account's topic, and a frame that {@link ChatFanOut} sends to
 * {@code /user/<username>/queue/chat} goes to that topic. The broker hands each subscribed tab one copy, whichever
 * node it is connected to. With several nodes this replaces resolving sessions through a user registry shared by
 * broadcast: the registry's snapshot of another node is up to 10 s old, so a tab that reconnected or opened there
 * missed frames until the next snapshot (MultiNodeChatIT found it), and on RabbitMQ each WebSocket session left a
 * durable queue behind; topic subscriptions are queues that RabbitMQ deletes with the connection.
 */
final class AccountTopics implements ChannelInterceptor {

	static final String TOPIC_PREFIX = "/topic/chat.user.";
	private static final String OWN_QUEUE = RealtimeConfiguration.USER_PREFIX + RealtimeConfiguration.CHAT_QUEUE;
	private static final String ACCOUNT_PREFIX = RealtimeConfiguration.USER_PREFIX + "/";

	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.getAccessor(message,
				SimpMessageHeaderAccessor.class);
		if (headers == null || headers.getDestination() == null) {
			return message;
		}
		String destination = headers.getDestination();
		if (headers.getMessageType() == SimpMessageType.SUBSCRIBE && OWN_QUEUE.equals(destination)) {
			Principal user = headers.getUser();
			if (user == null) {
				return message;
			}
			StompHeaderAccessor subscribe = StompHeaderAccessor.wrap(message);
			subscribe.setDestination(topicOf(user.getName()));
			return MessageBuilder.createMessage(message.getPayload(), subscribe.getMessageHeaders());
		}
		if (headers.getMessageType() == SimpMessageType.MESSAGE && destination.startsWith(ACCOUNT_PREFIX)
				&& destination.endsWith(RealtimeConfiguration.CHAT_QUEUE)
				&& destination.length() > ACCOUNT_PREFIX.length() + RealtimeConfiguration.CHAT_QUEUE.length()) {
			String account = destination.substring(ACCOUNT_PREFIX.length(),
					destination.length() - RealtimeConfiguration.CHAT_QUEUE.length());
			if (account.isEmpty() || account.contains("/")) {
				return message;
			}
			SimpMessageHeaderAccessor send = SimpMessageHeaderAccessor.wrap(message);
			send.setDestination(topicOf(account.replace("%2F", "/")));
			return MessageBuilder.createMessage(message.getPayload(), send.getMessageHeaders());
		}
		return message;
	}

	/** The account's topic; characters other than letters, digits, - and _ are %-encoded (RabbitMQ routing key). */
	static String topicOf(String username) {
		StringBuilder topic = new StringBuilder(TOPIC_PREFIX);
		for (byte b : username.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
				topic.append(c);
			}
			else {
				topic.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
					.append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
			}
		}
		return topic.toString();
	}
}
