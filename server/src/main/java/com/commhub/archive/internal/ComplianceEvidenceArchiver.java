package com.commhub.archive.internal;

import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.commhub.archive.ArchiveRecorder;
import com.commhub.archive.NewArchiveEntry;
import com.commhub.archive.RecordKind;
import com.commhub.compliance.ComplianceDecisionRecorded;
import com.commhub.shared.Classification;

/**
 * Records every compliance decision kept as evidence as a COMPLIANCE_DECISION entry, synchronously in the
 * publisher's transaction (MANDATORY: {@code ComplianceDecisions.decide} always runs in one). The subject is the
 * evidence row ({@code compliance-evidence}/id); the content is the evidence JSON (masked snippets only).
 */
@Component
class ComplianceEvidenceArchiver {

	static final String SUBJECT_TYPE = "compliance-evidence";

	private final ArchiveRecorder archive;

	ComplianceEvidenceArchiver(ArchiveRecorder archive) {
		this.archive = archive;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(ComplianceDecisionRecorded event) {
		String summary = event.action() + " " + event.outcome() + " " + event.channel()
				+ (event.ruleCodes().isEmpty() ? "" : " " + String.join(",", event.ruleCodes()))
				+ (event.subjectType() == null ? "" : " " + event.subjectType() + ":" + event.subjectId());
		String sender = event.senderLabel() != null ? event.senderLabel()
				: event.senderEmployeeId() == null ? null : "employee:" + event.senderEmployeeId();
		archive.record(NewArchiveEntry.text(RecordKind.COMPLIANCE_DECISION, SUBJECT_TYPE,
				String.valueOf(event.evidenceId()), new NewArchiveEntry.Parties(sender, List.of(),
						event.recipientDomains()),
				Classification.INTERNAL, event.occurredAt(), summary, event.details()));
	}
}
