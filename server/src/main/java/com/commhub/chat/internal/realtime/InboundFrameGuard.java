package com.commhub.chat.internal.realtime;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;

/**
 * What a client may send over the socket: CONNECT only with the principal of the authenticated handshake, SUBSCRIBE
 * only to its own user queues ({@code /user/queue/**}, which Spring resolves to queues of this session alone), and
 * no SEND at all (posting goes through REST, where access, rate limits and compliance are checked). A refused frame
 * makes the server answer with a STOMP ERROR frame.
 */
class InboundFrameGuard implements ChannelInterceptor {

	static final String OWN_QUEUES = RealtimeConfiguration.USER_PREFIX + "/queue/";

	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (accessor == null || accessor.getCommand() == null) {
			return message;
		}
		StompCommand command = accessor.getCommand();
		switch (command) {
			case CONNECT, STOMP -> {
				if (accessor.getUser() == null) {
					throw new MessageDeliveryException("not authenticated");
				}
			}
			case SUBSCRIBE -> {
				String destination = accessor.getDestination();
				if (destination == null || !destination.startsWith(OWN_QUEUES) || destination.contains("..")) {
					throw new MessageDeliveryException("subscribe to /user/queue/… only");
				}
			}
			case SEND -> throw new MessageDeliveryException("post through the REST API");
			default -> {
				// UNSUBSCRIBE, DISCONNECT, ACK, NACK and heart-beats need no check
			}
		}
		return message;
	}
}
