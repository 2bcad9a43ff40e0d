package com.commhub.notification;

import java.time.Instant;

/**
 * A notification as its recipient sees it, title and body rendered in the reader's language. {@code visibleAt} is
 * when it was (or will be) delivered: the creation time, or the end of the quiet period it was created in.
 */
public record NotificationView(long id, NotificationKind kind, Urgency urgency, String title, String body,
		String link, String sourceModule, String sourceId, Instant createdAt, Instant visibleAt, Instant readAt) {

	public boolean read() {
		return readAt != null;
	}
}
