package com.commhub.archive.web;

import java.time.Clock;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.commhub.archive.DisposalRun;
import com.commhub.archive.RetentionSchedule;
import com.commhub.archive.internal.DisposalService;
import com.commhub.archive.internal.RetentionService;
import com.commhub.shared.BusinessRuleException;

/**
 * Retention schedules (edited inline, one form per kind), "run disposal now" and the disposal certificates (ARC-3).
 * A refused value is shown next to its row's field with the value as entered.
 */
@Controller
class RetentionController {

	static final String VIEW = "archive/retention";

	private final RetentionService retention;
	private final DisposalService disposal;
	private final MessageSource messages;
	private final Clock clock;

	RetentionController(RetentionService retention, DisposalService disposal, MessageSource messages, Clock clock) {
		this.retention = retention;
		this.disposal = disposal;
		this.messages = messages;
		this.clock = clock;
	}

	/** The row that was refused: its kind, the value as entered and the message. */
	record RowError(String kind, String value, String message) {
	}

	@GetMapping("/archive/retention")
	String page(Model model) {
		model.addAttribute("schedules", retention.schedules());
		model.addAttribute("disposals", disposal.disposals(100));
		model.addAttribute("canManage", RetentionService.canManage());
		model.addAttribute("zone", clock.getZone());
		return VIEW;
	}

	@PostMapping("/archive/retention/{kind}")
	String update(@PathVariable String kind, @RequestParam(defaultValue = "") String retentionDays, Model model,
			RedirectAttributes redirect) {
		try {
			Integer days = null;
			if (!retentionDays.isBlank()) {
				try {
					days = Integer.valueOf(retentionDays.trim());
				}
				catch (NumberFormatException ex) {
					throw BusinessRuleException.invalid("retentionDays", "archive.retention.badNumber");
				}
			}
			RetentionSchedule saved = retention.update(kind, days);
			redirect.addFlashAttribute("flash", messages.getMessage("archive.retention.saved",
					new Object[] { label(saved) }, LocaleContextHolder.getLocale()));
			return "redirect:/archive/retention";
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("rowError", new RowError(kind, retentionDays, message(ex)));
			return page(model);
		}
	}

	@PostMapping("/archive/retention/disposals")
	String dispose(@RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect) {
		try {
			DisposalRun run = disposal.runNow(reason);
			redirect.addFlashAttribute("flash", messages.getMessage("archive.disposal.result",
					new Object[] { run.disposed(), run.held() }, LocaleContextHolder.getLocale()));
			return "redirect:/archive/retention";
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("disposalError", message(ex));
			model.addAttribute("reason", reason);
			return page(model);
		}
	}

	private String label(RetentionSchedule schedule) {
		return messages.getMessage("archive.recordKind." + schedule.kind().name(), null, schedule.kind().name(),
				LocaleContextHolder.getLocale());
	}

	private String message(BusinessRuleException ex) {
		return messages.getMessage(ex.messageCode(), ex.arguments(), ex.messageCode(), LocaleContextHolder.getLocale());
	}
}
