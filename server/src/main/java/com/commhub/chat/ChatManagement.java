package com.commhub.chat;

import java.util.List;

/**
 * Commands of the chat module for the signed-in user ({@code CurrentUser}). Every method checks access through
 * {@code ChatAccess}: a conversation or message the user may not see is a
 * {@link com.commhub.shared.NotFoundException}; a forbidden action on a visible one (posting in an announcement-only
 * group, editing someone else's message) is a {@link com.commhub.shared.BusinessRuleException} naming the field.
 * Rate limits throw {@link RateLimitExceeded}.
 */
public interface ChatManagement {

	ConversationView create(NewConversation conversation);

	ConversationView updateSettings(long conversationId, ConversationSettings settings);

	/** Adds members to a GROUP (owners, or everyone when the invite policy is EVERYONE). */
	ConversationView addMembers(long conversationId, List<Long> employeeIds);

	/** Removes a member from a GROUP (owners), or the caller leaves it. */
	ConversationView removeMember(long conversationId, long employeeId);

	/** Makes a member an owner or not (owners; a group keeps at least one owner). */
	ConversationView setOwner(long conversationId, long employeeId, boolean owner);

	/** The send path: access → rate limit → compliance → store + archive in one transaction → events. */
	SendResult post(long conversationId, NewMessage message);

	/** Edits the sender's own message; the new text goes through compliance; the original stays in the archive. */
	SendResult edit(long messageId, String text, String justification);

	/** Recalls the sender's own message; members then see "recalled"; the archive keeps the original. */
	MessageView recall(long messageId);

	/** Opens a read-once message: returns it with its content this one time, after which it is CONSUMED for the caller. */
	MessageView open(long messageId);

	/** Adds or removes the caller's reaction (one emoji, ≤ 16 chars). */
	MessageView react(long messageId, String emoji, boolean add);

	/** Moves the caller's read position forward to {@code seq} (never backwards); returns the new position. */
	long markRead(long conversationId, long seq);

	/** The communication officer's anti-flooding rules (COMPLIANCE_MANAGE). */
	ChatLimits updateLimits(ChatLimits limits);
}
