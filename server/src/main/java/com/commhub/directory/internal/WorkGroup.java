package com.commhub.directory.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.commhub.directory.GroupKind;

/** A project group or working group (DIR-5); members are kept as a value collection. */
@Entity
@Table(name = "dir_group")
class WorkGroup {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@Enumerated(EnumType.STRING)
	private GroupKind kind;

	private String description;

	private boolean active = true;

	@Column(name = "created_at")
	private Instant createdAt;

	@Version
	private long version;

	@ElementCollection
	@CollectionTable(name = "dir_group_member", joinColumns = @JoinColumn(name = "group_id"))
	private List<Membership> members = new ArrayList<>();

	@Embeddable
	static class Membership {

		@Column(name = "employee_id")
		private Long employeeId;

		private boolean owner;

		protected Membership() {
		}

		Membership(Long employeeId, boolean owner) {
			this.employeeId = employeeId;
			this.owner = owner;
		}

		Long employeeId() {
			return employeeId;
		}

		boolean owner() {
			return owner;
		}
	}

	protected WorkGroup() {
	}

	WorkGroup(String name, GroupKind kind, String description, Instant now) {
		this.name = name;
		this.kind = kind;
		this.description = description;
		this.createdAt = now;
	}

	Long id() {
		return id;
	}

	String name() {
		return name;
	}

	GroupKind kind() {
		return kind;
	}

	String description() {
		return description;
	}

	boolean active() {
		return active;
	}

	List<Membership> members() {
		return List.copyOf(members);
	}

	boolean isOwner(Long employeeId) {
		return members.stream().anyMatch(m -> m.employeeId().equals(employeeId) && m.owner());
	}

	boolean isMember(Long employeeId) {
		return members.stream().anyMatch(m -> m.employeeId().equals(employeeId));
	}

	void put(Long employeeId, boolean owner) {
		members.removeIf(m -> m.employeeId().equals(employeeId));
		members.add(new Membership(employeeId, owner));
	}

	void remove(Long employeeId) {
		members.removeIf(m -> m.employeeId().equals(employeeId));
	}

	void update(String name, String description) {
		this.name = name;
		this.description = description;
	}

	void deactivate() {
		active = false;
	}
}
