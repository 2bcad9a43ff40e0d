package com.commhub.chat;

import java.time.Instant;

import com.commhub.shared.Classification;

/** A row of the viewer's conversation list: unread messages and unread mentions since the viewer's read position. */
public record ConversationSummary(long id, ConversationKind kind, String title, Classification classification,
		long lastSeq, long readSeq, long unread, long unreadMentions, Instant lastMessageAt, String lastMessagePreview) {
}
