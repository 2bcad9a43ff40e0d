package com.commhub.security.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<Account, Long> {

	@Query("select a from Account a where lower(a.username) = lower(?1)")
	Optional<Account> findByUsername(String username);

	Optional<Account> findByEmployeeId(Long employeeId);

	List<Account> findByIdIn(java.util.Collection<Long> ids);

	List<Account> findByEmployeeIdIn(java.util.Collection<Long> employeeIds);
}
