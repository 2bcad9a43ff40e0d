package com.commhub.security.internal;

import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import com.commhub.security.Permission;

@Entity
@Table(name = "sec_role")
class Role {

	static final String ADMIN = "ADMIN";
	static final String EMPLOYEE = "EMPLOYEE";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	@Column(name = "name_zh")
	private String nameZh;

	@Column(name = "name_en")
	private String nameEn;

	private boolean privileged;

	private boolean builtin;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "sec_role_permission", joinColumns = @JoinColumn(name = "role_id"))
	@Column(name = "permission")
	@Enumerated(EnumType.STRING)
	private Set<Permission> permissions = EnumSet.noneOf(Permission.class);

	protected Role() {
	}

	Long id() {
		return id;
	}

	String code() {
		return code;
	}

	String name(java.util.Locale locale) {
		return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
	}

	boolean privileged() {
		return privileged;
	}

	Set<Permission> permissions() {
		return permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
	}

	void grant(Permission permission) {
		permissions.add(permission);
	}

	void revoke(Permission permission) {
		permissions.remove(permission);
	}
}
