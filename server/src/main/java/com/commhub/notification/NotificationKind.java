package com.commhub.notification;

/**
 * What a notification is about. Mandatory kinds are work someone must decide (or the answer to it) and cannot be
 * muted; the others can be muted per user.
 */
public enum NotificationKind {
	APPROVAL_REQUESTED(true),
	APPROVAL_DECIDED(true),
	ITEM_QUARANTINED(true),
	ARCHIVE_ACCESS_REQUESTED(true),
	ARCHIVE_ACCESS_DECIDED(true),
	MENTION(false),
	NEW_MAIL(false),
	READ_RECEIPT_REQUEST(false),
	MAIL_FOLLOW_UP(false);

	private final boolean mandatory;

	NotificationKind(boolean mandatory) {
		this.mandatory = mandatory;
	}

	public boolean mandatory() {
		return mandatory;
	}
}
