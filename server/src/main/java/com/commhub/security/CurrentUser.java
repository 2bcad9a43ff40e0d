package com.commhub.security;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting in the current request, and what they may do. */
public final class CurrentUser {

	/**
	 * Request attribute naming the sign-in step (second factor, password change, two-factor enrolment) a signed-in
	 * user must still complete; absent once sign-in is complete. Pages use it to leave out what the gate would refuse
	 * (such as the notification bell, whose polling would otherwise be redirected to the gate again and again).
	 */
	public static final String PENDING_GATE_ATTRIBUTE = "com.commhub.security.pendingGate";

	private CurrentUser() {
	}

	public static Optional<CommHubUser> find() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CommHubUser user) {
			return Optional.of(user);
		}
		return Optional.empty();
	}

	public static CommHubUser require() {
		return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not signed in"));
	}

	public static boolean has(Permission permission) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getAuthorities().stream()
				.anyMatch(a -> permission.authority().equals(a.getAuthority()));
	}
}
