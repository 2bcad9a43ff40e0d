package com.commhub.chat.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.commhub.compliance.HeldItemHandler;

/**
 * Compliance's decision on a held chat message, in the approver's (or officer's) transaction: released messages get
 * their seq and reach the members; discarded ones stay visible to their sender as discarded. The archive entry was
 * written when the message was held.
 */
@Component
class ChatHeldItems implements HeldItemHandler {

	private final SendPath sendPath;

	ChatHeldItems(SendPath sendPath) {
		this.sendPath = sendPath;
	}

	@Override
	public String subjectType() {
		return SendPath.SUBJECT_TYPE;
	}

	@Override
	@Transactional
	public void release(String subjectId) {
		id(subjectId).ifPresent(sendPath::release);
	}

	@Override
	@Transactional
	public void discard(String subjectId, String note) {
		id(subjectId).ifPresent(sendPath::discard);
	}

	private static java.util.Optional<Long> id(String subjectId) {
		try {
			return java.util.Optional.of(Long.parseLong(subjectId));
		}
		catch (NumberFormatException ex) {
			return java.util.Optional.empty();
		}
	}
}
