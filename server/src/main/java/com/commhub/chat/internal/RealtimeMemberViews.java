package com.commhub.chat.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.commhub.chat.MessageState;
import com.commhub.chat.MessageView;
import com.commhub.chat.internal.realtime.MemberViews;

/**
 * Real-time fan-out's reads, outside any user's request: a message as seen by a viewer who is no member in
 * particular (employee ids start at 1), so that one view serves every member of the conversation.
 */
@Component
class RealtimeMemberViews implements MemberViews {

	/** Nobody: not the sender, no reactor, no opener. */
	static final long NEUTRAL_VIEWER = 0L;

	private final ChatStore store;
	private final MessageViews views;
	/** Views the send path built for messages of transactions that have not completed yet (see {@link #offer}). */
	private final Map<Long, MessageView> fresh = new ConcurrentHashMap<>();

	RealtimeMemberViews(ChatStore store, MessageViews views) {
		this.store = store;
		this.views = views;
	}

	/**
	 * Hands over the members' view of a message just sent in the current transaction, so that its fan-out after
	 * commit needs no query; it is dropped when the transaction completes (the fan-out has run by then).
	 */
	void offer(MessageView view) {
		fresh.put(view.id(), view);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				fresh.remove(view.id());
			}
		});
	}

	@Override
	public Optional<MessageView> forMembers(long messageId) {
		MessageView offered = fresh.get(messageId);
		if (offered != null) {
			return Optional.of(offered);
		}
		return store.message(messageId)
			.filter(row -> row.state() == MessageState.DELIVERED || row.state() == MessageState.RECALLED)
			.map(row -> views.of(row, NEUTRAL_VIEWER));
	}

	@Override
	public List<Long> memberIds(long conversationId) {
		return store.memberIds(conversationId);
	}
}
