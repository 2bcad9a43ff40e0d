package com.commhub.mail;

import java.util.List;

/**
 * Commands of the mail module for the signed-in user ({@code CurrentUser}). Every method checks access through
 * {@code MailAccess}: a mailbox item, draft, folder or label that is not the caller's is a
 * {@link com.commhub.shared.NotFoundException}; invalid input is a {@link com.commhub.shared.BusinessRuleException}
 * naming the field ({@code to}, {@code cc}, {@code bcc}, {@code subject}, {@code bodyHtml}, {@code classification},
 * {@code fileIds}, {@code followUpOn}, {@code folder}, {@code name}, …).
 */
public interface MailManagement {

	/**
	 * Creates ({@code draftId == null}) or updates the caller's draft (MAIL-1 autosave). Only lengths and
	 * references are checked; the subject may still be blank. Returns the draft's view (folder DRAFTS).
	 */
	MailView saveDraft(Long draftId, MailDraft draft);

	/** Deletes one of the caller's drafts for good (a draft was never sent, so nothing is archived). */
	void deleteDraft(long draftId);

	/**
	 * The send path: access → validation (subject required, at least one recipient, addressees exist, departments
	 * and groups expand to active employees, ≤ 500 recipients) → compliance → store + archive entry in one
	 * transaction → {@link MailSent}. {@code draftId} (may be null) is the draft being sent: its content is replaced
	 * by {@code mail} and it leaves DRAFTS when sent or held. Validation errors throw and keep the draft as it was;
	 * see {@link MailSendResult} for the compliance outcomes.
	 */
	MailSendResult send(Long draftId, MailDraft mail, String justification);

	/**
	 * Opens the caller's mailbox item: marks it read and, when the mail asked for a read receipt and the caller is
	 * a recipient, records the read time the first time ({@link MailRead}).
	 */
	MailView open(long itemId);

	/** Reply / reply all / forward: a prefilled draft (not saved) in the same thread. */
	MailDraft prepareReply(long itemId, ReplyKind kind);

	/** Read/unread, flag, labels, move (see {@link MailItemChange}). */
	MailView update(long itemId, MailItemChange change);

	/**
	 * Deletes an item: from any folder it moves to TRASH; from TRASH it is hidden from its owner for ever. The mail,
	 * other people's items and the archive entry always remain.
	 */
	void delete(long itemId);

	/** Moves an item out of TRASH back to the folder it was deleted from. */
	MailView restore(long itemId);

	/** A custom folder of the caller's; names are unique per person, 1..40 chars. */
	FolderView createFolder(String name);

	FolderView renameFolder(long folderId, String name);

	/** Deletes a custom folder; its items move to INBOX (received) or SENT (one's own). */
	void deleteFolder(long folderId);

	/** A label of the caller's; names unique per person, 1..30 chars; colour {@code #rrggbb} (null: a default). */
	LabelView createLabel(String name, String colour);

	LabelView updateLabel(long labelId, String name, String colour);

	/** Deletes a label and removes it from the caller's items. */
	void deleteLabel(long labelId);

	/**
	 * MAIL-3: when the expanded recipients include departments other than the sender's, the department heads to
	 * consider copying (the sender's, and each recipient department's) who are not already in To/CC. Empty when the
	 * mail stays within the sender's department. Unknown addressees are ignored here (send reports them).
	 */
	List<CcSuggestion> suggestCc(MailDraft draft);
}
