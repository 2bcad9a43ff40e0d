package com.commhub.mail;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.commhub.shared.Classification;

/**
 * A mail as the owner of one mailbox item sees it ({@code itemId} is theirs; {@code mailId} is the mail, shared by
 * all its items; drafts have an item in DRAFTS too, and {@code mailId} is then the draft id).
 * <p>
 * {@code to}/{@code cc} are the addressees as the sender typed them; {@code bcc} is filled only for the sender.
 * {@code recipients} is the expansion recorded at send time: for the sender all of it, for a recipient only the
 * To/CC part (plus themselves when they were BCC). {@code myField} is how the viewer received it ({@code null} for
 * the sender). {@code bodyHtml} is sanitised and safe to insert as HTML. {@code receipts} is filled only for the
 * sender of a mail that asked for read receipts: one row per recipient, {@code readAt == null} while unread.
 * {@code followUpDue}: the sender's follow-up date has come and nobody replied in the thread.
 */
public record MailView(long itemId, long mailId, long threadId, MailFolder folder, MailState state, PersonRef sender,
		List<AddresseeView> to, List<AddresseeView> cc, List<AddresseeView> bcc, List<Recipient> recipients,
		RecipientField myField, String subject, String bodyHtml, Classification classification,
		List<Attachment> attachments, boolean receiptRequested, LocalDate followUpOn, boolean followUpDue,
		Long replyToMailId, Long forwardOfMailId, boolean read, boolean flagged, List<LabelView> labels,
		List<Receipt> receipts, Instant sentAt, Instant updatedAt) {

	public MailView {
		to = List.copyOf(to);
		cc = List.copyOf(cc);
		bcc = List.copyOf(bcc);
		recipients = List.copyOf(recipients);
		attachments = List.copyOf(attachments);
		labels = List.copyOf(labels);
		receipts = List.copyOf(receipts);
	}

	/** The viewer is the sender (author) of this mail. */
	public boolean mine() {
		return myField == null;
	}

	/** A recipient employee of the expansion and the addressee that reached them ({@code via}, e.g. a department). */
	public record Recipient(PersonRef person, RecipientField field, AddresseeView via) {
	}

	/** A file attached to the mail (downloadable through the files module by whoever sees the mail). */
	public record Attachment(long fileId, String name, String contentType, long size, String sha256) {
	}

	/** MAIL-4: whether and when a recipient read a mail that asked for a read receipt. */
	public record Receipt(PersonRef person, Instant readAt) {
	}
}
