package com.commhub.chat;

import com.commhub.shared.Classification;

/** Group settings an owner changes (CHAT-6); {@code null} fields stay as they are. */
public record ConversationSettings(String title, String topic, Classification classification,
		ConversationPolicy postingPolicy, ConversationPolicy invitePolicy) {
}
