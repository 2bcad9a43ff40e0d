package com.commhub.directory.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.commhub.directory.DepartmentView;
import com.commhub.directory.EmployeeView;
import com.commhub.directory.GroupView;
import com.commhub.directory.Organisation;

/** The unchecked reads behind {@link Organisation}, mapped exactly as the directory's own views. */
@Component
@Transactional(readOnly = true)
class OrganisationAdapter implements Organisation {

	private final Departments departments;
	private final Employees employees;
	private final WorkGroups groups;
	private final DirectoryService views;

	OrganisationAdapter(Departments departments, Employees employees, WorkGroups groups, DirectoryService views) {
		this.departments = departments;
		this.employees = employees;
		this.groups = groups;
		this.views = views;
	}

	@Override
	public List<DepartmentView> activeDepartments() {
		return departments.findAll().stream().filter(Department::active).map(views::view).toList();
	}

	@Override
	public List<GroupView> activeGroups() {
		return groups.findAllByOrderByActiveDescNameAsc().stream().filter(WorkGroup::active).map(views::view).toList();
	}

	@Override
	public Map<Long, EmployeeView> employees(Collection<Long> employeeIds) {
		Map<Long, EmployeeView> result = new LinkedHashMap<>();
		if (employeeIds.isEmpty()) {
			return result;
		}
		employees.findByIdIn(employeeIds).forEach(e -> result.put(e.id(), views.view(e)));
		return result;
	}

	@Override
	public Optional<EmployeeView> employeeByNo(String employeeNo) {
		return employees.findByEmployeeNo(employeeNo).map(views::view);
	}
}
