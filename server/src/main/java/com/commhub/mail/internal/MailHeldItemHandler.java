package com.commhub.mail.internal;

import org.springframework.stereotype.Component;

import com.commhub.compliance.HeldItemHandler;

/** Compliance's decision on a held mail: release delivers it, discard leaves it undelivered (archived anyway). */
@Component
class MailHeldItemHandler implements HeldItemHandler {

	private final MailService mail;

	MailHeldItemHandler(MailService mail) {
		this.mail = mail;
	}

	@Override
	public String subjectType() {
		return MailService.SUBJECT_TYPE;
	}

	@Override
	public void release(String subjectId) {
		mail.release(Long.parseLong(subjectId));
	}

	@Override
	public void discard(String subjectId, String note) {
		mail.discard(Long.parseLong(subjectId));
	}
}
