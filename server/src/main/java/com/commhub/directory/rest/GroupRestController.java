package com.commhub.directory.rest;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.commhub.directory.DirectoryAccess;
import com.commhub.directory.DirectoryManagement;
import com.commhub.directory.DirectoryQueries;
import com.commhub.directory.GroupKind;
import com.commhub.directory.GroupView;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.PageResult;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Project and working groups over JSON (DIR-5). Owners manage their own group's members. */
@RestController
@RequestMapping("/api/v1/groups")
@Tag(name = "Directory: groups")
class GroupRestController {

	private final DirectoryQueries queries;
	private final DirectoryManagement management;
	private final DirectoryAccess access;

	GroupRestController(DirectoryQueries queries, DirectoryManagement management, DirectoryAccess access) {
		this.queries = queries;
		this.management = management;
		this.access = access;
	}

	/** {@code kind}: {@code PROJECT} (项目组) or {@code WORKING} (工作组). */
	record GroupRequest(String name, String kind, String description, Long ownerEmployeeId) {
	}

	record MemberRequest(Long employeeId, Boolean owner) {
	}

	@GetMapping
	@Operation(summary = "All groups, active first")
	PageResult<GroupView> list() {
		List<GroupView> all = queries.groups();
		return new PageResult<>(all, 0, all.size(), all.size());
	}

	@PostMapping
	@Operation(summary = "Create a group, optionally with an owner")
	ResponseEntity<GroupView> create(@RequestBody GroupRequest request) {
		access.requireManage();
		GroupView created = management.createGroup(request.name(), kind(request.kind()), request.description(),
				request.ownerEmployeeId());
		return ResponseEntity.created(URI.create("/api/v1/groups/" + created.id())).body(created);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One group with its members")
	GroupView get(@PathVariable long id) {
		return queries.group(id);
	}

	@PostMapping("/{id}/members")
	@Operation(summary = "Add a member, or change whether they own the group")
	GroupView addMember(@PathVariable long id, @RequestBody MemberRequest request) {
		// who may not change the group learns that before anything about their input
		if (!access.canManageGroup(queries.group(id))) {
			throw new AccessDeniedException("group " + id);
		}
		if (request.employeeId() == null) {
			throw BusinessRuleException.invalid("employeeId", "validation.required");
		}
		return management.addGroupMember(id, request.employeeId(), Boolean.TRUE.equals(request.owner()));
	}

	@DeleteMapping("/{id}/members/{employeeId}")
	@Operation(summary = "Remove a member")
	GroupView removeMember(@PathVariable long id, @PathVariable long employeeId) {
		return management.removeGroupMember(id, employeeId);
	}

	private static GroupKind kind(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String clean = value.strip();
		if ("项目组".equals(clean)) {
			return GroupKind.PROJECT;
		}
		if ("工作组".equals(clean)) {
			return GroupKind.WORKING;
		}
		try {
			return GroupKind.valueOf(clean.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw BusinessRuleException.invalid("kind", "validation.badValue");
		}
	}
}
