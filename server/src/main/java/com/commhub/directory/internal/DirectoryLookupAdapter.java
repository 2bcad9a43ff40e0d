package com.commhub.directory.internal;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.commhub.directory.EmployeeStatus;
import com.commhub.security.DirectoryLookup;

/** Answers security's questions about membership, so roles can be assigned to departments and groups. */
@Component
@Transactional(readOnly = true)
class DirectoryLookupAdapter implements DirectoryLookup {

	private final Departments departments;
	private final Employees employees;
	private final WorkGroups groups;

	DirectoryLookupAdapter(Departments departments, Employees employees, WorkGroups groups) {
		this.departments = departments;
		this.employees = employees;
		this.groups = groups;
	}

	@Override
	public Set<Long> departmentChain(long employeeId) {
		return employees.findById(employeeId)
			.map(e -> (Set<Long>) new HashSet<>(departments.chainUp(e.departmentId())))
			.orElse(Set.of());
	}

	@Override
	public Set<Long> groupsOf(long employeeId) {
		return new HashSet<>(groups.groupIdsOf(employeeId));
	}

	@Override
	public Set<Long> employeesInDepartmentTree(long departmentId) {
		return employees.findByDepartmentIdInAndStatus(departments.subtree(departmentId), EmployeeStatus.ACTIVE)
			.stream()
			.map(Employee::id)
			.collect(Collectors.toSet());
	}

	@Override
	public Set<Long> membersOfGroup(long groupId) {
		return groups.findById(groupId)
			.filter(WorkGroup::active)
			.map(g -> g.members().stream().map(WorkGroup.Membership::employeeId).collect(Collectors.toSet()))
			.orElse(Set.of());
	}

	@Override
	public Optional<String> label(SubjectType type, long id) {
		return switch (type) {
			case DEPARTMENT -> departments.findById(id).map(d -> d.name() + " (" + d.code() + ")");
			case GROUP -> groups.findById(id).map(WorkGroup::name);
			case EMPLOYEE -> employees.findById(id).map(e -> e.name() + " (" + e.employeeNo() + ")");
		};
	}

	@Override
	public List<Choice> departments() {
		return departments.findAll().stream()
			.filter(Department::active)
			.sorted(Comparator.comparing(Department::code))
			.map(d -> new Choice(d.id(), d.name() + " (" + d.code() + ")"))
			.toList();
	}

	@Override
	public List<Choice> groups() {
		return groups.findAllByOrderByActiveDescNameAsc().stream()
			.filter(WorkGroup::active)
			.map(g -> new Choice(g.id(), g.name()))
			.toList();
	}
}
