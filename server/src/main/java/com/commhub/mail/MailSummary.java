package com.commhub.mail;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.commhub.shared.Classification;

/**
 * A row of a folder listing. {@code counterpart} is the sender for received mail, and the To names (joined,
 * shortened) for the viewer's own mail. {@code preview} is the start of the plain text (empty for 机密 and above).
 * {@code date} is when it was sent, or last saved for a draft.
 */
public record MailSummary(long itemId, long mailId, long threadId, MailFolder folder, MailState state,
		String counterpart, String subject, String preview, Classification classification, boolean hasAttachments,
		boolean read, boolean flagged, List<LabelView> labels, boolean receiptRequested, LocalDate followUpOn,
		boolean followUpDue, boolean mine, Instant date) {

	public MailSummary {
		labels = List.copyOf(labels);
	}
}
