package com.commhub.chat.internal.realtime;

import java.util.List;
import java.util.Optional;

import com.commhub.chat.MessageView;

/**
 * What fan-out reads outside any user's request: a message as a plain member sees it (built once per event, not
 * per member) and a conversation's current members.
 */
public interface MemberViews {

	/**
	 * The message as a member who is neither its sender nor a reactor sees it: reactions without "mine", read-once
	 * content hidden (OPEN_ONCE). Empty when it is not visible to members (held, discarded).
	 */
	Optional<MessageView> forMembers(long messageId);

	List<Long> memberIds(long conversationId);
}
