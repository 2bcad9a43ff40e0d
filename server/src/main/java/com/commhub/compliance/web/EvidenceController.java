package com.commhub.compliance.web;

import java.time.Clock;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import com.commhub.compliance.Channel;
import com.commhub.compliance.PolicyAction;
import com.commhub.compliance.internal.ComplianceAccess;
import com.commhub.compliance.internal.EvidenceService;
import com.commhub.compliance.internal.EvidenceService.EvidenceQuery;
import com.commhub.compliance.internal.EvidenceService.EvidenceView;
import com.commhub.shared.FilteredSearch;
import com.commhub.shared.PageResult;

/**
 * The communication officer's evidence log: a filter form and the newest decisions first. With {@code HX-Request}
 * only the results fragment is rendered.
 */
@Controller
class EvidenceController {

	static final String VIEW = "compliance/evidence";
	static final String RESULTS_FRAGMENT = VIEW + " :: results";
	static final int PAGE_SIZE = 50;

	private final EvidenceService evidence;
	private final ComplianceAccess access;
	private final Clock clock;

	EvidenceController(EvidenceService evidence, ComplianceAccess access, Clock clock) {
		this.evidence = evidence;
		this.access = access;
		this.clock = clock;
	}

	@InitBinder("filter")
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping("/compliance/evidence")
	String evidence(@ModelAttribute("filter") EvidenceFilterFormData filter, BindingResult result,
			@RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		access.requireManage();
		model.addAttribute("zone", clock.getZone());
		model.addAttribute("actions", PolicyAction.values());
		model.addAttribute("channels", Channel.values());
		PageResult<EvidenceView> rows = FilteredSearch.run(() -> evidence.search(EvidenceQuery.parse(filter.getAction(),
				filter.getChannel(), filter.getFrom(), filter.getTo(), clock.getZone()), page, PAGE_SIZE), result, "from",
				PAGE_SIZE);
		model.addAttribute("rows", rows);
		model.addAttribute("htmx", htmx != null);
		return htmx != null ? RESULTS_FRAGMENT : VIEW;
	}
}
