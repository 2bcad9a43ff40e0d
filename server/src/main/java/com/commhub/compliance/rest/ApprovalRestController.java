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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The approval queue: the items the caller is named to decide, and the decision. Any signed-in user; only the named
 * approver sees or decides an item (404 for everyone else).
 */
@RestController
@RequestMapping("/api/v1/compliance/approvals")
@Tag(name = "Compliance")
class ApprovalRestController {

	private final ApprovalService approvals;

	ApprovalRestController(ApprovalService approvals) {
		this.approvals = approvals;
	}

	record DecisionBody(String note) {
	}

	@GetMapping
	@Operation(summary = "Held items waiting for my decision, oldest first")
	List<ApprovalView> mine() {
		return approvals.mine();
	}

	@PostMapping("/{id}/approve")
	@Operation(summary = "Approve a held item: the content module releases it")
	ApprovalView approve(@PathVariable long id, @RequestBody(required = false) DecisionBody body) {
		return approvals.approve(id, body == null ? null : body.note());
	}

	@PostMapping("/{id}/reject")
	@Operation(summary = "Reject a held item: the content module discards it")
	ApprovalView reject(@PathVariable long id, @RequestBody(required = false) DecisionBody body) {
		return approvals.reject(id, body == null ? null : body.note());
	}
}
