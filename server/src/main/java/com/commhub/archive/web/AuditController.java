package com.commhub.archive.web;

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

import com.commhub.archive.AuditQuery;
import com.commhub.archive.internal.AuditTrail;
import com.commhub.security.SecurityAccess;
import com.commhub.shared.FilteredSearch;
import com.commhub.shared.PageResult;

/**
 * The audit trail for auditors (SEC-7): a filter form and the newest rows first. With {@code HX-Request} only the
 * results fragment is rendered, so filtering and paging update the table in place.
 */
@Controller
class AuditController {

	static final String VIEW = "archive/audit";
	static final String RESULTS_FRAGMENT = VIEW + " :: results";
	static final int PAGE_SIZE = 50;

	private final AuditTrail trail;
	private final SecurityAccess access;
	private final Clock clock;

	AuditController(AuditTrail trail, SecurityAccess access, Clock clock) {
		this.trail = trail;
		this.access = access;
		this.clock = clock;
	}

	@InitBinder("filter")
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping("/audit")
	String audit(@ModelAttribute("filter") AuditFilterFormData filter, BindingResult result,
			@RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		access.requireAuditRead();
		model.addAttribute("zone", clock.getZone());
		PageResult<?> rows = FilteredSearch.run(() -> trail.search(AuditQuery.parse(filter.getAction(), filter.getActor(),
				filter.getOutcome(), filter.getFrom(), filter.getTo(), clock.getZone()), page, PAGE_SIZE), result, "from",
				PAGE_SIZE);
		model.addAttribute("rows", rows);
		model.addAttribute("htmx", htmx != null);
		return htmx != null ? RESULTS_FRAGMENT : VIEW;
	}
}
