package com.commhub.security.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A role held by one account, or by every member of a department (and its sub-departments) or group. */
@Entity
@Table(name = "sec_role_assignment")
class RoleAssignment {

	enum SubjectType {
		ACCOUNT, DEPARTMENT, GROUP
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "role_id")
	private Long roleId;

	@Enumerated(EnumType.STRING)
	@Column(name = "subject_type")
	private SubjectType subjectType;

	@Column(name = "subject_id")
	private Long subjectId;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "created_by")
	private String createdBy;

	protected RoleAssignment() {
	}

	RoleAssignment(Long roleId, SubjectType subjectType, Long subjectId, Instant createdAt, String createdBy) {
		this.roleId = roleId;
		this.subjectType = subjectType;
		this.subjectId = subjectId;
		this.createdAt = createdAt;
		this.createdBy = createdBy;
	}

	Long id() {
		return id;
	}

	Long roleId() {
		return roleId;
	}

	SubjectType subjectType() {
		return subjectType;
	}

	Long subjectId() {
		return subjectId;
	}

	Instant createdAt() {
		return createdAt;
	}

	String createdBy() {
		return createdBy;
	}
}
