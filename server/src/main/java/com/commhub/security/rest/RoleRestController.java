package com.commhub.security.rest;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.commhub.security.Permission;
import com.commhub.security.RoleSubject;
import com.commhub.security.SecurityAccess;
import com.commhub.security.internal.RoleService;
import com.commhub.security.internal.RoleService.AssignmentView;
import com.commhub.security.internal.RoleService.PrivilegedRole;
import com.commhub.security.internal.RoleService.RoleView;
import com.commhub.shared.BusinessRuleException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Roles, their permissions and assignments (SEC-1); reading needs ROLE_VIEW, changing ROLE_MANAGE. */
@RestController
@RequestMapping("/api/v1/roles")
@Tag(name = "Roles")
class RoleRestController {

	private final RoleService roles;
	private final SecurityAccess access;

	RoleRestController(RoleService roles, SecurityAccess access) {
		this.roles = roles;
		this.access = access;
	}

	/**
	 * @param subjectType EMPLOYEE (subjectId = employee id), DEPARTMENT (the department and its sub-departments),
	 * GROUP, or ACCOUNT
	 */
	record AssignRequest(String subjectType, Long subjectId) {
	}

	@GetMapping
	@Operation(summary = "Every role with its permissions and assignments")
	List<RoleView> list() {
		access.requireRoleView();
		return roles.list(LocaleContextHolder.getLocale());
	}

	@GetMapping("/privileged-holders")
	@Operation(summary = "Who holds which privileged role, and through which assignment")
	List<PrivilegedRole> privilegedHolders() {
		access.requireRoleView();
		return roles.privilegedHolders(LocaleContextHolder.getLocale());
	}

	@GetMapping("/{code}")
	@Operation(summary = "One role")
	RoleView get(@PathVariable String code) {
		access.requireRoleView();
		return roles.get(code, LocaleContextHolder.getLocale());
	}

	@PostMapping("/{code}/assignments")
	@Operation(summary = "Assign the role to an employee, department, group or account")
	ResponseEntity<AssignmentView> assign(@PathVariable String code, @RequestBody AssignRequest request) {
		// access first: someone without ROLE_MANAGE learns nothing from validation messages
		access.requireRoleManage();
		if (request.subjectType() == null || request.subjectType().isBlank()) {
			throw BusinessRuleException.invalid("subjectType", "validation.required");
		}
		RoleSubject subject;
		try {
			subject = RoleSubject.valueOf(request.subjectType().trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw BusinessRuleException.invalid("subjectType", "validation.badValue");
		}
		if (request.subjectId() == null) {
			throw BusinessRuleException.invalid("subjectId", "validation.required");
		}
		AssignmentView created = roles.assign(code, subject, request.subjectId());
		return ResponseEntity.created(URI.create("/api/v1/roles/" + code + "/assignments/" + created.id()))
			.body(created);
	}

	/** @param permissions names of {@link Permission}; the role gets exactly these */
	record PermissionsRequest(List<String> permissions) {
	}

	@PutMapping("/{code}/permissions")
	@Operation(summary = "Replace the role's permissions; the administrator role keeps ROLE_MANAGE (409 otherwise)")
	RoleView setPermissions(@PathVariable String code, @RequestBody PermissionsRequest request) {
		access.requireRoleManage();
		if (request.permissions() == null) {
			throw BusinessRuleException.invalid("permissions", "validation.required");
		}
		Set<Permission> permissions = EnumSet.noneOf(Permission.class);
		for (String name : request.permissions()) {
			try {
				permissions.add(Permission.valueOf(name == null ? "" : name.trim()));
			}
			catch (IllegalArgumentException ex) {
				throw BusinessRuleException.invalid("permissions", "token.unknownScope", name);
			}
		}
		return roles.setPermissions(code, permissions, LocaleContextHolder.getLocale());
	}

	@DeleteMapping("/{code}/assignments/{id}")
	@Operation(summary = "Remove an assignment; the last administrator cannot be removed (409)")
	ResponseEntity<Void> unassign(@PathVariable String code, @PathVariable long id) {
		access.requireRoleManage();
		roles.unassign(code, id);
		return ResponseEntity.noContent().build();
	}
}
