package com.commhub.security.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface RecoveryCodes extends JpaRepository<RecoveryCode, Long> {

	List<RecoveryCode> findByAccountId(Long accountId);

	void deleteByAccountId(Long accountId);
}
