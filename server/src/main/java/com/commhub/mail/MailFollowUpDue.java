package com.commhub.mail;

import java.time.LocalDate;

import com.commhub.shared.Classification;

/**
 * The follow-up date the sender set has come and no recipient replied in the thread; published once per mail by
 * the follow-up job.
 */
public record MailFollowUpDue(long mailId, long senderEmployeeId, long senderItemId, String subject,
		Classification classification, LocalDate followUpOn) {
}
