package com.commhub.mail.internal;

import org.springframework.stereotype.Component;

import com.commhub.files.FileReadGrant;

/** Whoever sees a mail (through their own item) may download its attachments. */
@Component
class MailReadGrant implements FileReadGrant {

	private final MailAccess access;

	MailReadGrant(MailAccess access) {
		this.access = access;
	}

	@Override
	public boolean mayRead(long fileId, long accountId, Long employeeId) {
		return access.mayReadFile(fileId, employeeId);
	}
}
