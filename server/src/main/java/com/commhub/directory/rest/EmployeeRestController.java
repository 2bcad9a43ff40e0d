package com.commhub.directory.rest;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.commhub.directory.DirectoryAccess;
import com.commhub.directory.DirectoryManagement;
import com.commhub.directory.DirectoryQueries;
import com.commhub.directory.EmployeeData;
import com.commhub.directory.EmployeeStatus;
import com.commhub.directory.EmployeeView;
import com.commhub.directory.EmploymentType;
import com.commhub.directory.HireResult;
import com.commhub.security.AccountManagement;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.PageResult;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Employees over JSON (DIR-2, DIR-3, DIR-8); rules and messages come from {@link DirectoryManagement}. */
@RestController
@RequestMapping("/api/v1/employees")
@Tag(name = "Directory: employees")
class EmployeeRestController {

	private final DirectoryQueries queries;
	private final DirectoryManagement management;
	private final DirectoryAccess access;
	private final AccountManagement accounts;

	EmployeeRestController(DirectoryQueries queries, DirectoryManagement management, DirectoryAccess access,
			AccountManagement accounts) {
		this.queries = queries;
		this.management = management;
		this.access = access;
		this.accounts = accounts;
	}

	/**
	 * An employee as entered. {@code employmentType} is {@code FULL_TIME}, {@code TEMPORARY}, {@code INTERN} or the
	 * Chinese 正式/临时/实习; {@code employeeNo} and {@code initialPassword} only on create.
	 */
	record EmployeeRequest(String employeeNo, String name, Long departmentId, String position,
			String managerEmployeeNo, String officePhone, String mobile, String employmentType,
			String initialPassword) {

		EmployeeData toData() {
			return new EmployeeData(employeeNo, name, departmentId, position, managerEmployeeNo, officePhone, mobile,
					parseEmploymentType(employmentType), initialPassword);
		}
	}

	record LeaveRequest(String leftOn) {
	}

	record SessionsRevoked(long employeeId, int revokedSessions) {
	}

	record PasswordReset(long employeeId, String generatedPassword) {
	}

	@GetMapping
	@Operation(summary = "Search employees by name, pinyin, 工号 or e-mail, optionally in a department and with a status")
	PageResult<EmployeeView> search(@RequestParam(required = false) String q,
			@RequestParam(required = false) Long departmentId, @RequestParam(required = false) EmployeeStatus status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return queries.searchEmployees(q, departmentId, status, page, size);
	}

	@PostMapping
	@Operation(summary = "Hire: create the employee, the company mail address and the account")
	ResponseEntity<HireResult> hire(@RequestBody EmployeeRequest request) {
		access.requireManage();
		HireResult hired = management.hire(request.toData());
		return ResponseEntity.created(URI.create("/api/v1/employees/" + hired.employee().id())).body(hired);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One employee")
	EmployeeView get(@PathVariable long id) {
		return queries.employee(id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace an employee's details (the 工号 cannot change)")
	EmployeeView update(@PathVariable long id, @RequestBody EmployeeRequest request) {
		access.requireManage();
		EmployeeView current = queries.employee(id);
		if (request.employeeNo() != null && !request.employeeNo().strip().equals(current.employeeNo())) {
			throw BusinessRuleException.invalid("employeeNo", "directory.api.employeeNoImmutable");
		}
		if (request.initialPassword() != null) {
			throw BusinessRuleException.invalid("initialPassword", "directory.api.unknownField", "initialPassword");
		}
		return management.updateEmployee(id, request.toData());
	}

	@PostMapping("/{id}/suspend")
	@Operation(summary = "Suspend: the account is disabled and its sessions end")
	EmployeeView suspend(@PathVariable long id) {
		return management.suspend(id);
	}

	@PostMapping("/{id}/reinstate")
	@Operation(summary = "Reinstate a suspended employee")
	EmployeeView reinstate(@PathVariable long id) {
		return management.reinstate(id);
	}

	@PostMapping("/{id}/leave")
	@Operation(summary = "Mark as left (DIR-8): account disabled, sessions and tokens revoked, record kept")
	EmployeeView leave(@PathVariable long id, @RequestBody(required = false) LeaveRequest request) {
		access.requireManage();
		return management.markLeft(id, request == null ? null : date("leftOn", request.leftOn()));
	}

	@PostMapping("/{id}/revoke-sessions")
	@Operation(summary = "Lost device: end every session and revoke every token of the employee's account")
	SessionsRevoked revokeSessions(@PathVariable long id) {
		access.requireManage();
		queries.employee(id);
		return new SessionsRevoked(id, accounts.revokeAllSessions(id));
	}

	@PostMapping("/{id}/reset-password")
	@Operation(summary = "Set a generated password that must be changed at the next sign-in; returned once")
	PasswordReset resetPassword(@PathVariable long id) {
		access.requireManage();
		queries.employee(id);
		return new PasswordReset(id, accounts.resetPassword(id));
	}

	private static EmploymentType parseEmploymentType(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return EmploymentType.parse(value)
			.orElseThrow(() -> BusinessRuleException.invalid("employmentType", "validation.badValue"));
	}

	private static LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw BusinessRuleException.invalid(field, "validation.badValue");
		}
	}
}
