package com.commhub.directory.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface WorkGroups extends JpaRepository<WorkGroup, Long> {

	@Query("select g from WorkGroup g where lower(g.name) = lower(?1) and g.active = true")
	Optional<WorkGroup> findActiveByName(String name);

	@Query(value = "select group_id from dir_group_member m join dir_group g on g.id = m.group_id "
			+ "where m.employee_id = ?1 and g.active", nativeQuery = true)
	List<Long> groupIdsOf(long employeeId);

	List<WorkGroup> findAllByOrderByActiveDescNameAsc();
}
