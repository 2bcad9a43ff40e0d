package com.commhub.security.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Roles extends JpaRepository<Role, Long> {

	Optional<Role> findByCode(String code);
}
