package com.commhub.mail;

import java.time.Instant;
import java.util.List;

import com.commhub.shared.Classification;

/**
 * A mail was delivered (sent, or released by compliance), committed with its archive entry and the recipients'
 * inbox items. {@code deliveries} has one entry per recipient employee (the sender excluded) with their mailbox
 * item id. Listeners must not show the subject of 机密 and higher mail outside the mail itself.
 */
public record MailSent(long mailId, long threadId, long senderEmployeeId, String senderName, String subject,
		Classification classification, boolean receiptRequested, List<Delivery> deliveries, Instant sentAt) {

	public MailSent {
		deliveries = List.copyOf(deliveries);
	}

	public record Delivery(long employeeId, long itemId, RecipientField field) {
	}
}
