package com.commhub.mail.web;

import com.commhub.security.CurrentUser;

/**
 * Accounts without an employee (the built-in administrator) have no mailbox: the mail pages say so instead of
 * failing.
 */
final class Mailbox {

	static final String NONE = "mail/no-mailbox";

	private Mailbox() {
	}

	static boolean missing() {
		return CurrentUser.require().employeeId() == null;
	}
}
