package com.commhub.compliance.rest;

import java.time.Clock;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.commhub.compliance.internal.ComplianceAccess;
import com.commhub.compliance.internal.EvidenceService;
import com.commhub.compliance.internal.EvidenceService.EvidenceQuery;
import com.commhub.compliance.internal.EvidenceService.EvidenceView;
import com.commhub.shared.PageResult;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/v1/compliance/evidence}: the evidence log (COMPLIANCE_MANAGE), newest first. */
@RestController
@RequestMapping("/api/v1/compliance/evidence")
@Tag(name = "Compliance")
class EvidenceRestController {

	private final EvidenceService evidence;
	private final ComplianceAccess access;
	private final Clock clock;

	EvidenceRestController(EvidenceService evidence, ComplianceAccess access, Clock clock) {
		this.evidence = evidence;
		this.access = access;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "Search the compliance evidence log",
			description = "Findings carry masked snippets only.")
	PageResult<EvidenceView> search(
			@Parameter(description = "ALLOW, AUDIT, WARN, REQUIRE_APPROVAL, QUARANTINE or BLOCK") @RequestParam(required = false) String action,
			@Parameter(description = "CHAT, MAIL, ANNOUNCEMENT, EXTERNAL_MAIL or FILE") @RequestParam(required = false) String channel,
			@Parameter(description = "date (inclusive, company time zone) or ISO offset date-time") @RequestParam(required = false) String from,
			@Parameter(description = "date (inclusive) or ISO offset date-time (exclusive)") @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		access.requireManage();
		return evidence.search(EvidenceQuery.parse(action, channel, from, to, clock.getZone()), page, size);
	}
}
