package com.commhub.mail.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.beans.BeanUtils;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import com.commhub.directory.DirectoryQueries;
import com.commhub.directory.EmployeeView;
import com.commhub.mail.MailFolder;
import com.commhub.mail.MailHit;
import com.commhub.mail.MailQueries;
import com.commhub.mail.MailSearch;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.Classification;
import com.commhub.shared.FilteredSearch;
import com.commhub.shared.PageResult;

/**
 * Mail search (MAIL-2): text (Chinese-aware, in the mail module) with filters for person, folder, date range,
 * attachments, classification, flag and label; hits with the matches highlighted. Only the viewer's own mailbox
 * items are ever searched.
 */
@Controller
class MailSearchController {

	static final String VIEW = "mail/search";
	static final int PAGE_SIZE = 20;

	private final MailQueries queries;
	private final DirectoryQueries directory;
	private final Clock clock;

	MailSearchController(MailQueries queries, DirectoryQueries directory, Clock clock) {
		this.queries = queries;
		this.directory = directory;
		this.clock = clock;
	}

	@InitBinder("search")
	void initBinder(WebDataBinder binder) {
		binder.setAllowedFields("text", "person", "folder", "from", "to", "withAttachments", "classification",
				"flagged", "labelId");
	}

	@GetMapping("/mail/search")
	String search(@ModelAttribute("search") MailSearchFormData search, BindingResult result,
			@RequestParam(defaultValue = "0") int page, Model model) {
		if (Mailbox.missing()) {
			return Mailbox.NONE;
		}
		PageResult<MailHit> hits = new PageResult<>(List.of(), 0, PAGE_SIZE, 0);
		if (search.any()) {
			MailSearch filters = filters(search, result);
			if (!result.hasErrors()) {
				hits = FilteredSearch.run(() -> run(filters, Math.max(page, 0)), result, "text", PAGE_SIZE);
			}
		}
		model.addAttribute("hits", hits);
		model.addAttribute("searched", search.any() && !result.hasErrors());
		model.addAttribute("folders", queries.folders());
		model.addAttribute("labels", queries.labels());
		model.addAttribute("levels", List.of(Classification.values()));
		model.addAttribute("zone", clock.getZone());
		return VIEW;
	}

	/** The search; a refusal naming a field this form does not have is shown at the text field. */
	private PageResult<MailHit> run(MailSearch filters, int page) {
		try {
			return queries.search(filters, page, PAGE_SIZE);
		}
		catch (BusinessRuleException ex) {
			if (ex.field() != null && BeanUtils.getPropertyDescriptor(MailSearchFormData.class, ex.field()) == null) {
				throw new BusinessRuleException(ex.kind(), "text", ex.messageCode(), ex.arguments());
			}
			throw ex;
		}
	}

	private MailSearch filters(MailSearchFormData search, BindingResult result) {
		search.setPersonEmployeeId(person(search.getPerson(), result));
		String folder = blankToNull(search.getFolder());
		if (folder != null) {
			try {
				folder = MailFolder.parse(folder, "folder").key();
			}
			catch (BusinessRuleException ex) {
				result.rejectValue("folder", ex.messageCode(), ex.arguments(), ex.messageCode());
			}
		}
		Classification level = null;
		if (blankToNull(search.getClassification()) != null) {
			level = Classification.parse(search.getClassification()).orElse(null);
			if (level == null) {
				result.rejectValue("classification", "validation.badValue");
			}
		}
		return new MailSearch(blankToNull(search.getText()), search.getPersonEmployeeId(), folder,
				date("from", search.getFrom(), result), date("to", search.getTo(), result),
				search.isWithAttachments() ? Boolean.TRUE : null, level, search.isFlagged() ? Boolean.TRUE : null,
				search.getLabelId());
	}

	/** The person typed as 工号 or name: exactly one employee, or a field error. */
	private Long person(String text, BindingResult result) {
		String value = blankToNull(text);
		if (value == null) {
			return null;
		}
		var byNumber = directory.employeeByNo(value);
		if (byNumber.isPresent()) {
			return byNumber.get().id();
		}
		PageResult<EmployeeView> found = directory.searchEmployees(value, null, null, 0, 2);
		if (found.total() == 1) {
			return found.items().get(0).id();
		}
		result.rejectValue("person", found.total() == 0 ? "mailui.search.personUnknown"
				: "mailui.search.personAmbiguous", new Object[] { value }, null);
		return null;
	}

	private static LocalDate date(String field, String text, BindingResult result) {
		String value = blankToNull(text);
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			result.rejectValue(field, "mailui.badDate", new Object[] { value }, null);
			return null;
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
