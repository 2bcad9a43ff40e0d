package com.commhub.directory.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

import com.commhub.directory.EmployeeStatus;

interface Employees extends JpaRepository<Employee, Long>, JpaSpecificationExecutor<Employee> {

	@Query("select e from Employee e where upper(e.employeeNo) = upper(?1)")
	Optional<Employee> findByEmployeeNo(String employeeNo);

	@Query("select count(e) > 0 from Employee e where lower(e.email) = lower(?1)")
	boolean emailTaken(String email);

	List<Employee> findByDepartmentIdInAndStatus(Collection<Long> departmentIds, EmployeeStatus status);

	long countByDepartmentIdAndStatusNot(Long departmentId, EmployeeStatus status);

	List<Employee> findByIdIn(Collection<Long> ids);
}
