package com.commhub.chat.internal.realtime;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.MimeTypeUtils;

import com.commhub.chat.MembershipChanged;
import com.commhub.chat.MessageChanged;
import com.commhub.chat.MessagePosted;
import com.commhub.chat.MessageView;
import com.commhub.chat.PendingMessageDecided;
import com.commhub.chat.ReadPositionMoved;

import tools.jackson.databind.json.JsonMapper;

/**
 * Real-time fan-out of chat events to every open tab of every member ({@code /user/queue/chat}), right after the
 * sending transaction commits. It is deliberately not a Modulith {@code @ApplicationModuleListener}: the persistent
 * event registry would add writes and a hop to every post, and a frame lost to a crash needs no redelivery because
 * clients catch up from {@code changeSeq} on every reconnect and on every gap. (A {@code @TransactionalEventListener}
 * for AFTER_COMMIT would be registered in that registry too, hence the transaction synchronisation.) Each frame is
 * serialised once per event and the same bytes go to every member.
 */
@Component
class ChatFanOut {

	private static final Logger log = LoggerFactory.getLogger(ChatFanOut.class);

	private final SimpMessagingTemplate messaging;
	private final RecipientNames names;
	private final ObjectProvider<MemberViews> views;
	private final JsonMapper json;

	ChatFanOut(SimpMessagingTemplate messaging, RecipientNames names, ObjectProvider<MemberViews> views,
			JsonMapper json) {
		this.messaging = messaging;
		this.names = names;
		this.views = views;
		this.json = json;
	}

	@EventListener
	void on(MessagePosted event) {
		afterCommit(() -> {
			MessageView view = view(event.messageId()).orElse(null);
			send(ChatFrame.message(event.conversationId(), event.changeSeq(), event.messageId(), event.seq(),
					event.threadRootId(), view), event.memberEmployeeIds());
		});
	}

	@EventListener
	void on(MessageChanged event) {
		afterCommit(() -> send(ChatFrame.changed(event.conversationId(), event.changeSeq(), event.messageId(),
				event.change().name(), view(event.messageId()).orElse(null)), event.memberEmployeeIds()));
	}

	@EventListener
	void on(ReadPositionMoved event) {
		afterCommit(() -> send(ChatFrame.read(event.conversationId(), event.employeeId(), event.readSeq()),
				event.memberEmployeeIds()));
	}

	@EventListener
	void on(PendingMessageDecided event) {
		afterCommit(() -> send(ChatFrame.pending(event.conversationId(), event.messageId(), event.state().name()),
				List.of(event.senderEmployeeId())));
	}

	/** To the members now (their lists and member panels change) and to those who left (they drop it). */
	@EventListener
	void on(MembershipChanged event) {
		afterCommit(() -> {
			List<Long> members = Optional.ofNullable(views.getIfAvailable())
				.map(v -> v.memberIds(event.conversationId()))
				.orElse(List.of());
			List<Long> recipients = Stream.of(members, event.addedEmployeeIds(), event.removedEmployeeIds())
				.flatMap(Collection::stream)
				.distinct()
				.toList();
			send(ChatFrame.membership(event.conversationId(), event.addedEmployeeIds(), event.removedEmployeeIds()),
					recipients);
		});
	}

	private Optional<MessageView> view(long messageId) {
		MemberViews source = views.getIfAvailable();
		return source == null ? Optional.empty() : source.forMembers(messageId);
	}

	void send(ChatFrame frame, Collection<Long> employeeIds) {
		byte[] payload = json.writeValueAsBytes(frame);
		for (Long employeeId : employeeIds) {
			names.usernameOf(employeeId).ifPresent(username -> {
				SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
				headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
				headers.setLeaveMutable(true);
				Message<byte[]> message = MessageBuilder.createMessage(payload, headers.getMessageHeaders());
				messaging.send(RealtimeConfiguration.USER_PREFIX + "/" + username.replace("/", "%2F")
						+ RealtimeConfiguration.CHAT_QUEUE, message);
			});
		}
	}

	/** Runs after the surrounding transaction commits (never if it rolls back), or now outside a transaction. */
	private static void afterCommit(Runnable task) {
		Runnable guarded = () -> {
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				// delivery is best effort: clients catch up from changeSeq
				log.warn("chat fan-out failed: {}", ex.toString());
			}
		};
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					guarded.run();
				}
			});
		}
		else {
			guarded.run();
		}
	}
}
