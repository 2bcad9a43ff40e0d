package com.commhub.security;

/**
 * Fine-grained permissions (SEC-1). Roles bundle them; code asks for a permission, never for a role.
 */
public enum Permission {
	DIRECTORY_VIEW,
	DIRECTORY_MANAGE,
	DIRECTORY_IMPORT,
	ROLE_VIEW,
	ROLE_MANAGE,
	SESSION_MANAGE_ALL,
	AUDIT_READ,
	ARCHIVE_STATUS_VIEW,
	/** Retention schedules and disposal runs (ARC-3). */
	ARCHIVE_RETENTION_MANAGE,
	/** Create and release legal holds (ARC-3). */
	ARCHIVE_LEGAL_HOLD,
	/** Ask for access to archived content (ARC-4); reading needs another person's approval. */
	ARCHIVE_ACCESS_REQUEST,
	/** Approve or reject other people's archive access requests (two-person rule, ARC-4). */
	ARCHIVE_ACCESS_APPROVE,
	METRICS_READ,
	API_TOKEN_USE,
	COMPLIANCE_INSPECT,
	COMPLIANCE_MANAGE;

	public String authority() {
		return "PERM_" + name();
	}
}
