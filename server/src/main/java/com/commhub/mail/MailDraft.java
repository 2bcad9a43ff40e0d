package com.commhub.mail;

import java.time.LocalDate;
import java.util.List;

import com.commhub.shared.Classification;

/**
 * A mail being composed: what the composer holds, saved as a draft or sent. {@code subject} is required to send
 * (≤ 200 chars); {@code bodyHtml} is rich text, sanitised on save (p, br, b/strong, i/em, u, ul/ol/li, blockquote,
 * a[href http(s)/mailto], h3/h4, simple tables; everything else removed), at most 200,000 chars. A {@code null}
 * classification takes the mail default from compliance (MAIL-5: every mail carries a marking). {@code fileIds}
 * were uploaded through the files module by the sender (or are attachments of the mail being forwarded).
 * {@code followUpOn}: remind the sender on that day when nobody replied (must not be in the past).
 * {@code replyToMailId} / {@code forwardOfMailId} name the mail (id of the mail, not of the mailbox item) this one
 * answers or forwards; the new mail joins its thread. Saving a draft validates only lengths; sending validates all.
 */
public record MailDraft(List<Addressee> to, List<Addressee> cc, List<Addressee> bcc, String subject, String bodyHtml,
		Classification classification, List<Long> fileIds, boolean receiptRequested, LocalDate followUpOn,
		Long replyToMailId, Long forwardOfMailId) {

	public MailDraft {
		to = to == null ? List.of() : List.copyOf(to);
		cc = cc == null ? List.of() : List.copyOf(cc);
		bcc = bcc == null ? List.of() : List.copyOf(bcc);
		fileIds = fileIds == null ? List.of() : List.copyOf(fileIds);
	}

	/** A plain mail to the given addressees, for tests and demo data. */
	public static MailDraft to(List<Addressee> to, String subject, String bodyHtml) {
		return new MailDraft(to, List.of(), List.of(), subject, bodyHtml, null, List.of(), false, null, null, null);
	}
}
