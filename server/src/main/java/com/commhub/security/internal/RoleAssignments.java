package com.commhub.security.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface RoleAssignments extends JpaRepository<RoleAssignment, Long> {

	List<RoleAssignment> findByRoleId(Long roleId);

	List<RoleAssignment> findBySubjectTypeAndSubjectIdIn(RoleAssignment.SubjectType type, Collection<Long> ids);

	Optional<RoleAssignment> findByRoleIdAndSubjectTypeAndSubjectId(Long roleId, RoleAssignment.SubjectType type,
			Long subjectId);
}
