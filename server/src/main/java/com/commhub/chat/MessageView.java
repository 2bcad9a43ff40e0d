package com.commhub.chat;

import java.time.Instant;
import java.util.List;

import com.commhub.shared.Classification;

/**
 * A message as a member sees it. {@code html} is the sanitised rendering of {@code text} (safe to insert as HTML);
 * both are empty for a RECALLED message (the original stays only in the archive). {@code seq} is {@code null}
 * while the message is held. {@code changeSeq} is the conversation change counter value of its latest change.
 * {@code readCount}/{@code memberCount} are its read receipt summary (the sender excluded).
 */
public record MessageView(long id, long conversationId, Long seq, long changeSeq, long senderEmployeeId,
		String senderNo, String senderName, String text, String html, List<Mention> mentions, Long threadRootId,
		int replyCount, List<Reaction> reactions, List<Attachment> attachments, MessageState state, ContentVisibility visibility,
		boolean edited,
		Classification classification, boolean readOnce, Instant expiresAt, long readCount, long memberCount,
		Instant sentAt, Instant editedAt) {

	/** A mentioned person ({@code departmentId == null}) or department, with the name to highlight. */
	public record Mention(Long employeeId, Long departmentId, String name) {
	}

	/** One emoji on a message: how many, whether the viewer is among them, and who (names, at most 20). */
	public record Reaction(String emoji, int count, boolean mine, List<String> names) {
	}

	/** A file attached to the message (downloadable through the files module by anyone who sees the message). */
	public record Attachment(long fileId, String name, String contentType, long size, boolean image,
			boolean thumbnail) {
	}
}
