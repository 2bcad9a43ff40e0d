package com.commhub.mail.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.commhub.mail.Addressee;
import com.commhub.mail.AddresseeView;
import com.commhub.mail.PersonRef;
import com.commhub.security.DirectoryLookup;

/**
 * What mail needs of the directory: names, departments and their heads, and the expansion of departments and
 * groups. Reads the directory tables directly (read-only): held mails are released in the approver's request and
 * reminders run without any user, while {@code DirectoryQueries} demands the reader's DIRECTORY_VIEW.
 */
@Component
class MailDirectory {

	private final JdbcClient jdbc;
	private final DirectoryLookup lookup;

	MailDirectory(JdbcClient jdbc, DirectoryLookup lookup) {
		this.jdbc = jdbc;
		this.lookup = lookup;
	}

	record Employee(long id, String employeeNo, String name, long departmentId, String departmentName, boolean active) {

		PersonRef ref() {
			return new PersonRef(id, employeeNo, name, departmentName);
		}

		String label() {
			return employeeNo + " " + name;
		}
	}

	record Department(long id, String name, Long parentId, Long headId, boolean active) {
	}

	Map<Long, Employee> employees(Collection<Long> ids) {
		Map<Long, Employee> result = new HashMap<>();
		if (ids.isEmpty()) {
			return result;
		}
		jdbc.sql("""
				select e.id, e.employee_no, e.name, e.department_id, d.name as department_name, e.status = 'ACTIVE' as active
				from dir_employee e join dir_department d on d.id = e.department_id where e.id in (:ids)""")
			.param("ids", Set.copyOf(ids))
			.query((rs, n) -> new Employee(rs.getLong("id"), rs.getString("employee_no"), rs.getString("name"),
					rs.getLong("department_id"), rs.getString("department_name"), rs.getBoolean("active")))
			.list()
			.forEach(e -> result.put(e.id(), e));
		return result;
	}

	Optional<Employee> employee(long id) {
		return Optional.ofNullable(employees(List.of(id)).get(id));
	}

	Optional<Department> department(long id) {
		return jdbc.sql("select id, name, parent_id, head_employee_id, active from dir_department where id = ?")
			.param(id)
			.query((rs, n) -> new Department(rs.getLong("id"), rs.getString("name"),
					(Long) rs.getObject("parent_id"), (Long) rs.getObject("head_employee_id"), rs.getBoolean("active")))
			.optional();
	}

	Optional<String> groupName(long id) {
		return jdbc.sql("select name from dir_group where id = ? and active").param(id).query(String.class).optional();
	}

	/** Whether the addressee exists (an active department or group, or an employee who has not left). */
	boolean exists(Addressee addressee) {
		return switch (addressee.kind()) {
			case EMPLOYEE -> employee(addressee.id()).filter(Employee::active).isPresent();
			case DEPARTMENT -> department(addressee.id()).filter(Department::active).isPresent();
			case GROUP -> groupName(addressee.id()).isPresent();
		};
	}

	/** The active employees an addressee reaches now. */
	Set<Long> expand(Addressee addressee) {
		return switch (addressee.kind()) {
			case EMPLOYEE -> Set.of(addressee.id());
			case DEPARTMENT -> lookup.employeesInDepartmentTree(addressee.id());
			case GROUP -> Set.copyOf(jdbc.sql("""
					select m.employee_id from dir_group_member m join dir_employee e on e.id = m.employee_id
					where m.group_id = ? and e.status = 'ACTIVE'""").param(addressee.id()).query(Long.class).list());
		};
	}

	AddresseeView view(Addressee addressee, Map<Long, Employee> known) {
		String name = switch (addressee.kind()) {
			case EMPLOYEE -> Optional.ofNullable(known.get(addressee.id())).or(() -> employee(addressee.id()))
				.map(Employee::name).orElse("#" + addressee.id());
			case DEPARTMENT -> department(addressee.id()).map(Department::name).orElse("#" + addressee.id());
			case GROUP -> jdbc.sql("select name from dir_group where id = ?").param(addressee.id()).query(String.class)
				.optional().orElse("#" + addressee.id());
		};
		return new AddresseeView(addressee.kind(), addressee.id(), name);
	}

	Set<Long> departmentChain(long employeeId) {
		return lookup.departmentChain(employeeId);
	}

	/**
	 * Who approves the sender's held mail: the head of their department, or of the parent department when the
	 * sender heads their own (up the tree until someone else heads it).
	 */
	Optional<Employee> approverFor(long senderEmployeeId) {
		Optional<Employee> sender = employee(senderEmployeeId);
		if (sender.isEmpty()) {
			return Optional.empty();
		}
		Optional<Department> department = department(sender.get().departmentId());
		while (department.isPresent()) {
			Long head = department.get().headId();
			if (head != null && head != senderEmployeeId) {
				return employee(head);
			}
			Long parent = department.get().parentId();
			department = parent == null ? Optional.empty() : department(parent);
		}
		return Optional.empty();
	}
}
