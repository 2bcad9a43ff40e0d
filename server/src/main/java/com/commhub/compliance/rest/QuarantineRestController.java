package com.commhub.compliance.rest;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.commhub.compliance.internal.ApprovalService;
import com.commhub.compliance.internal.ApprovalService.ApprovalView;
import com.commhub.compliance.internal.ApprovalService.QuarantineItem;
import com.commhub.compliance.internal.ComplianceAccess;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The quarantine review queue (COMPLIANCE_MANAGE): items held by a QUARANTINE decision, released (delivered) or
 * discarded by a communication officer with a note. Anyone else gets 403 for the list and 404 for an item.
 */
@RestController
@RequestMapping("/api/v1/compliance/quarantine")
@Tag(name = "Compliance")
class QuarantineRestController {

	private final ApprovalService approvals;
	private final ComplianceAccess access;

	QuarantineRestController(ApprovalService approvals, ComplianceAccess access) {
		this.approvals = approvals;
		this.access = access;
	}

	record DecisionBody(String note) {
	}

	@GetMapping
	@Operation(summary = "Quarantined items waiting for review, oldest first, with the held decision (masked)")
	List<QuarantineItem> queue() {
		// before the read-only transaction: a refusal is audited
		access.requireManage();
		return approvals.quarantined();
	}

	@PostMapping("/{id}/release")
	@Operation(summary = "Release a quarantined item: the content module delivers it")
	ApprovalView release(@PathVariable long id, @RequestBody(required = false) DecisionBody body) {
		return approvals.release(id, body == null ? null : body.note());
	}

	@PostMapping("/{id}/discard")
	@Operation(summary = "Discard a quarantined item: the content module does not deliver it")
	ApprovalView discard(@PathVariable long id, @RequestBody(required = false) DecisionBody body) {
		return approvals.discard(id, body == null ? null : body.note());
	}
}
