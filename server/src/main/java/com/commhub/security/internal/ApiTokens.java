package com.commhub.security.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface ApiTokens extends JpaRepository<ApiToken, Long> {

	Optional<ApiToken> findByTokenHash(String tokenHash);

	List<ApiToken> findByAccountIdAndKindOrderByCreatedAtDesc(Long accountId, ApiToken.Kind kind);

	@Modifying
	@Query("update ApiToken t set t.revokedAt = ?2 where t.accountId = ?1 and t.revokedAt is null")
	int revokeAllOf(Long accountId, Instant now);

	@Transactional
	@Modifying
	@Query("update ApiToken t set t.lastUsedAt = ?2 where t.id = ?1")
	void touch(Long tokenId, Instant now);
}
