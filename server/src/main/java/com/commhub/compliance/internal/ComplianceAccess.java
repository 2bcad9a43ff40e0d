package com.commhub.compliance.internal;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.commhub.security.Audit;
import com.commhub.security.AuditOutcome;
import com.commhub.security.CurrentUser;
import com.commhub.security.Permission;

/** The gate for the compliance UI and REST API; refusals are audited. The Java inspection API needs no permission. */
@Component
public class ComplianceAccess {

	private final Audit audit;

	ComplianceAccess(Audit audit) {
		this.audit = audit;
	}

	public boolean canInspect() {
		return CurrentUser.has(Permission.COMPLIANCE_INSPECT);
	}

	public boolean canManage() {
		return CurrentUser.has(Permission.COMPLIANCE_MANAGE);
	}

	public void requireInspect() {
		require(Permission.COMPLIANCE_INSPECT, "compliance inspection");
	}

	public void requireManage() {
		require(Permission.COMPLIANCE_MANAGE, "compliance policies");
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
