package com.commhub.security.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A bearer token: a personal access token or one issued by the login endpoint. Only its SHA-256 is stored. */
@Entity
@Table(name = "sec_api_token")
class ApiToken {

	enum Kind {
		PERSONAL, LOGIN
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "account_id")
	private Long accountId;

	private String name;

	@jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
	private Kind kind;

	@Column(name = "token_hash")
	private String tokenHash;

	@Column(name = "token_prefix")
	private String tokenPrefix;

	/** Space-separated permission names, or {@code *} for all of the account's permissions. */
	private String scopes;

	@Column(name = "expires_at")
	private Instant expiresAt;

	@Column(name = "revoked_at")
	private Instant revokedAt;

	@Column(name = "last_used_at")
	private Instant lastUsedAt;

	@Column(name = "created_at")
	private Instant createdAt;

	protected ApiToken() {
	}

	ApiToken(Long accountId, String name, Kind kind, String tokenHash, String tokenPrefix, String scopes,
			Instant expiresAt, Instant createdAt) {
		this.accountId = accountId;
		this.name = name;
		this.kind = kind;
		this.tokenHash = tokenHash;
		this.tokenPrefix = tokenPrefix;
		this.scopes = scopes;
		this.expiresAt = expiresAt;
		this.createdAt = createdAt;
	}

	Long id() {
		return id;
	}

	Long accountId() {
		return accountId;
	}

	String name() {
		return name;
	}

	Kind kind() {
		return kind;
	}

	String tokenPrefix() {
		return tokenPrefix;
	}

	String scopes() {
		return scopes;
	}

	Instant expiresAt() {
		return expiresAt;
	}

	Instant revokedAt() {
		return revokedAt;
	}

	Instant lastUsedAt() {
		return lastUsedAt;
	}

	Instant createdAt() {
		return createdAt;
	}

	boolean usableAt(Instant now) {
		return revokedAt == null && expiresAt.isAfter(now);
	}

	void revoke(Instant now) {
		if (revokedAt == null) {
			revokedAt = now;
		}
	}

	void touch(Instant now) {
		lastUsedAt = now;
	}
}
