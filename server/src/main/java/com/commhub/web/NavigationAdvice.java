package com.commhub.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import com.commhub.security.CommHubUser;
import com.commhub.security.CurrentUser;
import com.commhub.security.Permission;

/** What the layout needs on every page: who is signed in and which menu entries they may see. */
@ControllerAdvice(annotations = Controller.class)
class NavigationAdvice {

	/**
	 * {@code signInComplete}: no sign-in step (second factor, password change) is open, so the layout may poll in
	 * the background (bell, menu badges); the gate would answer those polls with a redirect to itself.
	 */
	public record Navigation(boolean signedIn, String displayName, String username, boolean directoryManage,
			boolean directoryImport, boolean roles, boolean audit, boolean archive, boolean compliance,
			boolean archiveRetention, boolean legalHolds, String archiveHome, boolean signInComplete) {
	}

	@ModelAttribute("nav")
	Navigation navigation() {
		CommHubUser user = CurrentUser.find().orElse(null);
		if (user == null) {
			return new Navigation(false, null, null, false, false, false, false, false, false, false, false, null, false);
		}
		return new Navigation(true, user.displayName(), user.getUsername(), CurrentUser.has(Permission.DIRECTORY_MANAGE),
				CurrentUser.has(Permission.DIRECTORY_IMPORT), CurrentUser.has(Permission.ROLE_VIEW),
				CurrentUser.has(Permission.AUDIT_READ), CurrentUser.has(Permission.ARCHIVE_STATUS_VIEW),
				CurrentUser.has(Permission.COMPLIANCE_MANAGE), CurrentUser.has(Permission.ARCHIVE_RETENTION_MANAGE),
				CurrentUser.has(Permission.ARCHIVE_LEGAL_HOLD), archiveHome(),
				!atSignInGate());
	}

	/** Still at a sign-in step (second factor, password change): the gate would refuse the bell's polling. */
	private static boolean atSignInGate() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		return request != null
				&& request.getAttribute(CurrentUser.PENDING_GATE_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) != null;
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
