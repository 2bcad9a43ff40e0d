package com.commhub.directory.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Departments extends JpaRepository<Department, Long> {

	@Query("select d from Department d where upper(d.code) = upper(?1)")
	Optional<Department> findByCode(String code);

	List<Department> findByParentId(Long parentId);

	/** The department and all its ancestors, up to the root. */
	@Query(value = """
			with recursive chain(id, parent_id) as (
			  select id, parent_id from dir_department where id = ?1
			  union all
			  select d.id, d.parent_id from dir_department d join chain c on d.id = c.parent_id
			) select id from chain""", nativeQuery = true)
	List<Long> chainUp(long departmentId);

	/** The department and all its descendants. */
	@Query(value = """
			with recursive tree(id) as (
			  select id from dir_department where id = ?1
			  union all
			  select d.id from dir_department d join tree t on d.parent_id = t.id
			) select id from tree""", nativeQuery = true)
	List<Long> subtree(long departmentId);
}
