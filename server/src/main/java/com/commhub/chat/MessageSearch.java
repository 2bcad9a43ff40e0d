package com.commhub.chat;

import java.time.LocalDate;

import com.commhub.shared.Classification;

/** Filters of a chat search; every field but {@code text} may be null. */
public record MessageSearch(String text, Long conversationId, Long senderEmployeeId, LocalDate from, LocalDate to,
		Boolean withAttachments, Classification classification) {
}
