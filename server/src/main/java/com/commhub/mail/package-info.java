/**
 * Internal mail (MAIL-1..6): compose to people, departments and groups (expanded at send time, the expansion
 * recorded), sanitised rich text, attachments, drafts; folders, flags, labels, threads (reply, reply all, forward);
 * Chinese-aware search; read receipts on request; follow-up reminders; CC suggestions across departments (MAIL-3).
 * Every mail goes through {@code compliance} before it is delivered and is archived in the same transaction;
 * notifications and indexing follow after commit. {@link com.commhub.mail.MailManagement} is the command facade,
 * {@link com.commhub.mail.MailQueries} the reads; both check access through {@code MailAccess}: a mail is seen only
 * through one's own mailbox item (owner of the item), anything else is a 404.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail",
		allowedDependencies = { "security", "shared", "directory", "compliance", "archive", "files" })
package com.commhub.mail;
