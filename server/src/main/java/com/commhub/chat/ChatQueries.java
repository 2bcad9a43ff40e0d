package com.commhub.chat;

import java.util.List;

import com.commhub.shared.PageResult;

/** Reads for the signed-in user; what they may not see is a {@link com.commhub.shared.NotFoundException}. */
public interface ChatQueries {

	/** The user's conversations, most recent activity first, with unread counts. */
	List<ConversationSummary> conversations();

	ConversationView conversation(long conversationId);

	List<MemberView> members(long conversationId);

	/**
	 * Top-level messages (not thread replies) of a conversation, oldest first: the latest {@code limit} (≤ 200), or
	 * those before {@code beforeSeq}. The sender's own held messages are included.
	 */
	MessagePage messages(long conversationId, Long beforeSeq, int limit);

	/**
	 * Catch-up: every message (top-level and thread replies) whose latest change is after {@code afterChangeSeq},
	 * in change order, at most {@code limit} (≤ 500); {@code hasMore} when more follow.
	 */
	MessagePage changes(long conversationId, long afterChangeSeq, int limit);

	MessageView message(long messageId);

	/** A thread: the root message and its replies, oldest first. */
	List<MessageView> thread(long rootMessageId);

	Receipts receipts(long messageId);

	/** Total unread messages over all the user's conversations (the badge in the navigation). */
	long unreadTotal();

	/**
	 * Full-text search (CHAT-8) over the messages the user may see, Chinese-aware, newest first, with highlighted
	 * snippets.
	 */
	PageResult<MessageHit> search(MessageSearch search, int page, int size);

	ChatLimits limits();
}
