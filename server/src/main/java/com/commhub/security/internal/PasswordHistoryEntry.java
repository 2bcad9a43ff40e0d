package com.commhub.security.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "sec_password_history")
class PasswordHistoryEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "account_id")
	private Long accountId;

	@Column(name = "password_hash")
	private String passwordHash;

	@Column(name = "created_at")
	private Instant createdAt;

	protected PasswordHistoryEntry() {
	}

	PasswordHistoryEntry(Long accountId, String passwordHash, Instant createdAt) {
		this.accountId = accountId;
		this.passwordHash = passwordHash;
		this.createdAt = createdAt;
	}

	String passwordHash() {
		return passwordHash;
	}
}
