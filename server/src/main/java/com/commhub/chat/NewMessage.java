package com.commhub.chat;

import java.time.Instant;
import java.util.List;

/**
 * A message to post. {@code text} is plain text with a small Markdown subset (bold, italic, code, links, lists,
 * quotes), at most 10,000 characters; blank text is allowed only with files. Mentions are passed as ids (the text
 * shows "@name"): people must be members; a department mention reaches the members in that department.
 * {@code threadRootId} makes it a reply in that message's thread. {@code fileIds} were uploaded through the files
 * module by the sender. {@code justification} answers a compliance warning. {@code clientMessageId} (optional, ≤64
 * chars) makes a retried post idempotent per sender: the same id returns the first result. {@code readOnce} and
 * {@code expiresAt} are allowed only in 机密 (or higher) conversations (CLS-3); the archive keeps the message anyway.
 */
public record NewMessage(String text, List<Long> mentionedEmployeeIds, List<Long> mentionedDepartmentIds,
		Long threadRootId, List<Long> fileIds, String justification, String clientMessageId, boolean readOnce,
		Instant expiresAt) {

	public NewMessage {
		mentionedEmployeeIds = mentionedEmployeeIds == null ? List.of() : List.copyOf(mentionedEmployeeIds);
		mentionedDepartmentIds = mentionedDepartmentIds == null ? List.of() : List.copyOf(mentionedDepartmentIds);
		fileIds = fileIds == null ? List.of() : List.copyOf(fileIds);
	}

	public static NewMessage text(String text) {
		return new NewMessage(text, List.of(), List.of(), null, List.of(), null, null, false, null);
	}
}
