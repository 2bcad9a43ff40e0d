package com.commhub.directory;

import java.time.LocalDate;

/**
 * Commands on the directory. Every command checks access through {@link DirectoryAccess}, validates its input
 * (naming the offending field), and records an audit event in its own transaction.
 */
public interface DirectoryManagement {

	DepartmentView createDepartment(String code, String name, Long parentId);

	DepartmentView renameDepartment(long departmentId, String name);

	/** Refuses a move under the department itself or any of its descendants. */
	DepartmentView moveDepartment(long departmentId, long newParentId);

	DepartmentView setDepartmentHead(long departmentId, Long employeeId);

	/** Refuses while the department has active members or active sub-departments. */
	DepartmentView deactivateDepartment(long departmentId);

	/** Creates the employee, generates the company mail address (DIR-4) and provisions the account. */
	HireResult hire(EmployeeData data);

	EmployeeView updateEmployee(long employeeId, EmployeeData data);

	EmployeeView suspend(long employeeId);

	EmployeeView reinstate(long employeeId);

	/** DIR-8: account disabled, sessions and tokens revoked, head positions and group memberships ended, record kept. */
	EmployeeView markLeft(long employeeId, LocalDate leftOn);

	GroupView createGroup(String name, GroupKind kind, String description, Long ownerEmployeeId);

	GroupView addGroupMember(long groupId, long employeeId, boolean owner);

	GroupView removeGroupMember(long groupId, long employeeId);

	GroupView deactivateGroup(long groupId);
}
