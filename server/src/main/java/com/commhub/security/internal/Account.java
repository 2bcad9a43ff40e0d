package com.commhub.security.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "sec_account")
class Account {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	@Column(name = "display_name")
	private String displayName;

	@Column(name = "employee_id")
	private Long employeeId;

	@Column(name = "password_hash")
	private String passwordHash;

	@Column(name = "password_changed_at")
	private Instant passwordChangedAt;

	@Column(name = "must_change_password")
	private boolean mustChangePassword;

	private boolean enabled = true;

	@Column(name = "failed_attempts")
	private int failedAttempts;

	@Column(name = "locked_until")
	private Instant lockedUntil;

	@Column(name = "totp_secret")
	private String totpSecret;

	@Column(name = "totp_enabled")
	private boolean totpEnabled;

	@Column(name = "last_login_at")
	private Instant lastLoginAt;

	@Column(name = "created_at")
	private Instant createdAt;

	@Version
	private long version;

	protected Account() {
	}

	Account(String username, String displayName, Long employeeId, String passwordHash, boolean mustChangePassword,
			Instant now) {
		this.username = username;
		this.displayName = displayName;
		this.employeeId = employeeId;
		this.passwordHash = passwordHash;
		this.mustChangePassword = mustChangePassword;
		this.passwordChangedAt = now;
		this.createdAt = now;
	}

	Long id() {
		return id;
	}

	String username() {
		return username;
	}

	String displayName() {
		return displayName;
	}

	Long employeeId() {
		return employeeId;
	}

	String passwordHash() {
		return passwordHash;
	}

	Instant passwordChangedAt() {
		return passwordChangedAt;
	}

	boolean mustChangePassword() {
		return mustChangePassword;
	}

	boolean enabled() {
		return enabled;
	}

	int failedAttempts() {
		return failedAttempts;
	}

	Instant lockedUntil() {
		return lockedUntil;
	}

	String totpSecret() {
		return totpSecret;
	}

	boolean totpEnabled() {
		return totpEnabled;
	}

	Instant lastLoginAt() {
		return lastLoginAt;
	}

	boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	void changePassword(String newHash, boolean mustChange, Instant now) {
		this.passwordHash = newHash;
		this.mustChangePassword = mustChange;
		this.passwordChangedAt = now;
	}

	void recordFailure(int maxAttempts, java.time.Duration lockout, Instant now) {
		failedAttempts++;
		if (failedAttempts >= maxAttempts) {
			lockedUntil = now.plus(lockout);
			failedAttempts = 0;
		}
	}

	void recordSuccess(Instant now) {
		failedAttempts = 0;
		lockedUntil = null;
		lastLoginAt = now;
	}

	void unlock() {
		failedAttempts = 0;
		lockedUntil = null;
	}

	void rename(String displayName) {
		this.displayName = displayName;
	}

	void enable() {
		enabled = true;
	}

	void disable() {
		enabled = false;
	}

	void startTotpEnrolment(String secret) {
		this.totpSecret = secret;
		this.totpEnabled = false;
	}

	void confirmTotp() {
		this.totpEnabled = true;
	}

	void removeTotp() {
		this.totpSecret = null;
		this.totpEnabled = false;
	}
}
