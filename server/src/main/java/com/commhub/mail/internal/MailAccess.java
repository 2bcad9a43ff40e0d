package com.commhub.mail.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.commhub.mail.MailFolder;
import com.commhub.mail.MailState;
import com.commhub.security.CommHubUser;
import com.commhub.security.CurrentUser;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.NotFoundException;

/**
 * The only gate of the mail module. A mail is seen through one's own, not hidden, mailbox item and nothing else:
 * there is no administrator bypass, so 机密 mail stays with its sender and recipients (CLS-3). Everything not the
 * caller's answers 404. Held mail has no recipient items yet, so only its sender sees it.
 */
@Component
class MailAccess {

	private final MailItems items;
	private final JdbcClient jdbc;

	MailAccess(MailItems items, JdbcClient jdbc) {
		this.items = items;
		this.jdbc = jdbc;
	}

	/** The caller's employee id; accounts without an employee (the built-in administrator) have no mailbox. */
	long employee() {
		CommHubUser user = CurrentUser.require();
		if (user.employeeId() == null) {
			throw BusinessRuleException.conflict(null, "mail.error.noMailbox");
		}
		return user.employeeId();
	}

	/** The caller's item, or 404. */
	MailItem item(long itemId) {
		Long employee = CurrentUser.require().employeeId();
		if (employee == null) {
			throw new NotFoundException("mail item", itemId);
		}
		return items.findVisible(itemId, employee).orElseThrow(() -> new NotFoundException("mail item", itemId));
	}

	/** The caller's draft (by mail id), or 404. */
	MailItem draft(long draftId) {
		Long employee = CurrentUser.require().employeeId();
		return items.findByMailIdAndOwnerEmployeeId(draftId, employee == null ? -1 : employee)
			.filter(i -> i.hiddenAt() == null && i.mail().state() == MailState.DRAFT && i.field() == null)
			.orElseThrow(() -> new NotFoundException("mail draft", draftId));
	}

	/** The caller's item of a mail (e.g. the mail replied to), or 404. */
	MailItem itemOfMail(long mailId) {
		Long employee = CurrentUser.require().employeeId();
		return items.findByMailIdAndOwnerEmployeeId(mailId, employee == null ? -1 : employee)
			.filter(i -> i.hiddenAt() == null && i.mail().state() != MailState.DRAFT)
			.orElseThrow(() -> new NotFoundException("mail", mailId));
	}

	/** A custom folder of the caller's, or 404. */
	MailFolder customFolder(long folderId) {
		requireOwned("mail_folder", folderId, "mail folder");
		return MailFolder.custom(folderId);
	}

	void requireFolder(MailFolder folder) {
		if (folder.custom()) {
			customFolder(folder.customId());
		}
	}

	void requireLabel(long labelId) {
		requireOwned("mail_label", labelId, "mail label");
	}

	/** Files on a mail the reader has a visible item of (the files module's read grant). */
	boolean mayReadFile(long fileId, Long employeeId) {
		return employeeId != null && jdbc.sql("""
				select exists (select 1 from mail_attachment a join mail_item i on i.mail_id = a.mail_id
				where a.file_id = ? and i.owner_employee_id = ? and i.hidden_at is null)""")
			.params(fileId, employeeId).query(Boolean.class).single();
	}

	private void requireOwned(String table, long id, String what) {
		Long employee = CurrentUser.require().employeeId();
		boolean owned = employee != null && jdbc.sql("select exists (select 1 from " + table
				+ " where id = ? and owner_employee_id = ?)").params(id, employee).query(Boolean.class).single();
		if (!owned) {
			throw new NotFoundException(what, id);
		}
	}
}
