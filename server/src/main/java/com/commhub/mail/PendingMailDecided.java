package com.commhub.mail;

/**
 * A held mail of {@code senderEmployeeId} was released (state SENT; it then also gets a {@link MailSent}) or
 * discarded (state DISCARDED).
 */
public record PendingMailDecided(long mailId, long senderEmployeeId, long senderItemId, MailState state) {
}
