package com.commhub.archive.web;

import java.time.Clock;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

import com.commhub.archive.LegalHold;
import com.commhub.archive.internal.LegalHoldService;
import com.commhub.shared.BusinessRuleException;

/** Legal holds (ARC-3): the list (active first), the create form and release with a reason. */
@Controller
class LegalHoldController {

	static final String VIEW = "archive/legal-holds";

	private final LegalHoldService holds;
	private final MessageSource messages;
	private final Clock clock;

	LegalHoldController(LegalHoldService holds, MessageSource messages, Clock clock) {
		this.holds = holds;
		this.messages = messages;
		this.clock = clock;
	}

	/** The hold whose release was refused, and why. */
	record ReleaseError(long id, String message) {
	}

	@InitBinder("form")
	void initBinder(WebDataBinder binder) {
		binder.setAllowedFields("caseId", "reason", "parties", "departmentId", "keyword", "from", "to");
	}

	@GetMapping("/archive/legal-holds")
	String page(@ModelAttribute("form") LegalHoldFormData form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("holds", holds.list());
		model.addAttribute("departments", holds.departments());
		model.addAttribute("zone", clock.getZone());
		return VIEW;
	}

	@PostMapping("/archive/legal-holds")
	String create(@ModelAttribute("form") LegalHoldFormData form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Long department = null;
		if (form.getDepartmentId() != null && !form.getDepartmentId().isBlank()) {
			try {
				department = Long.valueOf(form.getDepartmentId().trim());
			}
			catch (NumberFormatException ex) {
				result.rejectValue("departmentId", "archive.hold.badDepartment");
				return page(form, model);
			}
		}
		try {
			LegalHold hold = holds.create(form.toRequest(department));
			redirect.addFlashAttribute("flash", messages.getMessage("archive.hold.createdOk",
					new Object[] { hold.caseId() }, LocaleContextHolder.getLocale()));
			return "redirect:/archive/legal-holds";
		}
		catch (BusinessRuleException ex) {
			if (ex.field() == null) {
				result.reject(ex.messageCode(), ex.arguments(), ex.messageCode());
			}
			else {
				result.rejectValue(ex.field(), ex.messageCode(), ex.arguments(), ex.messageCode());
			}
			return page(form, model);
		}
	}

	@PostMapping("/archive/legal-holds/{id}/release")
	String release(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Model model,
			RedirectAttributes redirect) {
		try {
			LegalHold hold = holds.release(id, reason);
			redirect.addFlashAttribute("flash", messages.getMessage("archive.hold.releasedOk",
					new Object[] { hold.caseId() }, LocaleContextHolder.getLocale()));
			return "redirect:/archive/legal-holds";
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("releaseError", new ReleaseError(id, messages.getMessage(ex.messageCode(),
					ex.arguments(), ex.messageCode(), LocaleContextHolder.getLocale())));
			return page(new LegalHoldFormData(), model);
		}
	}
}
