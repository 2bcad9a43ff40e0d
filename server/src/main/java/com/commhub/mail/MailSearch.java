package com.commhub.mail;

import java.time.LocalDate;

import com.commhub.shared.Classification;

/**
 * Filters of a mail search over the viewer's own visible mailbox items (not hidden, not drafts of others); every
 * field may be null. {@code text} matches subject and body (Chinese-aware; bodies of 机密 and higher mail are not
 * indexed, only their subjects). {@code personEmployeeId} matches the sender or any recorded recipient.
 * {@code folder} is a {@link MailFolder#key()}. {@code from}/{@code to} are inclusive days (sent or saved).
 */
public record MailSearch(String text, Long personEmployeeId, String folder, LocalDate from, LocalDate to,
		Boolean withAttachments, Classification classification, Boolean flagged, Long labelId) {

	public static MailSearch text(String text) {
		return new MailSearch(text, null, null, null, null, null, null, null, null);
	}
}
