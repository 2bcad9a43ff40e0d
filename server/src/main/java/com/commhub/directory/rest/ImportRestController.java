package com.commhub.directory.rest;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.commhub.directory.DirectoryAccess;
import com.commhub.directory.internal.DirectoryImportService;
import com.commhub.directory.internal.ImportRejectedException;
import com.commhub.directory.internal.ImportReport;
import com.commhub.directory.internal.ImportResult;
import com.commhub.directory.internal.ImportRowError;
import com.commhub.shared.NotFoundException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Bulk import of departments and employees (DIR-7): upload a CSV (UTF-8) or XLSX file for a dry run, then confirm
 * the batch. Confirming returns each new account's initial password, in that response only.
 */
@RestController
@RequestMapping("/api/v1/directory/imports")
@Tag(name = "Directory import")
class ImportRestController {

	private final DirectoryImportService imports;
	private final DirectoryAccess access;
	private final MessageSource messages;

	ImportRestController(DirectoryImportService imports, DirectoryAccess access, MessageSource messages) {
		this.imports = imports;
		this.access = access;
		this.messages = messages;
	}

	/** One problem: the row as numbered in the spreadsheet (header = 1), the column, and the reason. */
	record RowError(int row, String field, String message) {
	}

	/** A dry-run report; {@code valid} is true when the batch can be confirmed. */
	record Report(long id, String kind, String fileName, String status, int rows, boolean valid,
			List<RowError> errors) {
	}

	record Account(String employeeNo, String name, String username, String initialPassword) {
	}

	record Created(int created, List<Account> accounts, List<ImportResult.CreatedDepartment> departments) {
	}

	@PostMapping
	@Operation(summary = "Upload a departments or employees file (CSV UTF-8 or XLSX) and check every row; writes "
			+ "nothing but the batch")
	Report upload(@RequestParam(required = false) String kind,
			@RequestParam(required = false) MultipartFile file) {
		return report(imports.dryRun(kind, file == null ? null : file.getOriginalFilename(), file));
	}

	@GetMapping("/{id}")
	@Operation(summary = "The dry-run report of one of my batches")
	Report get(@PathVariable String id) {
		return report(imports.report(batchId(id)));
	}

	@PostMapping("/{id}/confirm")
	@Operation(summary = "Import a batch without errors in one transaction; 409 when it has errors or was imported")
	Created confirm(@PathVariable String id) {
		ImportResult result = imports.confirm(batchId(id));
		return new Created(result.created(),
				result.accounts().stream()
					.map(a -> new Account(a.employeeNo(), a.name(), a.username(), a.initialPassword()))
					.toList(),
				result.departments());
	}

	@ExceptionHandler(ImportRejectedException.class)
	ProblemDetail rejected(ImportRejectedException ex) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				messages.getMessage(ex.messageCode(), ex.arguments(), ex.messageCode(), locale));
		problem.setType(URI.create("https://commhub.example/problems/" + ex.messageCode()));
		problem.setTitle("Conflict");
		problem.setProperty("errors", errors(ex.errors(), locale));
		return problem;
	}

	/** Batch ids are numbers; anything else is a batch that does not exist (after the access check). */
	private long batchId(String id) {
		access.requireImport();
		try {
			return Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw new NotFoundException("import", id);
		}
	}

	private Report report(ImportReport report) {
		return new Report(report.id(), report.kind().slug(), report.fileName(), report.status().name(), report.rows(),
				report.valid(), errors(report.errors(), LocaleContextHolder.getLocale()));
	}

	private List<RowError> errors(List<ImportRowError> errors, Locale locale) {
		return errors.stream()
			.map(e -> new RowError(e.row(), e.field(), messages.getMessage(e.code(), e.arguments(), e.code(), locale)))
			.toList();
	}
}
