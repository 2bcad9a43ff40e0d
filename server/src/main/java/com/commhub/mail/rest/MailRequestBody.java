package com.commhub.mail.rest;

import java.time.LocalDate;
import java.util.List;

import com.commhub.compliance.ClassificationDefaults;
import com.commhub.mail.Addressee;
import com.commhub.mail.MailDraft;
import com.commhub.shared.BusinessRuleException;

/**
 * A mail as the REST API takes it (send, drafts, CC suggestions). {@code classification} is the level's name or
 * Chinese label (blank: the mail default); {@code draftId} and {@code justification} matter only when sending.
 */
record MailRequestBody(List<Addressee> to, List<Addressee> cc, List<Addressee> bcc, String subject, String bodyHtml,
		String classification, List<Long> fileIds, Boolean receiptRequested, LocalDate followUpOn,
		Long replyToMailId, Long forwardOfMailId, Long draftId, String justification) {

	MailDraft toDraft(ClassificationDefaults classifications) {
		noNulls("to", to);
		noNulls("cc", cc);
		noNulls("bcc", bcc);
		noNulls("fileIds", fileIds);
		return new MailDraft(to, cc, bcc, subject, bodyHtml,
				classifications.parseOffered(classification, "classification"), fileIds,
				Boolean.TRUE.equals(receiptRequested), followUpOn, replyToMailId, forwardOfMailId);
	}

	private static void noNulls(String field, List<?> values) {
		if (values != null && values.stream().anyMatch(v -> v == null)) {
			throw BusinessRuleException.invalid(field, "validation.badValue");
		}
	}
}
