package com.commhub.security.internal;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface PasswordHistory extends JpaRepository<PasswordHistoryEntry, Long> {

	List<PasswordHistoryEntry> findByAccountIdOrderByCreatedAtDescIdDesc(Long accountId, Limit limit);
}
