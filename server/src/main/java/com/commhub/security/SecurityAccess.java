package com.commhub.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The one gate for security administration and the audit trail: who may see and change roles, end other people's
 * sessions, create API tokens and read the audit trail. Refusals of administrative actions are audited.
 */
@Component
public class SecurityAccess {

	private final Audit audit;

	SecurityAccess(Audit audit) {
		this.audit = audit;
	}

	public boolean canViewRoles() {
		return CurrentUser.has(Permission.ROLE_VIEW);
	}

	public boolean canManageRoles() {
		return CurrentUser.has(Permission.ROLE_MANAGE);
	}

	public boolean canManageAllSessions() {
		return CurrentUser.has(Permission.SESSION_MANAGE_ALL);
	}

	public boolean canReadAudit() {
		return CurrentUser.has(Permission.AUDIT_READ);
	}

	public boolean canUseApiTokens() {
		return CurrentUser.has(Permission.API_TOKEN_USE);
	}

	public void requireRoleView() {
		require(Permission.ROLE_VIEW, "roles");
	}

	public void requireRoleManage() {
		require(Permission.ROLE_MANAGE, "role management");
	}

	public void requireSessionManageAll() {
		require(Permission.SESSION_MANAGE_ALL, "sessions of other accounts");
	}

	public void requireAuditRead() {
		require(Permission.AUDIT_READ, "audit trail");
	}

	public void requireApiTokenUse() {
		require(Permission.API_TOKEN_USE, "API tokens");
	}

	private void require(Permission permission, String what) {
		if (!CurrentUser.has(permission)) {
			if (CurrentUser.find().isPresent()) {
				audit.record("access.denied", "permission", permission.name(), what, AuditOutcome.DENIED, null);
			}
			throw new AccessDeniedException(what);
		}
	}
}
