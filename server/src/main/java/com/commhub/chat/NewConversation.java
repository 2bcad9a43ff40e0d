package com.commhub.chat;

import java.util.List;

import com.commhub.shared.Classification;

/**
 * A conversation to create. DIRECT: exactly one other member (the existing conversation is returned if there is
 * one). GROUP: a title and members; the creator becomes an owner. PROJECT: {@code directoryGroupId} names the
 * directory group. DEPARTMENT channels are created by the system, never through this. A {@code null}
 * classification takes the chat default from compliance; policies default to EVERYONE.
 */
public record NewConversation(ConversationKind kind, String title, String topic, Classification classification,
		List<Long> memberEmployeeIds, Long directoryGroupId, ConversationPolicy postingPolicy,
		ConversationPolicy invitePolicy) {

	public NewConversation {
		memberEmployeeIds = memberEmployeeIds == null ? List.of() : List.copyOf(memberEmployeeIds);
	}
}
