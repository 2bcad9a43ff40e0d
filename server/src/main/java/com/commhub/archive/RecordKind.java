package com.commhub.archive;

/** What an archive entry records (ARC-1). */
public enum RecordKind {
	CHAT_MESSAGE,
	MAIL,
	ANNOUNCEMENT,
	EXTERNAL_MAIL,
	CALL_LOG,
	FAX_LOG,
	MEETING_MINUTES,
	TASK_RECORD,
	AUDIT_EVENT,
	ACCESS_RECORD,
	DISPOSAL_CERTIFICATE,
	/** A compliance decision kept as evidence (DLP-3). */
	COMPLIANCE_DECISION
}
