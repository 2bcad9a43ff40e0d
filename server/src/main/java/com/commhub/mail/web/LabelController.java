package com.commhub.mail.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.commhub.mail.MailManagement;
import com.commhub.mail.MailQueries;
import com.commhub.shared.FlashOutcome;

/** The viewer's personal mail labels (MAIL-2): create, rename and recolour, delete. */
@Controller
class LabelController {

	static final String VIEW = "mail/labels";
	static final String TARGET = "/mail/labels";

	private final MailManagement mail;
	private final MailQueries queries;

	LabelController(MailManagement mail, MailQueries queries) {
		this.mail = mail;
		this.queries = queries;
	}

	@GetMapping("/mail/labels")
	String labels(Model model) {
		if (Mailbox.missing()) {
			return Mailbox.NONE;
		}
		model.addAttribute("labels", queries.labels());
		return VIEW;
	}

	@PostMapping("/mail/labels")
	String create(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) String colour,
			RedirectAttributes redirect) {
		return FlashOutcome.run(() -> mail.createLabel(name, blankToNull(colour)), "mailui.labels.created", redirect,
				TARGET);
	}

	@PostMapping("/mail/labels/{labelId:\\d+}")
	String update(@PathVariable long labelId, @RequestParam(defaultValue = "") String name,
			@RequestParam(required = false) String colour, RedirectAttributes redirect) {
		return FlashOutcome.run(() -> mail.updateLabel(labelId, name, blankToNull(colour)), "mailui.labels.updated",
				redirect, TARGET);
	}

	@PostMapping("/mail/labels/{labelId:\\d+}/delete")
	String delete(@PathVariable long labelId, RedirectAttributes redirect) {
		return FlashOutcome.run(() -> mail.deleteLabel(labelId), "mailui.labels.deleted", redirect, TARGET);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
