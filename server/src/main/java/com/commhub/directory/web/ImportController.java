package com.commhub.directory.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.commhub.directory.DirectoryAccess;
import com.commhub.directory.internal.DirectoryImportService;
import com.commhub.directory.internal.ImportAccountsCache;
import com.commhub.directory.internal.ImportKind;
import com.commhub.directory.internal.ImportRejectedException;
import com.commhub.directory.internal.ImportReport;
import com.commhub.directory.internal.ImportResult;
import com.commhub.directory.internal.ImportRowError;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.NotFoundException;

/**
 * Bulk import of departments and employees (DIR-7): upload → dry-run report → confirm → the created accounts with
 * their initial passwords, shown once (and downloadable once as CSV, from memory). The result page is the answer to
 * the confirming POST itself, so the passwords never pass through the session, which is stored in the database.
 */
@Controller
@RequestMapping("/directory/import")
class ImportController {

	static final String FORM_VIEW = "directory/import";
	static final String REPORT_VIEW = "directory/import-report";
	static final String REPORT_FRAGMENT = REPORT_VIEW + " :: report";
	static final String RESULT_VIEW = "directory/import-result";

	/** One line of the report table, in the reader's language. */
	record ErrorLine(int row, String field, String column, String message) {
	}

	private final DirectoryImportService imports;
	private final ImportAccountsCache downloads;
	private final DirectoryAccess access;
	private final MessageSource messages;

	ImportController(DirectoryImportService imports, ImportAccountsCache downloads, DirectoryAccess access,
			MessageSource messages) {
		this.imports = imports;
		this.downloads = downloads;
		this.access = access;
		this.messages = messages;
	}

	@InitBinder("form")
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping
	String form(@ModelAttribute("form") ImportFormData form, Model model) {
		access.requireImport();
		return formPage(model);
	}

	@PostMapping
	String upload(@ModelAttribute("form") ImportFormData form, BindingResult result, Model model) {
		access.requireImport();
		ImportReport report;
		try {
			var file = form.getFile();
			report = imports.dryRun(form.getKind(), file == null ? null : file.getOriginalFilename(), file);
		}
		catch (BusinessRuleException ex) {
			String field = "kind".equals(ex.field()) ? "kind" : "file";
			result.rejectValue(field, ex.messageCode(), ex.arguments(), ex.messageCode());
			return formPage(model);
		}
		return "redirect:/directory/import/" + report.id();
	}

	@GetMapping("/{id}")
	String report(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model) {
		ImportReport report = imports.report(id);
		model.addAttribute("report", report);
		model.addAttribute("errors", lines(report.errors()));
		model.addAttribute("badRows", report.errors().stream().map(ImportRowError::row).distinct().count());
		return htmx != null ? REPORT_FRAGMENT : REPORT_VIEW;
	}

	@PostMapping("/{id}/confirm")
	String confirm(@PathVariable long id, Model model, RedirectAttributes redirect) {
		ImportResult result;
		try {
			result = imports.confirm(id);
		}
		catch (ImportRejectedException ex) {
			// resolved to text before the redirect: the session (in the database) only holds the message
			redirect.addFlashAttribute("flashMessage", text("import.report.refused", LocaleContextHolder.getLocale()));
			return "redirect:/directory/import/" + id;
		}
		catch (BusinessRuleException ex) {
			redirect.addFlashAttribute("flashError", messages.getMessage(ex.messageCode(), ex.arguments(),
					ex.messageCode(), LocaleContextHolder.getLocale()));
			return "redirect:/directory/import/" + id;
		}
		if (!result.accounts().isEmpty()) {
			downloads.put(id, result.accounts());
		}
		model.addAttribute("result", result);
		return RESULT_VIEW;
	}

	/** The accounts and initial passwords of the import just confirmed, once, as CSV (UTF-8 with BOM, for Excel). */
	@GetMapping("/{id}/accounts.csv")
	ResponseEntity<byte[]> accounts(@PathVariable long id) {
		imports.report(id);
		List<ImportResult.ImportedAccount> accounts = downloads.take(id)
			.orElseThrow(() -> new NotFoundException("import accounts", id));
		Locale locale = LocaleContextHolder.getLocale();
		StringBuilder csv = new StringBuilder("\uFEFF");
		try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.DEFAULT)) {
			printer.printRecord(text("import.column.employee_no", locale), text("import.result.name", locale),
					text("import.result.department", locale), text("import.result.username", locale),
					text("import.result.initialPassword", locale));
			for (ImportResult.ImportedAccount a : accounts) {
				printer.printRecord(a.employeeNo(), safe(a.name()), safe(a.departmentName()), a.username(),
						a.initialPassword());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return csv(csv.toString(), "import-" + id + "-accounts.csv");
	}

	/** An empty file of the kind with its header row and one example row. */
	@GetMapping("/template/{kind}.csv")
	ResponseEntity<byte[]> template(@PathVariable String kind) {
		access.requireImport();
		ImportKind importKind = ImportKind.parse(kind).orElseThrow(() -> new NotFoundException("template", kind));
		StringBuilder csv = new StringBuilder("\uFEFF");
		try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.DEFAULT)) {
			printer.printRecord(importKind.columns().stream().map(ImportKind.Column::chinese).toList());
			printer.printRecord(importKind == ImportKind.DEPARTMENTS ? List.of("XSHB", "华北销售部", "XS")
					: List.of("HT2001", "王芳", "XSHB", "销售经理", "", "010-62880001", "13800002001", "正式", "是"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return csv(csv.toString(), importKind.slug() + "-template.csv");
	}

	private String formPage(Model model) {
		model.addAttribute("kinds", ImportKind.values());
		model.addAttribute("recent", imports.recent());
		model.addAttribute("maxMegabytes", Math.max(1, imports.maxBytes() / (1024 * 1024)));
		model.addAttribute("maxRows", imports.maxRows());
		return FORM_VIEW;
	}

	private List<ErrorLine> lines(List<ImportRowError> errors) {
		Locale locale = LocaleContextHolder.getLocale();
		return errors.stream()
			.map(e -> new ErrorLine(e.row(), e.field(),
					messages.getMessage("import.column." + e.field(), null, e.field(), locale),
					messages.getMessage(e.code(), e.arguments(), e.code(), locale)))
			.toList();
	}

	private String text(String code, Locale locale) {
		return messages.getMessage(code, null, code, locale);
	}

	/** A cell that a spreadsheet would take for a formula is written as text. */
	private static String safe(String value) {
		if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
			return "'" + value;
		}
		return value;
	}

	private static ResponseEntity<byte[]> csv(String text, String fileName) {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(text.getBytes(StandardCharsets.UTF_8));
	}
}
