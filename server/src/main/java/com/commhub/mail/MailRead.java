package com.commhub.mail;

import java.time.Instant;

/** MAIL-4: a recipient opened a mail that asked for a read receipt (the first time only). */
public record MailRead(long mailId, long senderEmployeeId, long senderItemId, long readerEmployeeId, Instant readAt) {
}
