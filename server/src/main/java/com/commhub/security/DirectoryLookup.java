package com.commhub.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What security needs to know of the directory, implemented by the directory module (which depends on security,
 * not the other way round). Roles can be assigned to whole departments and groups; this resolves membership.
 */
public interface DirectoryLookup {

	/** The employee's department and all its ancestors up to the company root. */
	Set<Long> departmentChain(long employeeId);

	/** The groups the employee belongs to. */
	Set<Long> groupsOf(long employeeId);

	/** Active employees of a department and of all its sub-departments. */
	Set<Long> employeesInDepartmentTree(long departmentId);

	Set<Long> membersOfGroup(long groupId);

	/** A readable label (name and code or 工号) for a department, group or employee. */
	Optional<String> label(SubjectType type, long id);

	/** Department id ↔ label, for choosing where to assign a role. */
	List<Choice> departments();

	List<Choice> groups();

	enum SubjectType {
		DEPARTMENT, GROUP, EMPLOYEE
	}

	record Choice(long id, String label) {
	}
}
