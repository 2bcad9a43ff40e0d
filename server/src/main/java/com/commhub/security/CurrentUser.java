package com.commhub.security;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting in the current request, and what they may do. */
public final class CurrentUser {

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
