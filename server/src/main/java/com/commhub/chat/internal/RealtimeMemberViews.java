package com.commhub.chat.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

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
	private static final long NEUTRAL_VIEWER = 0L;

	private final ChatStore store;
	private final MessageViews views;

	RealtimeMemberViews(ChatStore store, MessageViews views) {
		this.store = store;
		this.views = views;
	}

	@Override
	public Optional<MessageView> forMembers(long messageId) {
		return store.message(messageId)
			.filter(row -> row.state() == MessageState.DELIVERED || row.state() == MessageState.RECALLED)
			.map(row -> views.of(row, NEUTRAL_VIEWER));
	}

	@Override
	public List<Long> memberIds(long conversationId) {
		return store.memberIds(conversationId);
	}
}
