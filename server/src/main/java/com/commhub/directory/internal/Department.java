package com.commhub.directory.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "dir_department")
class Department {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	private String name;

	@Column(name = "parent_id")
	private Long parentId;

	@Column(name = "head_employee_id")
	private Long headEmployeeId;

	private boolean active = true;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Version
	private long version;

	protected Department() {
	}

	Department(String code, String name, Long parentId, Instant now) {
		this.code = code;
		this.name = name;
		this.parentId = parentId;
		this.createdAt = now;
		this.updatedAt = now;
	}

	Long id() {
		return id;
	}

	String code() {
		return code;
	}

	String name() {
		return name;
	}

	Long parentId() {
		return parentId;
	}

	Long headEmployeeId() {
		return headEmployeeId;
	}

	boolean active() {
		return active;
	}

	void rename(String name, Instant now) {
		this.name = name;
		this.updatedAt = now;
	}

	void moveUnder(Long parentId, Instant now) {
		this.parentId = parentId;
		this.updatedAt = now;
	}

	void setHead(Long employeeId, Instant now) {
		this.headEmployeeId = employeeId;
		this.updatedAt = now;
	}

	void deactivate(Instant now) {
		this.active = false;
		this.updatedAt = now;
	}
}
