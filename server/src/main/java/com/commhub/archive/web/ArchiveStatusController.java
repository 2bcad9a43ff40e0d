package com.commhub.archive.web;

import java.time.Clock;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.commhub.archive.internal.ArchiveStatusService;

/** The archive status page (ARC-2): sealing progress, the last checkpoint, verification and the public key. */
@Controller
class ArchiveStatusController {

	static final String VIEW = "archive/status";

	private final ArchiveStatusService status;
	private final Clock clock;

	ArchiveStatusController(ArchiveStatusService status, Clock clock) {
		this.status = status;
		this.clock = clock;
	}

	@GetMapping("/archive")
	String status(Model model) {
		model.addAttribute("status", status.status());
		model.addAttribute("zone", clock.getZone());
		return VIEW;
	}
}
