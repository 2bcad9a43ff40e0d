package com.commhub.mail.web;

import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.commhub.directory.DepartmentView;
import com.commhub.directory.DirectoryQueries;
import com.commhub.directory.EmployeeStatus;
import com.commhub.directory.EmployeeView;
import com.commhub.directory.GroupView;
import com.commhub.mail.Addressee;
import com.commhub.mail.CcSuggestion;
import com.commhub.mail.MailDraft;
import com.commhub.mail.MailManagement;
import com.commhub.mail.MailQueries;
import com.commhub.mail.MailSendResult;
import com.commhub.mail.MailView;
import com.commhub.mail.ReplyKind;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.FlashOutcome;

/**
 * The composer (MAIL-1): new mail, drafts, reply / reply all / forward; the recipient pickers' suggestions; draft
 * autosave; and the send path's answers on the page: MAIL-3 CC suggestions before sending, the policy tip with a
 * justification field (compliance warning), the clear refusal when blocked, "awaiting approval" when held. Whatever
 * the outcome short of sent, the composer comes back with everything typed and the draft saved.
 */
@Controller
class ComposeController {

	static final String VIEW = "mail/compose";
	static final String OPTIONS = "mail/fragments :: recipientOptions";
	static final int OPTIONS_PER_KIND = 6;
	private static final DateTimeFormatter SAVED_AT = DateTimeFormatter.ofPattern("HH:mm:ss");

	private final MailManagement mail;
	private final MailQueries queries;
	private final Composer composer;
	private final DirectoryQueries directory;
	private final MessageSource messages;
	private final Clock clock;

	ComposeController(MailManagement mail, MailQueries queries, Composer composer, DirectoryQueries directory,
			MessageSource messages, Clock clock) {
		this.mail = mail;
		this.queries = queries;
		this.composer = composer;
		this.directory = directory;
		this.messages = messages;
		this.clock = clock;
	}

	@InitBinder("form")
	void initBinder(WebDataBinder binder) {
		binder.setAllowedFields("draftId", "to", "cc", "bcc", "subject", "body", "classification", "attachmentIds",
				"receiptRequested", "followUpOn", "replyToMailId", "forwardOfMailId", "justification", "ccReviewed");
	}

	@GetMapping("/mail/compose")
	String compose(@RequestParam(required = false) Long draft, @RequestParam(required = false) String to,
			Model model) {
		if (Mailbox.missing()) {
			return Mailbox.NONE;
		}
		ComposeFormData form;
		if (draft != null) {
			form = composer.form(queries.draft(draft));
		}
		else {
			form = composer.blank();
			Addressee addressee = Composer.parse(to);
			if (addressee != null) {
				form.setTo(List.of(Composer.value(addressee)));
			}
		}
		return view(form, true, model);
	}

	/** Reply, reply all or forward: a prefilled composer in the mail's thread, saved once the user types. */
	@GetMapping("/mail/{itemId:\\d+}/reply")
	String reply(@PathVariable long itemId, @RequestParam(defaultValue = "REPLY") String kind, Model model) {
		MailDraft prepared = mail.prepareReply(itemId, replyKind(kind));
		model.addAttribute("replyKind", replyKind(kind));
		// the prepared body is the original's sanitised HTML quoted under an escaped header
		return view(composer.form(prepared), true, model);
	}

	@PostMapping("/mail/compose")
	String submit(@ModelAttribute("form") ComposeFormData form, BindingResult result,
			@RequestParam(defaultValue = "send") String action,
			@RequestParam(defaultValue = "false") boolean addSuggested, Model model, RedirectAttributes redirect) {
		MailDraft draft = composer.draft(form, result);
		if ("save".equals(action)) {
			return saveDraft(form, draft, result, model, redirect);
		}
		if (result.hasErrors()) {
			return view(form, keepDraft(form, draft), model);
		}
		if (addSuggested) {
			draft = withSuggestedCc(form, draft);
		}
		else if (!form.isCcReviewed() && draft.subject() != null && !draft.subject().isBlank()) {
			// MAIL-3: show the department heads to consider before the mail leaves; the next submit sends
			List<CcSuggestion> suggestions = suggestions(draft);
			form.setCcReviewed(true);
			if (!suggestions.isEmpty()) {
				model.addAttribute("suggestions", suggestions);
				return view(form, keepDraft(form, draft), model);
			}
		}
		MailSendResult sent;
		try {
			sent = mail.send(form.getDraftId(), draft, blankToNull(form.getJustification()));
		}
		catch (BusinessRuleException ex) {
			composer.reject(result, ex);
			return view(form, keepDraft(form, draft), model);
		}
		return switch (sent.status()) {
			case SENT -> done(redirect, "mailui.sent", sent.mail());
			case HELD_FOR_APPROVAL, QUARANTINED -> done(redirect, "mailui.sent.pending", sent.mail());
			case NEEDS_JUSTIFICATION, BLOCKED -> {
				boolean bodySafe = false;
				if (sent.mail() != null) {
					form.setDraftId(sent.mail().mailId());
					form.setBody(sent.mail().bodyHtml());
					bodySafe = true;
				}
				model.addAttribute("outcome", sent);
				if (sent.status() == MailSendResult.Status.NEEDS_JUSTIFICATION
						&& form.getJustification() != null && !form.getJustification().isBlank()) {
					result.rejectValue("justification", "mailui.compose.justificationRefused");
				}
				yield view(form, bodySafe, model);
			}
		};
	}

	/** Autosave (every few seconds and when the page is left): saves what can be read, answers the draft id. */
	@PostMapping("/mail/compose/autosave")
	@ResponseBody
	ResponseEntity<Map<String, Object>> autosave(@ModelAttribute("form") ComposeFormData form) {
		try {
			MailView saved = mail.saveDraft(form.getDraftId(), composer.draft(form, null));
			return ResponseEntity.ok(Map.of("draftId", saved.mailId(), "savedAt",
					LocalTime.now(clock).format(SAVED_AT)));
		}
		catch (BusinessRuleException ex) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("field", ex.field() == null ? "" : ex.field());
			body.put("detail", messages.getMessage(ex.messageCode(), ex.arguments(), ex.messageCode(),
					LocaleContextHolder.getLocale()));
			return ResponseEntity.badRequest().body(body);
		}
	}

	@PostMapping("/mail/drafts/{draftId:\\d+}/delete")
	String deleteDraft(@PathVariable long draftId, RedirectAttributes redirect) {
		return FlashOutcome.run(() -> mail.deleteDraft(draftId), "mailui.draft.deleted", redirect,
				"/mail/folder/DRAFTS");
	}

	/** The pickers' suggestions for what was typed: people, departments and groups (an htmx fragment). */
	@GetMapping("/mail/recipients")
	String recipients(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "to") String field,
			Model model) {
		String text = q.strip();
		List<RecipientOption> options = new ArrayList<>();
		if (!text.isEmpty() && text.length() <= 100) {
			for (EmployeeView e : directory.searchEmployees(text, null, EmployeeStatus.ACTIVE, 0, OPTIONS_PER_KIND)
				.items()) {
				options.add(new RecipientOption(Composer.value(Addressee.employee(e.id())),
						e.name() + " (" + e.employeeNo() + ")", Addressee.Kind.EMPLOYEE.name(), e.departmentName()));
			}
			String lower = text.toLowerCase(Locale.ROOT);
			directory.departmentTree(false).stream()
				.filter(d -> d.name().toLowerCase(Locale.ROOT).contains(lower)
						|| d.code().toLowerCase(Locale.ROOT).equals(lower))
				.limit(OPTIONS_PER_KIND)
				.forEach((DepartmentView d) -> options.add(new RecipientOption(Composer.value(Addressee.department(d.id())),
						d.name(), Addressee.Kind.DEPARTMENT.name(), d.parentName())));
			directory.groups().stream()
				.filter(g -> g.active() && g.name().toLowerCase(Locale.ROOT).contains(lower))
				.limit(OPTIONS_PER_KIND)
				.forEach((GroupView g) -> options.add(new RecipientOption(Composer.value(Addressee.group(g.id())),
						g.name(), Addressee.Kind.GROUP.name(), null)));
		}
		model.addAttribute("options", options);
		model.addAttribute("field", Composer.ADDRESS_FIELDS.contains(field) ? field : "to");
		model.addAttribute("query", text);
		return OPTIONS;
	}

	private String saveDraft(ComposeFormData form, MailDraft draft, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return view(form, keepDraft(form, draft), model);
		}
		try {
			MailView saved = mail.saveDraft(form.getDraftId(), draft);
			redirect.addFlashAttribute("done", "mailui.draft.saved");
			return "redirect:/mail/compose?draft=" + saved.mailId();
		}
		catch (BusinessRuleException ex) {
			composer.reject(result, ex);
			return view(form, false, model);
		}
	}

	/**
	 * Saves the composer's content as the draft so that a refused send loses nothing, not even on reload, and
	 * takes the body back as the mail module sanitised it.
	 *
	 * @return whether the form's body is now sanitised HTML (else the page shows it as text: nothing is lost)
	 */
	private boolean keepDraft(ComposeFormData form, MailDraft draft) {
		try {
			MailView saved = mail.saveDraft(form.getDraftId(), draft);
			form.setDraftId(saved.mailId());
			form.setBody(saved.bodyHtml());
			return true;
		}
		catch (BusinessRuleException ex) {
			return false;
		}
	}

	private List<CcSuggestion> suggestions(MailDraft draft) {
		try {
			return mail.suggestCc(draft);
		}
		catch (BusinessRuleException ex) {
			return List.of(); // sending reports what is wrong with the addressees
		}
	}

	private MailDraft withSuggestedCc(ComposeFormData form, MailDraft draft) {
		List<Addressee> cc = new ArrayList<>(draft.cc());
		for (CcSuggestion suggestion : suggestions(draft)) {
			if (!cc.contains(suggestion.addressee())) {
				cc.add(suggestion.addressee());
			}
		}
		form.setCc(cc.stream().map(Composer::value).toList());
		return new MailDraft(draft.to(), cc, draft.bcc(), draft.subject(), draft.bodyHtml(), draft.classification(),
				draft.fileIds(), draft.receiptRequested(), draft.followUpOn(), draft.replyToMailId(),
				draft.forwardOfMailId());
	}

	private static String done(RedirectAttributes redirect, String code, MailView mail) {
		redirect.addFlashAttribute("done", code);
		return "redirect:/mail/" + mail.itemId();
	}

	/** @param bodySafe the form's body is HTML sanitised by the mail module (else it is shown as text) */
	private String view(ComposeFormData form, boolean bodySafe, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("bodySafe", bodySafe);
		model.addAttribute("addressFields", Composer.ADDRESS_FIELDS);
		model.addAttribute("chips", composer.addressChips(form));
		model.addAttribute("attachments", composer.attachments(form));
		model.addAttribute("levels", composer.offeredLevels());
		return VIEW;
	}

	static ReplyKind replyKind(String text) {
		try {
			return ReplyKind.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw BusinessRuleException.invalid("kind", "validation.badValue");
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
