package com.commhub.chat;

/** Who may do something in a group (CHAT-6): everyone, or only owners (an announcement-only group posts OWNERS). */
public enum ConversationPolicy {
	EVERYONE, OWNERS
}
