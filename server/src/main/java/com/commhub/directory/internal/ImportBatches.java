package com.commhub.directory.internal;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ImportBatches extends JpaRepository<ImportBatch, Long> {

	/** The batch, locked until the end of the transaction so that it is imported at most once. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select b from ImportBatch b where b.id = ?1")
	Optional<ImportBatch> findForUpdate(long id);

	List<ImportBatch> findTop10ByCreatedByAccountIdOrderByIdDesc(long accountId);
}
