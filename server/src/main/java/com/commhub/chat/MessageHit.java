package com.commhub.chat;

import java.time.Instant;

import com.commhub.shared.Classification;

/** A search hit: the message, its conversation, and a snippet whose matches are wrapped in {@code <mark>} (escaped otherwise). */
public record MessageHit(long messageId, long conversationId, String conversationTitle, Long seq, Long threadRootId,
		String senderName, String snippetHtml, Classification classification, boolean hasAttachments, Instant sentAt) {
}
