package com.commhub.security.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "sec_recovery_code")
class RecoveryCode {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "account_id")
	private Long accountId;

	@Column(name = "code_hash")
	private String codeHash;

	@Column(name = "used_at")
	private Instant usedAt;

	protected RecoveryCode() {
	}

	RecoveryCode(Long accountId, String codeHash) {
		this.accountId = accountId;
		this.codeHash = codeHash;
	}

	String codeHash() {
		return codeHash;
	}

	boolean used() {
		return usedAt != null;
	}

	void use(Instant now) {
		usedAt = now;
	}
}
