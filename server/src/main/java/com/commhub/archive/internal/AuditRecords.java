package com.commhub.archive.internal;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface AuditRecords extends JpaRepository<AuditRecord, Long>, JpaSpecificationExecutor<AuditRecord> {
}
