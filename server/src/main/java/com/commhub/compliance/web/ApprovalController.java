package com.commhub.compliance.web;

import java.time.Clock;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.commhub.compliance.internal.ApprovalService;
import com.commhub.shared.FlashOutcome;

/** The approver's queue: held items waiting for my decision, with approve/reject buttons. */
@Controller
class ApprovalController {

	static final String VIEW = "compliance/approvals";
	static final String TARGET = "/compliance/approvals";

	private final ApprovalService approvals;
	private final Clock clock;

	ApprovalController(ApprovalService approvals, Clock clock) {
		this.approvals = approvals;
		this.clock = clock;
	}

	@GetMapping("/compliance/approvals")
	String approvals(Model model) {
		model.addAttribute("zone", clock.getZone());
		model.addAttribute("items", approvals.mine());
		return VIEW;
	}

	@PostMapping("/compliance/approvals/{id}/approve")
	String approve(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
		return FlashOutcome.run(() -> approvals.approve(id, note), "compliance.approvals.approved", redirect, TARGET);
	}

	@PostMapping("/compliance/approvals/{id}/reject")
	String reject(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
		return FlashOutcome.run(() -> approvals.reject(id, note), "compliance.approvals.rejected", redirect, TARGET);
	}
}
