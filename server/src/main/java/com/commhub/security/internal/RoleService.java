package com.commhub.security.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.commhub.security.AccountInfo;
import com.commhub.security.Audit;
import com.commhub.security.AuditOutcome;
import com.commhub.security.CurrentUser;
import com.commhub.security.DirectoryLookup;
import com.commhub.security.Permission;
import com.commhub.security.PermissionHolders;
import com.commhub.security.RoleGrants;
import com.commhub.security.RoleSubject;
import com.commhub.security.internal.RoleAssignment.SubjectType;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.NotFoundException;

/**
 * Roles, their permissions and who holds them (SEC-1). A role reaches an account directly, through the account's
 * department or any ancestor department, or through a group.
 */
@Service
public class RoleService implements RoleGrants, PermissionHolders {

	private final Roles roles;
	private final RoleAssignments assignments;
	private final AccountRepository accounts;
	private final DirectoryLookup directory;
	private final Audit audit;
	private final SecurityCache cache;
	private final Clock clock;

	RoleService(Roles roles, RoleAssignments assignments, AccountRepository accounts, DirectoryLookup directory,
			Audit audit, SecurityCache cache, Clock clock) {
		this.roles = roles;
		this.assignments = assignments;
		this.accounts = accounts;
		this.directory = directory;
		this.audit = audit;
		this.cache = cache;
		this.clock = clock;
	}

	public record RoleView(String code, String name, boolean privileged, Set<Permission> permissions,
			List<AssignmentView> assignments) {
	}

	public record AssignmentView(long id, String subjectType, long subjectId, String subjectLabel, Instant createdAt,
			String createdBy) {
	}

	public record Holder(long accountId, String username, String displayName, boolean enabled, List<String> via) {
	}

	public record PrivilegedRole(String code, String name, List<Holder> holders) {
	}

	@Transactional(readOnly = true)
	public Set<String> roleCodesOf(long accountId) {
		return effectiveRoles(accounts.findById(accountId).orElseThrow(() -> new NotFoundException("account", accountId)))
			.stream().map(Role::code).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
	}

	/**
	 * The account's current permissions (unmodifiable; cached, see {@link SecurityCache}). Not transactional: a cache
	 * hit costs no round trip; a miss runs its queries in their own read transactions.
	 */
	public Set<Permission> permissionsOf(long accountId) {
		return cache.get(new SecurityCache.PermissionsKey(accountId), () -> accounts.findById(accountId)
			.map(this::resolvePermissions)
			.orElse(Set.of()));
	}

	Set<Permission> permissionsOf(Account account) {
		return cache.get(new SecurityCache.PermissionsKey(account.id()), () -> resolvePermissions(account));
	}

	private Set<Permission> resolvePermissions(Account account) {
		Set<Permission> result = EnumSet.noneOf(Permission.class);
		effectiveRoles(account).forEach(role -> result.addAll(role.permissions()));
		return Collections.unmodifiableSet(result);
	}

	boolean isPrivileged(Account account) {
		return effectiveRoles(account).stream().anyMatch(Role::privileged);
	}

	private Set<Role> effectiveRoles(Account account) {
		List<RoleAssignment> found = new ArrayList<>(
				assignments.findBySubjectTypeAndSubjectIdIn(SubjectType.ACCOUNT, List.of(account.id())));
		if (account.employeeId() != null) {
			Set<Long> departments = directory.departmentChain(account.employeeId());
			if (!departments.isEmpty()) {
				found.addAll(assignments.findBySubjectTypeAndSubjectIdIn(SubjectType.DEPARTMENT, departments));
			}
			Set<Long> groups = directory.groupsOf(account.employeeId());
			if (!groups.isEmpty()) {
				found.addAll(assignments.findBySubjectTypeAndSubjectIdIn(SubjectType.GROUP, groups));
			}
		}
		Set<Long> roleIds = new HashSet<>();
		found.forEach(a -> roleIds.add(a.roleId()));
		return new HashSet<>(roles.findAllById(roleIds));
	}

	@Transactional(readOnly = true)
	public List<RoleView> list(Locale locale) {
		return roles.findAll().stream()
			.sorted(Comparator.comparing(Role::id))
			.map(role -> view(role, locale))
			.toList();
	}

	@Transactional(readOnly = true)
	public RoleView get(String code, Locale locale) {
		return view(role(code), locale);
	}

	private RoleView view(Role role, Locale locale) {
		List<AssignmentView> views = assignments.findByRoleId(role.id()).stream()
			.sorted(Comparator.comparing(RoleAssignment::id))
			.map(a -> new AssignmentView(a.id(), a.subjectType().name(), a.subjectId(), label(a), a.createdAt(),
					a.createdBy()))
			.toList();
		return new RoleView(role.code(), role.name(locale), role.privileged(), role.permissions(), views);
	}

	private String label(RoleAssignment assignment) {
		return switch (assignment.subjectType()) {
			case ACCOUNT -> accounts.findById(assignment.subjectId())
				.map(a -> a.displayName() + " (" + a.username() + ")")
				.orElse("#" + assignment.subjectId());
			case DEPARTMENT -> directory.label(DirectoryLookup.SubjectType.DEPARTMENT, assignment.subjectId())
				.orElse("#" + assignment.subjectId());
			case GROUP -> directory.label(DirectoryLookup.SubjectType.GROUP, assignment.subjectId())
				.orElse("#" + assignment.subjectId());
		};
	}

	@Transactional
	public AssignmentView assign(String roleCode, RoleSubject subject, long subjectId) {
		Role role = role(roleCode);
		SubjectType type;
		long id;
		switch (subject) {
			case EMPLOYEE -> {
				type = SubjectType.ACCOUNT;
				id = accounts.findByEmployeeId(subjectId)
					.orElseThrow(() -> BusinessRuleException.invalid("subjectId", "role.unknownSubject"))
					.id();
			}
			case ACCOUNT -> {
				type = SubjectType.ACCOUNT;
				id = accounts.findById(subjectId)
					.orElseThrow(() -> BusinessRuleException.invalid("subjectId", "role.unknownSubject"))
					.id();
			}
			case DEPARTMENT -> {
				type = SubjectType.DEPARTMENT;
				id = subjectId;
				directory.label(DirectoryLookup.SubjectType.DEPARTMENT, id)
					.orElseThrow(() -> BusinessRuleException.invalid("subjectId", "role.unknownSubject"));
			}
			case GROUP -> {
				type = SubjectType.GROUP;
				id = subjectId;
				directory.label(DirectoryLookup.SubjectType.GROUP, id)
					.orElseThrow(() -> BusinessRuleException.invalid("subjectId", "role.unknownSubject"));
			}
			default -> throw new IllegalStateException();
		}
		if (assignments.findByRoleIdAndSubjectTypeAndSubjectId(role.id(), type, id).isPresent()) {
			throw BusinessRuleException.conflict("subjectId", "role.alreadyAssigned");
		}
		String actor = CurrentUser.find().map(u -> u.getUsername()).orElse("system");
		RoleAssignment saved = assignments.save(new RoleAssignment(role.id(), type, id, Instant.now(clock), actor));
		String label = label(saved);
		audit.record("role.assign", "role", role.code(), role.code() + " → " + label, AuditOutcome.SUCCESS,
				type + ":" + id);
		return new AssignmentView(saved.id(), type.name(), id, label, saved.createdAt(), actor);
	}

	/**
	 * Assigns the role to the account with this username; for employees the username is their 工号, so the role
	 * page can take a 工号 without security depending on the directory.
	 */
	@Transactional
	public AssignmentView assignByUsername(String roleCode, String username) {
		String name = username == null ? "" : username.trim();
		if (name.isEmpty()) {
			throw BusinessRuleException.invalid("subjectId", "validation.required");
		}
		Account account = accounts.findByUsername(name)
			.orElseThrow(() -> BusinessRuleException.invalid("subjectId", "role.unknownSubject"));
		return assign(roleCode, RoleSubject.ACCOUNT, account.id());
	}

	/** Assigns without an acting user, for bootstrap and demo data. */
	@Override
	@Transactional
	public void grantAtStartup(String roleCode, RoleSubject subject, long subjectId) {
		Role role = role(roleCode);
		SubjectType type = switch (subject) {
			case EMPLOYEE, ACCOUNT -> SubjectType.ACCOUNT;
			case DEPARTMENT -> SubjectType.DEPARTMENT;
			case GROUP -> SubjectType.GROUP;
		};
		long id = subject == RoleSubject.EMPLOYEE ? accounts.findByEmployeeId(subjectId).orElseThrow().id()
				: subjectId;
		if (assignments.findByRoleIdAndSubjectTypeAndSubjectId(role.id(), type, id).isEmpty()) {
			assignments.save(new RoleAssignment(role.id(), type, id, Instant.now(clock), "system"));
		}
	}

	/**
	 * Replaces the role's permissions (SEC-1). The administrator role always keeps ROLE_MANAGE, so nobody can lock
	 * every administrator out of role management.
	 */
	@Transactional
	public RoleView setPermissions(String roleCode, Set<Permission> permissions, Locale locale) {
		Role role = role(roleCode);
		if (Role.ADMIN.equals(role.code()) && !permissions.contains(Permission.ROLE_MANAGE)) {
			throw BusinessRuleException.conflict("permissions", "role.adminKeepsRoleManage");
		}
		Set<Permission> before = role.permissions();
		for (Permission p : Permission.values()) {
			if (permissions.contains(p)) {
				role.grant(p);
			}
			else {
				role.revoke(p);
			}
		}
		roles.save(role);
		audit.record("role.permissions", "role", role.code(), role.code(), AuditOutcome.SUCCESS,
				before + " → " + role.permissions());
		return view(role, locale);
	}

	@Transactional
	public void unassign(String roleCode, long assignmentId) {
		Role role = role(roleCode);
		RoleAssignment assignment = assignments.findById(assignmentId)
			.filter(a -> a.roleId().equals(role.id()))
			.orElseThrow(() -> new NotFoundException("role assignment", assignmentId));
		String label = label(assignment);
		assignments.delete(assignment);
		assignments.flush();
		if (Role.ADMIN.equals(role.code()) && enabledHolders(role).isEmpty()) {
			throw BusinessRuleException.conflict(null, "role.lastAdministrator");
		}
		audit.record("role.unassign", "role", role.code(), role.code() + " → " + label, AuditOutcome.SUCCESS,
				assignment.subjectType() + ":" + assignment.subjectId());
	}

	/**
	 * Refuses when disabling this employee's account would leave no enabled administrator. Callers run it inside
	 * their transaction before disabling.
	 */
	@Transactional(readOnly = true)
	public void checkNotLastAdministrator(long employeeId) {
		Role admin = role(Role.ADMIN);
		var remaining = enabledHolders(admin).stream()
			.filter(h -> accounts.findById(h.accountId()).map(a -> !Long.valueOf(employeeId).equals(a.employeeId())).orElse(true))
			.toList();
		if (remaining.isEmpty()) {
			throw BusinessRuleException.conflict(null, "role.lastAdministrator");
		}
	}

	@Override
	@Transactional(readOnly = true)
	public List<AccountInfo> enabledHoldersOf(Permission permission) {
		Set<Long> accountIds = new TreeSet<>();
		roles.findAll().stream()
			.filter(role -> role.permissions().contains(permission))
			.forEach(role -> enabledHolders(role).forEach(h -> accountIds.add(h.accountId())));
		List<AccountInfo> result = new ArrayList<>();
		accounts.findAllById(accountIds).forEach(a -> result.add(new AccountInfo(a.id(), a.username(), a.enabled(),
				a.lastLoginAt())));
		result.sort(Comparator.comparingLong(AccountInfo::accountId));
		return result;
	}

	private List<Holder> enabledHolders(Role role) {
		return holders(role).stream().filter(Holder::enabled).toList();
	}

	/** Everyone who holds the role, expanded through departments and groups. */
	List<Holder> holders(Role role) {
		Map<Long, List<String>> via = new LinkedHashMap<>();
		Map<Long, Long> employeeToAccount = new LinkedHashMap<>();
		for (RoleAssignment a : assignments.findByRoleId(role.id())) {
			switch (a.subjectType()) {
				case ACCOUNT -> via.computeIfAbsent(a.subjectId(), k -> new ArrayList<>()).add("direct");
				case DEPARTMENT -> {
					String label = label(a);
					for (Long employeeId : directory.employeesInDepartmentTree(a.subjectId())) {
						employeeToAccount.put(employeeId, null);
						via.computeIfAbsent(-employeeId, k -> new ArrayList<>()).add(label);
					}
				}
				case GROUP -> {
					String label = label(a);
					for (Long employeeId : directory.membersOfGroup(a.subjectId())) {
						employeeToAccount.put(employeeId, null);
						via.computeIfAbsent(-employeeId, k -> new ArrayList<>()).add(label);
					}
				}
			}
		}
		// negative keys stand for employees, to be resolved to their accounts
		Map<Long, List<String>> byAccount = new LinkedHashMap<>();
		List<Account> employeeAccounts = employeeToAccount.isEmpty() ? List.of()
				: accounts.findByEmployeeIdIn(employeeToAccount.keySet());
		Map<Long, Account> accountByEmployee = new LinkedHashMap<>();
		employeeAccounts.forEach(acc -> accountByEmployee.put(acc.employeeId(), acc));
		via.forEach((key, reasons) -> {
			Long accountId = key >= 0 ? key
					: (accountByEmployee.containsKey(-key) ? accountByEmployee.get(-key).id() : null);
			if (accountId != null) {
				byAccount.computeIfAbsent(accountId, k -> new ArrayList<>()).addAll(reasons);
			}
		});
		Map<Long, Account> loaded = new LinkedHashMap<>();
		accounts.findByIdIn(byAccount.keySet()).forEach(acc -> loaded.put(acc.id(), acc));
		List<Holder> result = new ArrayList<>();
		byAccount.forEach((accountId, reasons) -> {
			Account acc = loaded.get(accountId);
			if (acc != null) {
				result.add(new Holder(acc.id(), acc.username(), acc.displayName(), acc.enabled(), List.copyOf(reasons)));
			}
		});
		result.sort(Comparator.comparing(Holder::username));
		return result;
	}

	/** SEC-1/SEC-2: who holds which privileged role. */
	@Transactional(readOnly = true)
	public List<PrivilegedRole> privilegedHolders(Locale locale) {
		return roles.findAll().stream()
			.filter(Role::privileged)
			.sorted(Comparator.comparing(Role::id))
			.map(role -> new PrivilegedRole(role.code(), role.name(locale), holders(role)))
			.toList();
	}

	private Role role(String code) {
		return roles.findByCode(code).orElseThrow(() -> new NotFoundException("role", code));
	}
}
