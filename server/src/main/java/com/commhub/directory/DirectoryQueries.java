package com.commhub.directory;

import java.util.List;
import java.util.Optional;

import com.commhub.shared.PageResult;

/** Reads of the directory; every signed-in employee with DIRECTORY_VIEW may read it. */
public interface DirectoryQueries {

	/** All departments in tree order (parents before children, siblings by code). */
	List<DepartmentView> departmentTree(boolean includeInactive);

	DepartmentView department(long departmentId);

	/**
	 * Employees matching {@code q} in name, pinyin (with or without spaces), 工号 or e-mail, optionally within a
	 * department and its sub-departments, and with a status.
	 */
	PageResult<EmployeeView> searchEmployees(String q, Long departmentId, EmployeeStatus status, int page, int size);

	EmployeeView employee(long employeeId);

	Optional<EmployeeView> employeeByNo(String employeeNo);

	List<GroupView> groups();

	GroupView group(long groupId);
}
