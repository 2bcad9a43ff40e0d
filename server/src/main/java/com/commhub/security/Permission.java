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
	METRICS_READ,
	API_TOKEN_USE,
	COMPLIANCE_INSPECT,
	COMPLIANCE_MANAGE;

	public String authority() {
		return "PERM_" + name();
	}
}
