package com.commhub.security;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in principal. It holds identity only; permissions are resolved on every request so that a
 * role change or a suspension takes effect at once, not at the next sign-in.
 */
public final class CommHubUser implements UserDetails, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long accountId;
	private final String username;
	private final String displayName;
	private final Long employeeId;
	private transient String passwordHash;
	private final boolean enabled;

	public CommHubUser(long accountId, String username, String displayName, Long employeeId, String passwordHash,
			boolean enabled) {
		this.accountId = accountId;
		this.username = username;
		this.displayName = displayName;
		this.employeeId = employeeId;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
	}

	public long accountId() {
		return accountId;
	}

	public String displayName() {
		return displayName;
	}

	/** The employee this account is bound to (DIR-3); {@code null} for the built-in administrator. */
	public Long employeeId() {
		return employeeId;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof CommHubUser user && user.accountId == accountId;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(accountId);
	}

	@Override
	public String toString() {
		return "CommHubUser[" + username + "]";
	}
}
