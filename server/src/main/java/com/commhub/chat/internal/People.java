package com.commhub.chat.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.commhub.directory.DepartmentView;
import com.commhub.directory.EmployeeStatus;
import com.commhub.directory.EmployeeView;
import com.commhub.directory.Organisation;

/**
 * Names, 工号 and departments of the people chat shows, from the directory, kept for a minute: a message list names
 * the same few senders again and again, and a renamed person shows under the new name within a minute.
 */
@Component
class People {

	private static final Duration TTL = Duration.ofMinutes(1);

	private final Organisation organisation;
	private final Clock clock;
	private final Map<Long, Cached> cache = new ConcurrentHashMap<>();
	private volatile Departments departments = new Departments(List.of(), Instant.EPOCH);

	People(Organisation organisation, Clock clock) {
		this.organisation = organisation;
		this.clock = clock;
	}

	/** The person, or a placeholder for an unknown id (never null). */
	Person of(long employeeId) {
		return all(List.of(employeeId)).get(employeeId);
	}

	Map<Long, Person> all(Collection<Long> employeeIds) {
		Instant now = Instant.now(clock);
		Map<Long, Person> result = new HashMap<>();
		List<Long> missing = new ArrayList<>();
		for (Long id : employeeIds) {
			Cached cached = cache.get(id);
			if (cached != null && cached.until.isAfter(now)) {
				result.put(id, cached.person);
			}
			else if (!result.containsKey(id)) {
				missing.add(id);
			}
		}
		if (!missing.isEmpty()) {
			Map<Long, EmployeeView> found = organisation.employees(missing);
			for (Long id : missing) {
				EmployeeView e = found.get(id);
				Person person = e == null ? new Person(id, "", "#" + id, null, "", false)
						: new Person(e.id(), e.employeeNo(), e.name(), e.departmentId(), e.departmentName(),
								e.status() == EmployeeStatus.ACTIVE);
				cache.put(id, new Cached(person, now.plus(TTL)));
				result.put(id, person);
			}
		}
		return result;
	}

	/** Active departments, kept for a minute. */
	List<DepartmentView> departments() {
		Departments current = departments;
		Instant now = Instant.now(clock);
		if (current.until.isBefore(now)) {
			current = new Departments(organisation.activeDepartments(), now.plus(TTL));
			departments = current;
		}
		return current.list;
	}

	/** Forgets what is kept (after the directory sync saw changes). */
	void refresh() {
		cache.clear();
		departments = new Departments(List.of(), Instant.EPOCH);
	}

	record Person(long id, String employeeNo, String name, Long departmentId, String departmentName, boolean active) {

		/** "工号 name", the way the archive names parties. */
		String label() {
			return employeeNo.isEmpty() ? name : employeeNo + " " + name;
		}
	}

	private record Cached(Person person, Instant until) {
	}

	private record Departments(List<DepartmentView> list, Instant until) {
	}
}
