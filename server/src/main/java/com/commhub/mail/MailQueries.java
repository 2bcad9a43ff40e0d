package com.commhub.mail;

import java.util.List;

import com.commhub.shared.PageResult;

/**
 * Reads for the signed-in user, only ever over their own mailbox items; anything else is a
 * {@link com.commhub.shared.NotFoundException}.
 */
public interface MailQueries {

	/** A folder's items, newest first (hidden items never appear). {@code size} ≤ 100. */
	PageResult<MailSummary> folder(MailFolder folder, int page, int size);

	/** One of the caller's items without marking it read (see {@link MailManagement#open}). */
	MailView item(long itemId);

	/** One of the caller's drafts by draft (mail) id. */
	MailView draft(long draftId);

	/** The caller's visible items of the thread the item belongs to, oldest first. */
	List<MailSummary> thread(long itemId);

	/** System folders first (INBOX, SENT, DRAFTS, ARCHIVE, TRASH), then custom folders by name, with counts. */
	List<FolderView> folders();

	List<LabelView> labels();

	/** Unread items in INBOX (the badge in the navigation). */
	long unreadInbox();

	/** Full-text search (MAIL-6) over the caller's visible items, newest first, with highlighted snippets. */
	PageResult<MailHit> search(MailSearch search, int page, int size);
}
