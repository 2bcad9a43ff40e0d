package com.commhub.archive.web;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.commhub.archive.AccessRequestStatus;
import com.commhub.archive.AccessRequestView;
import com.commhub.archive.ArchiveSearchResult;
import com.commhub.archive.RecordKind;
import com.commhub.archive.internal.AccessExports;
import com.commhub.archive.internal.AccessRequests;
import com.commhub.archive.internal.ArchiveSearch;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.FlashOutcome;
import com.commhub.shared.Classification;
import com.commhub.shared.PageResult;

/**
 * Archive access (ARC-4) in the browser: my requests and the request form, the approvers' queue, one request with
 * its decision buttons, the search within an approved scope and the record page. Refusals of the service (403, 404)
 * become the error pages; rule violations are shown next to the field or as a message.
 */
@Controller
class AccessRequestController {

	static final String LIST = "archive/access-requests";
	static final String FORM = "archive/access-request-form";
	static final String DETAIL = "archive/access-request";
	static final String APPROVALS = "archive/access-approvals";
	static final String SEARCH = "archive/access-search";
	static final String RECORD = "archive/access-record";

	private final AccessRequests requests;
	private final ArchiveSearch search;
	private final AccessExports exports;
	private final Clock clock;

	AccessRequestController(AccessRequests requests, ArchiveSearch search, AccessExports exports, Clock clock) {
		this.requests = requests;
		this.search = search;
		this.exports = exports;
		this.clock = clock;
	}

	@InitBinder({ "form", "filter" })
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@ModelAttribute("zone")
	java.time.ZoneId zone() {
		return clock.getZone();
	}

	@GetMapping("/archive/access")
	String mine(Model model) {
		model.addAttribute("requests", requests.mine());
		model.addAttribute("approver", AccessRequests.canApprove());
		return LIST;
	}

	@GetMapping("/archive/access/new")
	String newRequest(Model model) {
		return form(model, new AccessRequestFormData());
	}

	private String form(Model model, AccessRequestFormData form) {
		model.addAttribute("form", form);
		model.addAttribute("departments", requests.departments());
		model.addAttribute("kinds", RecordKind.values());
		model.addAttribute("levels", Classification.values());
		return FORM;
	}

	@PostMapping("/archive/access")
	String create(@ModelAttribute("form") AccessRequestFormData form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		try {
			AccessRequestView created = requests.create(form.toRequest());
			redirect.addFlashAttribute("done", "archive.access.done.created");
			return "redirect:/archive/access/" + created.id();
		}
		catch (BusinessRuleException ex) {
			result.rejectValue(ex.field() == null ? "purpose" : ex.field(), ex.messageCode(), ex.arguments(),
					ex.messageCode());
			return form(model, form);
		}
	}

	@GetMapping("/archive/access/approvals")
	String approvals(Model model) {
		model.addAttribute("requests", requests.pendingForMe());
		return APPROVALS;
	}

	@GetMapping("/archive/access/{id}")
	String detail(@PathVariable long id, Model model) {
		AccessRequestView request = requests.get(id);
		boolean mine = requests.isMine(id);
		model.addAttribute("request", request);
		model.addAttribute("mine", mine);
		model.addAttribute("canDecide", !mine && AccessRequests.canApprove()
				&& request.status() == AccessRequestStatus.PENDING);
		return DETAIL;
	}

	@PostMapping("/archive/access/{id}/approve")
	String approve(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return FlashOutcome.run(() -> requests.approve(id, reason), "archive.access.done.approved",
				redirect, "/archive/access/" + id);
	}

	@PostMapping("/archive/access/{id}/reject")
	String reject(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return FlashOutcome.run(() -> requests.reject(id, reason), "archive.access.done.rejected",
				redirect, "/archive/access/" + id);
	}

	@PostMapping("/archive/access/{id}/withdraw")
	String withdraw(@PathVariable long id, RedirectAttributes redirect) {
		return FlashOutcome.run(() -> requests.withdraw(id), "archive.access.done.withdrawn",
				redirect, "/archive/access/" + id);
	}

	@GetMapping("/archive/access/{id}/search")
	String search(@PathVariable long id, @ModelAttribute("filter") ArchiveSearchFormData filter, BindingResult result,
			@RequestParam(defaultValue = "0") int page, Model model) {
		AccessRequestView request = search.active(id);
		try {
			return searchPage(request, search.search(id, filter.toQuery(), page), model);
		}
		catch (BusinessRuleException ex) {
			return searchPage(request, ex, result, model);
		}
	}

	private String searchPage(AccessRequestView request, ArchiveSearchResult found, Model model) {
		model.addAttribute("request", request);
		model.addAttribute("kinds", RecordKind.values());
		model.addAttribute("levels", Classification.values());
		model.addAttribute("result", found);
		return SEARCH;
	}

	/** The search page without results, the problem named next to its field. */
	private String searchPage(AccessRequestView request, BusinessRuleException ex, BindingResult result, Model model) {
		result.rejectValue(ex.field() == null ? "q" : ex.field(), ex.messageCode(), ex.arguments(), ex.messageCode());
		return searchPage(request,
				new ArchiveSearchResult(new PageResult<>(List.of(), 0, ArchiveSearch.PAGE_SIZE, 0), List.of(), false),
				model);
	}

	/** The search page's export button: the current filters' hits, or the whole scope when there are none. */
	@GetMapping("/archive/access/{id}/export")
	String export(@PathVariable long id, @ModelAttribute("filter") ArchiveSearchFormData filter, BindingResult result,
			Model model, HttpServletResponse response) throws IOException {
		AccessExports.Prepared prepared;
		try {
			prepared = exports.prepare(id, filter.toQuery());
		}
		catch (BusinessRuleException ex) {
			return searchPage(search.active(id), ex, result, model);
		}
		response.setContentType("application/zip");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + prepared.fileName() + "\"");
		exports.write(prepared, response.getOutputStream());
		return null;
	}

	@GetMapping("/archive/access/{id}/entries/{entryId}")
	String record(@PathVariable long id, @PathVariable long entryId, Model model) {
		model.addAttribute("record", search.open(id, entryId));
		model.addAttribute("request", search.active(id));
		return RECORD;
	}
}
