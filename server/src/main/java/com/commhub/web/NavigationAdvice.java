package com.commhub.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import com.commhub.security.CommHubUser;
import com.commhub.security.CurrentUser;
import com.commhub.security.Permission;

/** What the layout needs on every page: who is signed in and which menu entries they may see. */
@ControllerAdvice(annotations = Controller.class)
class NavigationAdvice {

	public record Navigation(boolean signedIn, String displayName, String username, boolean directoryManage,
			boolean directoryImport, boolean roles, boolean audit, boolean archive, boolean compliance,
			boolean archiveRetention, boolean legalHolds, String archiveHome) {
	}

	@ModelAttribute("nav")
	Navigation navigation() {
		CommHubUser user = CurrentUser.find().orElse(null);
		if (user == null) {
			return new Navigation(false, null, null, false, false, false, false, false, false, false, false, null);
		}
		return new Navigation(true, user.displayName(), user.getUsername(), CurrentUser.has(Permission.DIRECTORY_MANAGE),
				CurrentUser.has(Permission.DIRECTORY_IMPORT), CurrentUser.has(Permission.ROLE_VIEW),
				CurrentUser.has(Permission.AUDIT_READ), CurrentUser.has(Permission.ARCHIVE_STATUS_VIEW),
				CurrentUser.has(Permission.COMPLIANCE_MANAGE), CurrentUser.has(Permission.ARCHIVE_RETENTION_MANAGE),
				CurrentUser.has(Permission.ARCHIVE_LEGAL_HOLD), archiveHome());
	}

	/**
	 * One menu entry for the archive, leading to the first archive page the user may open; the archive pages' own
	 * navigation leads to the others.
	 */
	private static String archiveHome() {
		if (CurrentUser.has(Permission.ARCHIVE_STATUS_VIEW)) {
			return "/archive";
		}
		if (CurrentUser.has(Permission.ARCHIVE_ACCESS_REQUEST) || CurrentUser.has(Permission.ARCHIVE_ACCESS_APPROVE)) {
			return "/archive/access";
		}
		if (CurrentUser.has(Permission.ARCHIVE_LEGAL_HOLD)) {
			return "/archive/legal-holds";
		}
		return CurrentUser.has(Permission.ARCHIVE_RETENTION_MANAGE) ? "/archive/retention" : null;
	}
}
