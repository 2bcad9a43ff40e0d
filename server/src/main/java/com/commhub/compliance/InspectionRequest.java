package com.commhub.compliance;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.commhub.shared.Classification;

/**
 * What a content module asks about before it persists: the text, its attachments' metadata, who sends it (employee
 * id and the ids of the sender's departments, which the caller resolves), the recipients marked internal or
 * external, the channel, the declared classification (may be {@code null}) and the locale for the policy tip.
 */
public record InspectionRequest(String text, Channel channel, Long senderEmployeeId, Set<Long> senderDepartmentIds,
		List<Recipient> recipients, Classification classification, List<Attachment> attachments, Locale locale) {

	public InspectionRequest {
		text = text == null ? "" : text;
		channel = channel == null ? Channel.CHAT : channel;
		senderDepartmentIds = senderDepartmentIds == null ? Set.of() : Set.copyOf(senderDepartmentIds);
		recipients = recipients == null ? List.of() : List.copyOf(recipients);
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
		locale = locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
	}

	/** A recipient: an address (mail) or an employee id, and whether it is outside the company. */
	public record Recipient(String address, Long employeeId, boolean external) {

		/** The lower-case domain of the address, or {@code null}. */
		public String domain() {
			if (address == null) {
				return null;
			}
			int at = address.lastIndexOf('@');
			return at < 0 ? null : address.substring(at + 1).trim().toLowerCase(Locale.ROOT);
		}
	}

	/** Metadata of an attachment; the engine does not read attachment contents yet. */
	public record Attachment(String name, long size, String contentType) {
	}

	public boolean hasExternalRecipient() {
		return recipients.stream().anyMatch(Recipient::external);
	}
}
