package com.commhub.directory.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.commhub.directory.DepartmentView;
import com.commhub.directory.DirectoryAccess;
import com.commhub.directory.DirectoryManagement;
import com.commhub.directory.DirectoryQueries;
import com.commhub.directory.EmployeeData;
import com.commhub.directory.EmployeeStatus;
import com.commhub.directory.EmployeeView;
import com.commhub.directory.GroupKind;
import com.commhub.directory.GroupView;
import com.commhub.directory.HireResult;
import com.commhub.security.AccountManagement;
import com.commhub.security.Audit;
import com.commhub.security.AuditOutcome;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.NotFoundException;
import com.commhub.shared.PageResult;

@Service
class DirectoryService implements DirectoryManagement, DirectoryQueries {

	static final Pattern DEPARTMENT_CODE = Pattern.compile("[A-Za-z][A-Za-z0-9]{1,15}");
	static final Pattern EMPLOYEE_NO = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{1,31}");

	private final Departments departments;
	private final Employees employees;
	private final WorkGroups groups;
	private final MailAddresses mailAddresses;
	private final AccountManagement accounts;
	private final DirectoryAccess access;
	private final Audit audit;
	private final Clock clock;

	DirectoryService(Departments departments, Employees employees, WorkGroups groups, MailAddresses mailAddresses,
			AccountManagement accounts, DirectoryAccess access, Audit audit, Clock clock) {
		this.departments = departments;
		this.employees = employees;
		this.groups = groups;
		this.mailAddresses = mailAddresses;
		this.accounts = accounts;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	// ---- departments ----

	@Override
	@Transactional
	public DepartmentView createDepartment(String code, String name, Long parentId) {
		access.requireManage();
		String cleanCode = required("code", code, 16);
		if (!DEPARTMENT_CODE.matcher(cleanCode).matches()) {
			throw BusinessRuleException.invalid("code", "department.badCode");
		}
		String cleanName = required("name", name, 100);
		if (departments.findByCode(cleanCode).isPresent()) {
			throw BusinessRuleException.conflict("code", "department.duplicateCode", cleanCode);
		}
		if (parentId == null && !departments.findByParentId(null).isEmpty()) {
			throw BusinessRuleException.invalid("parentId", "validation.required");
		}
		if (parentId != null) {
			activeDepartment("parentId", parentId);
		}
		Department saved = departments.save(
				new Department(cleanCode.toUpperCase(Locale.ROOT), cleanName, parentId, now()));
		audit.record("department.create", "department", saved.id(), saved.name() + " (" + saved.code() + ")",
				AuditOutcome.SUCCESS, null);
		return view(saved);
	}

	@Override
	@Transactional
	public DepartmentView renameDepartment(long departmentId, String name) {
		access.requireManage();
		Department department = existingDepartment(departmentId);
		String cleanName = required("name", name, 100);
		String before = department.name();
		department.rename(cleanName, now());
		audit.record("department.rename", "department", departmentId, cleanName, AuditOutcome.SUCCESS,
				before + " → " + cleanName);
		return view(department);
	}

	@Override
	@Transactional
	public DepartmentView moveDepartment(long departmentId, long newParentId) {
		access.requireManage();
		Department department = existingDepartment(departmentId);
		if (department.parentId() == null) {
			throw BusinessRuleException.invalid("parentId", "department.rootCannotMove");
		}
		activeDepartment("parentId", newParentId);
		if (departments.subtree(departmentId).contains(newParentId)) {
			throw BusinessRuleException.invalid("parentId", "department.moveUnderOwnChild");
		}
		department.moveUnder(newParentId, now());
		audit.record("department.move", "department", departmentId, department.name(), AuditOutcome.SUCCESS,
				"new parent " + newParentId);
		return view(department);
	}

	@Override
	@Transactional
	public DepartmentView setDepartmentHead(long departmentId, Long employeeId) {
		access.requireManage();
		Department department = existingDepartment(departmentId);
		if (employeeId != null) {
			Employee head = employees.findById(employeeId)
				.orElseThrow(() -> BusinessRuleException.invalid("headEmployeeId", "employee.unknown"));
			if (head.status() != EmployeeStatus.ACTIVE) {
				throw BusinessRuleException.invalid("headEmployeeId", "employee.notActive");
			}
		}
		department.setHead(employeeId, now());
		audit.record("department.setHead", "department", departmentId, department.name(), AuditOutcome.SUCCESS,
				"head " + employeeId);
		return view(department);
	}

	@Override
	@Transactional
	public DepartmentView deactivateDepartment(long departmentId) {
		access.requireManage();
		Department department = existingDepartment(departmentId);
		if (department.parentId() == null) {
			throw BusinessRuleException.conflict(null, "department.rootCannotDeactivate");
		}
		if (employees.countByDepartmentIdAndStatusNot(departmentId, EmployeeStatus.LEFT) > 0) {
			throw BusinessRuleException.conflict(null, "department.hasMembers");
		}
		if (departments.findByParentId(departmentId).stream().anyMatch(Department::active)) {
			throw BusinessRuleException.conflict(null, "department.hasActiveChildren");
		}
		department.deactivate(now());
		audit.record("department.deactivate", "department", departmentId, department.name(), AuditOutcome.SUCCESS,
				null);
		return view(department);
	}

	// ---- employees ----

	@Override
	@Transactional
	public HireResult hire(EmployeeData data) {
		access.requireManage();
		String employeeNo = required("employeeNo", data.employeeNo(), 32);
		if (!EMPLOYEE_NO.matcher(employeeNo).matches()) {
			throw BusinessRuleException.invalid("employeeNo", "employee.badNumber");
		}
		if (employees.findByEmployeeNo(employeeNo).isPresent()) {
			throw BusinessRuleException.conflict("employeeNo", "employee.duplicateNumber", employeeNo);
		}
		Validated valid = validate(data, null);
		String email = mailAddresses.generate(valid.name(), valid.department().code(), employeeNo, employees::emailTaken);
		Employee employee = new Employee(employeeNo, email, LocalDate.now(clock), now());
		apply(employee, valid);
		employee = employees.save(employee);
		var account = accounts.provisionForEmployee(employee.id(), employeeNo, valid.name(), data.initialPassword());
		audit.record("employee.hire", "employee", employee.id(), employee.name() + " (" + employeeNo + ")",
				AuditOutcome.SUCCESS, "mail " + email);
		return new HireResult(view(employee), account.username(), account.generatedPassword());
	}

	@Override
	@Transactional
	public EmployeeView updateEmployee(long employeeId, EmployeeData data) {
		access.requireManage();
		Employee employee = existingEmployee(employeeId);
		if (employee.status() == EmployeeStatus.LEFT) {
			throw BusinessRuleException.conflict(null, "employee.alreadyLeft");
		}
		Validated valid = validate(data, employeeId);
		apply(employee, valid);
		audit.record("employee.update", "employee", employeeId, employee.name() + " (" + employee.employeeNo() + ")",
				AuditOutcome.SUCCESS, null);
		return view(employee);
	}

	@Override
	@Transactional
	public EmployeeView suspend(long employeeId) {
		access.requireManage();
		Employee employee = existingEmployee(employeeId);
		if (employee.status() != EmployeeStatus.ACTIVE) {
			throw BusinessRuleException.conflict(null, "employee.notActive");
		}
		accounts.checkNotLastAdministrator(employeeId);
		employee.changeStatus(EmployeeStatus.SUSPENDED, null, now());
		accounts.disableForEmployee(employeeId);
		audit.record("employee.suspend", "employee", employeeId, employee.name() + " (" + employee.employeeNo() + ")",
				AuditOutcome.SUCCESS, null);
		return view(employee);
	}

	@Override
	@Transactional
	public EmployeeView reinstate(long employeeId) {
		access.requireManage();
		Employee employee = existingEmployee(employeeId);
		if (employee.status() != EmployeeStatus.SUSPENDED) {
			throw BusinessRuleException.conflict(null, "employee.notSuspended");
		}
		employee.changeStatus(EmployeeStatus.ACTIVE, null, now());
		accounts.enableForEmployee(employeeId);
		audit.record("employee.reinstate", "employee", employeeId,
				employee.name() + " (" + employee.employeeNo() + ")", AuditOutcome.SUCCESS, null);
		return view(employee);
	}

	@Override
	@Transactional
	public EmployeeView markLeft(long employeeId, LocalDate leftOn) {
		access.requireManage();
		Employee employee = existingEmployee(employeeId);
		if (employee.status() == EmployeeStatus.LEFT) {
			throw BusinessRuleException.conflict(null, "employee.alreadyLeft");
		}
		accounts.checkNotLastAdministrator(employeeId);
		employee.changeStatus(EmployeeStatus.LEFT, leftOn == null ? LocalDate.now(clock) : leftOn, now());
		accounts.disableForEmployee(employeeId);
		for (Department department : departments.findAll()) {
			if (Long.valueOf(employeeId).equals(department.headEmployeeId())) {
				department.setHead(null, now());
			}
		}
		for (Long groupId : groups.groupIdsOf(employeeId)) {
			groups.findById(groupId).ifPresent(g -> g.remove(employeeId));
		}
		audit.record("employee.leave", "employee", employeeId, employee.name() + " (" + employee.employeeNo() + ")",
				AuditOutcome.SUCCESS, "left on " + employee.leftOn());
		return view(employee);
	}

	private record Validated(String name, Department department, String position, Employee manager,
			String officePhone, String mobile, com.commhub.directory.EmploymentType employmentType) {
	}

	private Validated validate(EmployeeData data, Long selfId) {
		String name = required("name", data.name(), 50);
		if (data.departmentId() == null) {
			throw BusinessRuleException.invalid("departmentId", "validation.required");
		}
		Department department = activeDepartment("departmentId", data.departmentId());
		String position = optional("position", data.position(), 100);
		Employee manager = null;
		String managerNo = optional("managerEmployeeNo", data.managerEmployeeNo(), 32);
		if (managerNo != null) {
			manager = employees.findByEmployeeNo(managerNo)
				.orElseThrow(() -> BusinessRuleException.invalid("managerEmployeeNo", "employee.unknownManager", managerNo));
			if (manager.id().equals(selfId)) {
				throw BusinessRuleException.invalid("managerEmployeeNo", "employee.selfManager");
			}
			if (manager.status() == EmployeeStatus.LEFT) {
				throw BusinessRuleException.invalid("managerEmployeeNo", "employee.notActive");
			}
		}
		String office = optional("officePhone", data.officePhone(), 32);
		if (office != null) {
			office = PhoneNumbers.normaliseOffice(office)
				.orElseThrow(() -> BusinessRuleException.invalid("officePhone", "phone.badOffice"));
		}
		String mobile = optional("mobile", data.mobile(), 32);
		if (mobile != null) {
			mobile = PhoneNumbers.normaliseMobile(mobile)
				.orElseThrow(() -> BusinessRuleException.invalid("mobile", "phone.badMobile"));
		}
		if (data.employmentType() == null) {
			throw BusinessRuleException.invalid("employmentType", "validation.required");
		}
		return new Validated(name, department, position, manager, office, mobile, data.employmentType());
	}

	private void apply(Employee employee, Validated valid) {
		employee.update(valid.name(), Pinyin.of(valid.name()), valid.department().id(), valid.position(),
				valid.manager() == null ? null : valid.manager().id(), valid.officePhone(), valid.mobile(),
				valid.employmentType(), now());
	}

	// ---- groups ----

	@Override
	@Transactional
	public GroupView createGroup(String name, GroupKind kind, String description, Long ownerEmployeeId) {
		access.requireManage();
		String cleanName = required("name", name, 100);
		if (kind == null) {
			throw BusinessRuleException.invalid("kind", "validation.required");
		}
		if (groups.findActiveByName(cleanName).isPresent()) {
			throw BusinessRuleException.conflict("name", "group.duplicateName", cleanName);
		}
		WorkGroup group = new WorkGroup(cleanName, kind, optional("description", description, 500), now());
		if (ownerEmployeeId != null) {
			group.put(activeEmployee("ownerEmployeeId", ownerEmployeeId).id(), true);
		}
		group = groups.save(group);
		audit.record("group.create", "group", group.id(), cleanName, AuditOutcome.SUCCESS, null);
		return view(group);
	}

	@Override
	@Transactional
	public GroupView addGroupMember(long groupId, long employeeId, boolean owner) {
		WorkGroup group = manageableGroup(groupId);
		activeEmployee("employeeId", employeeId);
		group.put(employeeId, owner);
		audit.record("group.addMember", "group", groupId, group.name(), AuditOutcome.SUCCESS,
				"employee " + employeeId + (owner ? " (owner)" : ""));
		return view(group);
	}

	@Override
	@Transactional
	public GroupView removeGroupMember(long groupId, long employeeId) {
		WorkGroup group = manageableGroup(groupId);
		if (!group.isMember(employeeId)) {
			throw new NotFoundException("group member", employeeId);
		}
		group.remove(employeeId);
		audit.record("group.removeMember", "group", groupId, group.name(), AuditOutcome.SUCCESS,
				"employee " + employeeId);
		return view(group);
	}

	@Override
	@Transactional
	public GroupView deactivateGroup(long groupId) {
		access.requireManage();
		WorkGroup group = groups.findById(groupId).orElseThrow(() -> new NotFoundException("group", groupId));
		group.deactivate();
		audit.record("group.deactivate", "group", groupId, group.name(), AuditOutcome.SUCCESS, null);
		return view(group);
	}

	private WorkGroup manageableGroup(long groupId) {
		access.requireView();
		WorkGroup group = groups.findById(groupId).filter(WorkGroup::active)
			.orElseThrow(() -> new NotFoundException("group", groupId));
		if (!access.canManageGroup(view(group))) {
			throw new AccessDeniedException("group " + groupId);
		}
		return group;
	}

	// ---- queries ----

	@Override
	@Transactional(readOnly = true)
	public List<DepartmentView> departmentTree(boolean includeInactive) {
		access.requireView();
		List<Department> all = departments.findAll();
		Map<Long, List<Department>> children = new HashMap<>();
		List<Department> roots = new ArrayList<>();
		for (Department d : all) {
			if (!includeInactive && !d.active()) {
				continue;
			}
			if (d.parentId() == null) {
				roots.add(d);
			}
			else {
				children.computeIfAbsent(d.parentId(), k -> new ArrayList<>()).add(d);
			}
		}
		Map<Long, Department> byId = new HashMap<>();
		all.forEach(d -> byId.put(d.id(), d));
		Map<Long, String> headNames = headNames(all);
		Map<Long, Long> counts = memberCounts();
		List<DepartmentView> result = new ArrayList<>();
		roots.sort(Comparator.comparing(Department::code));
		for (Department root : roots) {
			walk(root, 0, children, byId, headNames, counts, result);
		}
		return result;
	}

	private void walk(Department d, int depth, Map<Long, List<Department>> children, Map<Long, Department> byId,
			Map<Long, String> headNames, Map<Long, Long> counts, List<DepartmentView> out) {
		Department parent = d.parentId() == null ? null : byId.get(d.parentId());
		out.add(new DepartmentView(d.id(), d.code(), d.name(), d.parentId(), parent == null ? null : parent.name(),
				d.headEmployeeId(), headNames.get(d.headEmployeeId()), d.active(), counts.getOrDefault(d.id(), 0L),
				depth));
		List<Department> kids = children.getOrDefault(d.id(), new ArrayList<>());
		kids.sort(Comparator.comparing(Department::code));
		for (Department kid : kids) {
			walk(kid, depth + 1, children, byId, headNames, counts, out);
		}
	}

	private Map<Long, String> headNames(List<Department> all) {
		List<Long> headIds = all.stream().map(Department::headEmployeeId).filter(java.util.Objects::nonNull).toList();
		Map<Long, String> names = new HashMap<>();
		employees.findByIdIn(headIds).forEach(e -> names.put(e.id(), e.name()));
		return names;
	}

	private Map<Long, Long> memberCounts() {
		Map<Long, Long> counts = new HashMap<>();
		for (Employee e : employees.findAll()) {
			if (e.status() != EmployeeStatus.LEFT) {
				counts.merge(e.departmentId(), 1L, Long::sum);
			}
		}
		return counts;
	}

	@Override
	@Transactional(readOnly = true)
	public DepartmentView department(long departmentId) {
		access.requireView();
		return view(existingDepartment(departmentId));
	}

	@Override
	@Transactional(readOnly = true)
	public PageResult<EmployeeView> searchEmployees(String q, Long departmentId, EmployeeStatus status, int page,
			int size) {
		access.requireView();
		List<Long> departmentIds = departmentId == null ? null : departments.subtree(departmentId);
		Specification<Employee> spec = (root, query, cb) -> {
			List<Predicate> predicates = new ArrayList<>();
			if (q != null && !q.isBlank()) {
				String term = q.trim().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "");
				String compact = term.replace(" ", "");
				predicates.add(cb.or(cb.like(cb.lower(root.get("name")), "%" + term + "%"),
						cb.like(cb.function("replace", String.class, root.get("namePinyin"), cb.literal(" "),
								cb.literal("")), compact + "%"),
						cb.like(root.get("namePinyin"), term + "%"),
						cb.like(cb.lower(root.get("employeeNo")), compact + "%"),
						cb.like(cb.lower(root.get("email")), compact + "%")));
			}
			if (departmentIds != null) {
				predicates.add(root.get("departmentId").in(departmentIds));
			}
			if (status != null) {
				predicates.add(cb.equal(root.get("status"), status));
			}
			return cb.and(predicates.toArray(Predicate[]::new));
		};
		var result = employees.findAll(spec, PageRequest.of(Math.max(0, page), Math.clamp(size, 1, 200),
				Sort.by("employeeNo")));
		return views(PageResult.of(result));
	}

	@Override
	@Transactional(readOnly = true)
	public EmployeeView employee(long employeeId) {
		access.requireView();
		return view(existingEmployee(employeeId));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<EmployeeView> employeeByNo(String employeeNo) {
		access.requireView();
		return employees.findByEmployeeNo(employeeNo).map(this::view);
	}

	@Override
	@Transactional(readOnly = true)
	public List<GroupView> groups() {
		access.requireView();
		return groups.findAllByOrderByActiveDescNameAsc().stream().map(this::view).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public GroupView group(long groupId) {
		access.requireView();
		return view(groups.findById(groupId).orElseThrow(() -> new NotFoundException("group", groupId)));
	}

	// ---- helpers ----

	private Department existingDepartment(long id) {
		return departments.findById(id).orElseThrow(() -> new NotFoundException("department", id));
	}

	private Department activeDepartment(String field, long id) {
		Department department = departments.findById(id)
			.orElseThrow(() -> BusinessRuleException.invalid(field, "department.unknown"));
		if (!department.active()) {
			throw BusinessRuleException.invalid(field, "department.inactive");
		}
		return department;
	}

	private Employee existingEmployee(long id) {
		return employees.findById(id).orElseThrow(() -> new NotFoundException("employee", id));
	}

	private Employee activeEmployee(String field, long id) {
		Employee employee = employees.findById(id)
			.orElseThrow(() -> BusinessRuleException.invalid(field, "employee.unknown"));
		if (employee.status() != EmployeeStatus.ACTIVE) {
			throw BusinessRuleException.invalid(field, "employee.notActive");
		}
		return employee;
	}

	private static String required(String field, String value, int max) {
		String clean = optional(field, value, max);
		if (clean == null) {
			throw BusinessRuleException.invalid(field, "validation.required");
		}
		return clean;
	}

	private static String optional(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String clean = value.strip();
		if (clean.length() > max) {
			throw BusinessRuleException.invalid(field, "validation.tooLong", max);
		}
		return clean;
	}

	private Instant now() {
		return Instant.now(clock);
	}

	DepartmentView view(Department d) {
		Department parent = d.parentId() == null ? null : departments.findById(d.parentId()).orElse(null);
		String head = d.headEmployeeId() == null ? null
				: employees.findById(d.headEmployeeId()).map(Employee::name).orElse(null);
		int depth = departments.chainUp(d.id()).size() - 1;
		return new DepartmentView(d.id(), d.code(), d.name(), d.parentId(), parent == null ? null : parent.name(),
				d.headEmployeeId(), head, d.active(),
				employees.countByDepartmentIdAndStatusNot(d.id(), EmployeeStatus.LEFT), depth);
	}

	EmployeeView view(Employee e) {
		return views(new PageResult<>(List.of(e), 0, 1, 1)).items().getFirst();
	}

	private PageResult<EmployeeView> views(PageResult<Employee> page) {
		List<Long> departmentIds = page.items().stream().map(Employee::departmentId).distinct().toList();
		Map<Long, Department> deps = new HashMap<>();
		departments.findAllById(departmentIds).forEach(d -> deps.put(d.id(), d));
		List<Long> managerIds = page.items().stream().map(Employee::managerId).filter(java.util.Objects::nonNull)
			.distinct().toList();
		Map<Long, Employee> managers = new HashMap<>();
		employees.findByIdIn(managerIds).forEach(m -> managers.put(m.id(), m));
		return page.map(e -> {
			Department d = deps.get(e.departmentId());
			Employee m = e.managerId() == null ? null : managers.get(e.managerId());
			return new EmployeeView(e.id(), e.employeeNo(), e.name(), e.namePinyin(), e.departmentId(),
					d == null ? null : d.code(), d == null ? null : d.name(), e.position(), e.managerId(),
					m == null ? null : m.name(), m == null ? null : m.employeeNo(), e.officePhone(), e.mobile(),
					e.email(), e.employmentType(), e.status(), e.hiredOn(), e.leftOn());
		});
	}

	GroupView view(WorkGroup g) {
		List<Long> ids = g.members().stream().map(WorkGroup.Membership::employeeId).toList();
		Map<Long, Employee> people = new HashMap<>();
		employees.findByIdIn(ids).forEach(e -> people.put(e.id(), e));
		Map<Long, String> deptNames = new HashMap<>();
		departments.findAllById(people.values().stream().map(Employee::departmentId).distinct().toList())
			.forEach(d -> deptNames.put(d.id(), d.name()));
		List<GroupView.Member> members = g.members().stream()
			.filter(m -> people.containsKey(m.employeeId()))
			.map(m -> {
				Employee e = people.get(m.employeeId());
				return new GroupView.Member(e.id(), e.employeeNo(), e.name(), deptNames.get(e.departmentId()),
						m.owner());
			})
			.sorted(Comparator.comparing(GroupView.Member::owner).reversed()
				.thenComparing(GroupView.Member::employeeNo))
			.toList();
		return new GroupView(g.id(), g.name(), g.kind(), g.description(), g.active(), members);
	}
}
