package com.commhub.mail;

import java.time.Instant;

import com.commhub.shared.Classification;

/**
 * A search hit: the viewer's mailbox item. {@code subjectHtml} and {@code snippetHtml} are HTML-escaped with the
 * matches wrapped in {@code <mark>} (safe to insert as HTML).
 */
public record MailHit(long itemId, long mailId, MailFolder folder, String senderName, String subjectHtml,
		String snippetHtml, Classification classification, boolean hasAttachments, boolean flagged, Instant date) {
}
