package com.commhub.archive.rest;

import java.time.Clock;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.commhub.archive.AuditEventView;
import com.commhub.archive.AuditQuery;
import com.commhub.archive.internal.AuditTrail;
import com.commhub.security.SecurityAccess;
import com.commhub.shared.PageResult;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/v1/audit-events}: the audit trail (SEC-7), newest first, for holders of AUDIT_READ. */
@RestController
@RequestMapping("/api/v1/audit-events")
@Tag(name = "Audit trail")
class AuditRestController {

	private final AuditTrail trail;
	private final SecurityAccess access;
	private final Clock clock;

	AuditRestController(AuditTrail trail, SecurityAccess access, Clock clock) {
		this.trail = trail;
		this.access = access;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "Search the audit trail")
	PageResult<AuditEventView> search(
			@Parameter(description = "action prefix, e.g. signin or role.") @RequestParam(required = false) String action,
			@Parameter(description = "actor username") @RequestParam(required = false) String actor,
			@Parameter(description = "SUCCESS, FAILURE or DENIED") @RequestParam(required = false) String outcome,
			@Parameter(description = "ISO instant or date (Asia/Shanghai), inclusive") @RequestParam(required = false) String from,
			@Parameter(description = "ISO instant (exclusive) or date (inclusive)") @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		access.requireAuditRead();
		AuditQuery query = AuditQuery.parse(action, actor, outcome, from, to, clock.getZone());
		return trail.search(query, page, size);
	}
}
