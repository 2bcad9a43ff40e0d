package com.commhub.directory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads of the directory for modules that keep derived data in step with it (chat's department channels and project
 * groups) or show people's names on their own objects, also in background jobs where nobody is signed in. It does not
 * check {@code DIRECTORY_VIEW}: callers show the results only within their own access rules.
 */
public interface Organisation {

	/** Active departments in tree order, with their heads. */
	List<DepartmentView> activeDepartments();

	/** Active project and working groups with their members and owners. */
	List<GroupView> activeGroups();

	/** The employees with these ids (any status); unknown ids are left out. */
	Map<Long, EmployeeView> employees(Collection<Long> employeeIds);

	/** The employee with this 工号 (any status). */
	Optional<EmployeeView> employeeByNo(String employeeNo);
}
