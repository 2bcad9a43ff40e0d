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
import com.commhub.compliance.internal.ComplianceAccess;
import com.commhub.shared.FlashOutcome;

/** The officer's quarantine review: held items with their decision, and release/discard with a note. */
@Controller
class QuarantineController {

	static final String VIEW = "compliance/quarantine";
	static final String TARGET = "/compliance/quarantine";

	private final ApprovalService approvals;
	private final ComplianceAccess access;
	private final Clock clock;

	QuarantineController(ApprovalService approvals, ComplianceAccess access, Clock clock) {
		this.approvals = approvals;
		this.access = access;
		this.clock = clock;
	}

	@GetMapping("/compliance/quarantine")
	String queue(Model model) {
		// before the read-only transaction: a refusal is audited
		access.requireManage();
		model.addAttribute("items", approvals.quarantined());
		model.addAttribute("zone", clock.getZone());
		return VIEW;
	}

	@PostMapping("/compliance/quarantine/{id}/release")
	String release(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
		return FlashOutcome.run(() -> approvals.release(id, note), "compliance.quarantine.released", redirect, TARGET);
	}

	@PostMapping("/compliance/quarantine/{id}/discard")
	String discard(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
		return FlashOutcome.run(() -> approvals.discard(id, note), "compliance.quarantine.discarded", redirect, TARGET);
	}
}
