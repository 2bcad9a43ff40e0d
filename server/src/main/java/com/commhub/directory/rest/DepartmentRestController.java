package com.commhub.directory.rest;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.commhub.directory.DepartmentView;
import com.commhub.directory.DirectoryAccess;
import com.commhub.directory.DirectoryManagement;
import com.commhub.directory.DirectoryQueries;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.PageResult;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The department tree over JSON (DIR-1). */
@RestController
@RequestMapping("/api/v1/departments")
@Tag(name = "Directory: departments")
class DepartmentRestController {

	private static final Set<String> PATCHABLE = Set.of("name", "parentId", "headEmployeeId");

	private final DirectoryQueries queries;
	private final DirectoryManagement management;
	private final DirectoryAccess access;
	private final TransactionTemplate transaction;

	DepartmentRestController(DirectoryQueries queries, DirectoryManagement management, DirectoryAccess access,
			PlatformTransactionManager transactions) {
		this.queries = queries;
		this.management = management;
		this.access = access;
		this.transaction = new TransactionTemplate(transactions);
	}

	record DepartmentRequest(String code, String name, Long parentId) {
	}

	@GetMapping
	@Operation(summary = "All departments in tree order (parents before children); depth 0 is the company")
	PageResult<DepartmentView> tree(@RequestParam(defaultValue = "false") boolean includeInactive) {
		List<DepartmentView> all = queries.departmentTree(includeInactive);
		return new PageResult<>(all, 0, all.size(), all.size());
	}

	@PostMapping
	@Operation(summary = "Create a department under a parent")
	ResponseEntity<DepartmentView> create(@RequestBody DepartmentRequest request) {
		access.requireManage();
		DepartmentView created = management.createDepartment(request.code(), request.name(), request.parentId());
		return ResponseEntity.created(URI.create("/api/v1/departments/" + created.id())).body(created);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One department")
	DepartmentView get(@PathVariable long id) {
		return queries.department(id);
	}

	/**
	 * Changes any of {@code name}, {@code parentId} and {@code headEmployeeId} ({@code null} removes the head) in one
	 * transaction: when one change is refused, none is made.
	 */
	@PatchMapping("/{id}")
	@Operation(summary = "Rename, move and/or set the head; all or nothing")
	DepartmentView patch(@PathVariable long id, @RequestBody Map<String, Object> changes) {
		access.requireManage();
		for (String field : changes.keySet()) {
			if (!PATCHABLE.contains(field)) {
				throw BusinessRuleException.invalid(field, "directory.api.unknownField", field);
			}
		}
		return transaction.execute(status -> {
			DepartmentView result = queries.department(id);
			if (changes.containsKey("name")) {
				Object name = changes.get("name");
				if (name != null && !(name instanceof String)) {
					throw BusinessRuleException.invalid("name", "validation.badValue");
				}
				result = management.renameDepartment(id, (String) name);
			}
			if (changes.containsKey("parentId")) {
				Long parentId = id("parentId", changes.get("parentId"));
				if (parentId == null) {
					throw BusinessRuleException.invalid("parentId", "validation.required");
				}
				result = management.moveDepartment(id, parentId);
			}
			if (changes.containsKey("headEmployeeId")) {
				result = management.setDepartmentHead(id, id("headEmployeeId", changes.get("headEmployeeId")));
			}
			return result;
		});
	}

	@PostMapping("/{id}/deactivate")
	@Operation(summary = "Deactivate an empty department without active sub-departments")
	DepartmentView deactivate(@PathVariable long id) {
		return management.deactivateDepartment(id);
	}

	private static Long id(String field, Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Integer || value instanceof Long) {
			return ((Number) value).longValue();
		}
		if (value instanceof String text && text.strip().matches("\\d{1,18}")) {
			return Long.valueOf(text.strip());
		}
		throw BusinessRuleException.invalid(field, "validation.badValue");
	}
}
