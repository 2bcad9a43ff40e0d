package com.commhub.notification;

/**
 * The badge: {@code unread} delivered notifications not yet read, and {@code deferred} ones created during quiet
 * hours that will be delivered when working hours start.
 */
public record UnreadCount(long unread, long deferred) {
}
