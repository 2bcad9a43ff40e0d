package com.commhub.compliance.rest;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.commhub.compliance.Channel;
import com.commhub.compliance.InspectionRequest;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.Classification;

/** {@code POST /api/v1/compliance/inspect}: the content to inspect (a dry run). */
record InspectRequestBody(String text, Channel channel, Long sender, Set<Long> senderDepartmentIds,
		List<RecipientBody> recipients, String classification, List<AttachmentBody> attachments) {

	record RecipientBody(String address, Long employeeId, Boolean external) {
	}

	record AttachmentBody(String name, Long size, String contentType) {
	}

	InspectionRequest toRequest(Long currentEmployeeId, Locale locale) {
		Classification level = null;
		if (classification != null && !classification.isBlank()) {
			level = Classification.parse(classification)
				.orElseThrow(() -> BusinessRuleException.invalid("classification", "compliance.classification.invalid"));
		}
		List<InspectionRequest.Recipient> to = recipients == null ? List.of()
				: recipients.stream().filter(r -> r != null)
					.map(r -> new InspectionRequest.Recipient(r.address(), r.employeeId(), Boolean.TRUE.equals(r.external())))
					.toList();
		List<InspectionRequest.Attachment> files = attachments == null ? List.of()
				: attachments.stream().filter(a -> a != null)
					.map(a -> new InspectionRequest.Attachment(a.name(), a.size() == null ? 0 : a.size(), a.contentType()))
					.toList();
		return new InspectionRequest(text, channel, sender == null ? currentEmployeeId : sender, senderDepartmentIds,
				to, level, files, locale);
	}
}
