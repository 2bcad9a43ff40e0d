package com.commhub.directory.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.InputStreamSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import com.commhub.directory.DepartmentView;
import com.commhub.directory.DirectoryAccess;
import com.commhub.directory.DirectoryManagement;
import com.commhub.directory.EmployeeData;
import com.commhub.directory.EmploymentType;
import com.commhub.directory.HireResult;
import com.commhub.security.Audit;
import com.commhub.security.AuditOutcome;
import com.commhub.security.CommHubUser;
import com.commhub.security.CurrentUser;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.NotFoundException;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk import of departments and employees (DIR-7). An upload is read and checked row by row without writing (the
 * dry run) and kept as a batch; a batch without errors can be confirmed once, which checks it again and creates
 * every row through {@link DirectoryManagement} in one transaction, so that a failure writes nothing. Only the
 * person who uploaded a batch sees and confirms it; the gate is {@link DirectoryAccess#requireImport()}.
 */
@Service
public class DirectoryImportService {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final TypeReference<List<ImportRow>> ROWS = new TypeReference<>() {
	};
	private static final TypeReference<List<ImportRowError>> ERRORS = new TypeReference<>() {
	};

	/** Field names of {@link DirectoryManagement}'s validation, as import columns. */
	private static final Map<String, String> COLUMN_OF_FIELD = Map.ofEntries(Map.entry("code", "code"),
			Map.entry("name", "name"), Map.entry("parentId", "parent_code"), Map.entry("employeeNo", "employee_no"),
			Map.entry("departmentId", "department_code"), Map.entry("position", "position"),
			Map.entry("managerEmployeeNo", "manager_no"), Map.entry("officePhone", "office_phone"),
			Map.entry("mobile", "mobile"), Map.entry("employmentType", "employment_type"),
			Map.entry("headEmployeeId", "is_head"));

	private final ImportBatches batches;
	private final ImportValidator validator;
	private final Departments departments;
	private final DirectoryManagement directory;
	private final DirectoryAccess access;
	private final Audit audit;
	private final Clock clock;
	private final TransactionTemplate transaction;
	private final ImportFileReader reader;
	private final long maxBytes;
	private final int maxRows;

	DirectoryImportService(ImportBatches batches, ImportValidator validator, Departments departments,
			DirectoryManagement directory, DirectoryAccess access, Audit audit, Clock clock,
			PlatformTransactionManager transactions,
			@Value("${commhub.directory.import.max-file-size:5MB}") DataSize maxFileSize,
			@Value("${commhub.directory.import.max-rows:5000}") int maxRows) {
		this.batches = batches;
		this.validator = validator;
		this.departments = departments;
		this.directory = directory;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.maxBytes = maxFileSize.toBytes();
		this.maxRows = maxRows;
		this.reader = new ImportFileReader(maxBytes, maxRows);
	}

	public long maxBytes() {
		return maxBytes;
	}

	public int maxRows() {
		return maxRows;
	}

	/**
	 * The dry run: reads the file, checks every row and keeps the result as a batch. Problems with the file as a
	 * whole (type, encoding, size, header) are a {@link BusinessRuleException} on the field {@code file}.
	 *
	 * @param kindText {@code departments} or {@code employees}
	 */
	public ImportReport dryRun(String kindText, String originalFileName, InputStreamSource content) {
		access.requireImport();
		CommHubUser user = CurrentUser.require();
		ImportKind kind = ImportKind.parse(kindText)
			.orElseThrow(() -> BusinessRuleException.invalid("kind",
					kindText == null || kindText.isBlank() ? "validation.required" : "import.badKind"));
		String fileName = fileName(originalFileName);
		List<ImportRow> rows;
		try {
			if (content == null || originalFileName == null || originalFileName.isBlank()) {
				throw BusinessRuleException.invalid(ImportFileReader.FILE, "import.noFile");
			}
			rows = reader.read(kind, fileName, readAtMost(content, fileName));
		}
		catch (BusinessRuleException ex) {
			audit.record("directory.import.dryRun", "import", null, fileName, AuditOutcome.FAILURE,
					kind.slug() + ": " + ex.messageCode());
			throw ex;
		}
		return transaction.execute(status -> {
			ImportValidator.Plan plan = validator.validate(kind, rows);
			ImportBatch batch = batches.save(new ImportBatch(kind, fileName, rows.size(), JSON.writeValueAsString(rows),
					plan.errors().size(), JSON.writeValueAsString(plan.errors()), user.getUsername(), user.accountId(),
					Instant.now(clock)));
			audit.record("directory.import.dryRun", "import", batch.id(), fileName, AuditOutcome.SUCCESS,
					counts(kind, rows.size(), plan.errors()));
			return report(batch, plan.errors());
		});
	}

	/** The report of one of the current user's batches; 404 for anyone else's. */
	public ImportReport report(long batchId) {
		access.requireImport();
		long me = CurrentUser.require().accountId();
		return transaction.execute(status -> {
			ImportBatch batch = batches.findById(batchId).filter(b -> b.createdByAccountId() == me)
				.orElseThrow(() -> new NotFoundException("import", batchId));
			return report(batch, errorsOf(batch));
		});
	}

	/** The current user's ten latest batches, newest first. */
	public List<ImportReport> recent() {
		access.requireImport();
		long me = CurrentUser.require().accountId();
		return transaction.execute(status -> batches.findTop10ByCreatedByAccountIdOrderByIdDesc(me).stream()
			.map(b -> report(b, errorsOf(b)))
			.toList());
	}

	/**
	 * Imports a clean batch: checks every row again against the directory as it is now, then creates them all in
	 * one transaction. Refused (409, {@link ImportRejectedException} with every row error) when any row has an
	 * error, then or now; refused (409) when the batch was already imported. Nothing is written when refused.
	 */
	public ImportResult confirm(long batchId) {
		access.requireImport();
		long me = CurrentUser.require().accountId();
		Outcome outcome;
		try {
			outcome = transaction.execute(status -> confirmInTransaction(batchId, me));
		}
		catch (ImportRejectedException ex) {
			// a write refused a row although the checks passed (the directory changed meanwhile): all was rolled
			// back; keep the reason so that the batch cannot be confirmed again
			transaction.executeWithoutResult(status -> batches.findById(batchId)
				.filter(b -> b.status() == ImportStatus.VALIDATED)
				.ifPresent(b -> b.recordErrors(ex.errors().size(), JSON.writeValueAsString(ex.errors()))));
			auditRefusal(batchId, "refused by the directory: " + ex.errors().size() + " errors");
			throw ex;
		}
		catch (BusinessRuleException ex) {
			auditRefusal(batchId, ex.messageCode());
			throw ex;
		}
		catch (DataIntegrityViolationException ex) {
			auditRefusal(batchId, "concurrent change");
			throw BusinessRuleException.conflict(null, "import.concurrentChange");
		}
		if (outcome.refused() != null) {
			auditRefusal(batchId, "rows have errors: " + outcome.refused().size() + " errors");
			throw new ImportRejectedException(batchId, outcome.refused());
		}
		return outcome.imported();
	}

	/** Either what was imported or, when rows have errors, those errors (and nothing was written). */
	private record Outcome(ImportResult imported, List<ImportRowError> refused) {
	}

	private Outcome confirmInTransaction(long batchId, long me) {
		ImportBatch batch = batches.findForUpdate(batchId).filter(b -> b.createdByAccountId() == me)
			.orElseThrow(() -> new NotFoundException("import", batchId));
		if (batch.status() == ImportStatus.IMPORTED) {
			throw BusinessRuleException.conflict(null, "import.alreadyImported");
		}
		if (batch.status() == ImportStatus.INVALID) {
			return new Outcome(null, errorsOf(batch));
		}
		List<ImportRow> rows = JSON.readValue(batch.rowsJson(), ROWS);
		ImportValidator.Plan plan = validator.validate(batch.kind(), rows);
		if (!plan.errors().isEmpty()) {
			// the directory changed since the dry run: record the new errors (committed), write nothing
			batch.recordErrors(plan.errors().size(), JSON.writeValueAsString(plan.errors()));
			return new Outcome(null, plan.errors());
		}
		ImportResult result = batch.kind() == ImportKind.DEPARTMENTS ? createDepartments(batch, plan.order())
				: hireEmployees(batch, plan.order());
		batch.markImported(result.created(), Instant.now(clock));
		audit.record("directory.import", "import", batch.id(), batch.fileName(), AuditOutcome.SUCCESS,
				batch.kind().slug() + ": rows=" + rows.size() + ", created=" + result.created());
		return new Outcome(result, null);
	}

	private ImportResult createDepartments(ImportBatch batch, List<ImportRow> order) {
		Map<String, Long> createdIds = new HashMap<>();
		List<ImportResult.CreatedDepartment> created = new ArrayList<>();
		for (ImportRow row : order) {
			String parent = row.value("parent_code");
			Long parentId = null;
			if (!parent.isEmpty()) {
				parentId = createdIds.get(key(parent));
				if (parentId == null) {
					parentId = departments.findByCode(parent).map(Department::id).orElse(null);
				}
			}
			DepartmentView view;
			try {
				view = directory.createDepartment(row.value("code"), row.value("name"), parentId);
			}
			catch (BusinessRuleException ex) {
				throw refused(batch, row, ex);
			}
			createdIds.put(key(view.code()), view.id());
			created.add(new ImportResult.CreatedDepartment(view.id(), view.code(), view.name(), view.parentName()));
		}
		return new ImportResult(batch.id(), batch.kind(), batch.fileName(), List.copyOf(created), List.of());
	}

	private ImportResult hireEmployees(ImportBatch batch, List<ImportRow> order) {
		Map<Integer, ImportResult.ImportedAccount> accounts = new HashMap<>();
		for (ImportRow row : order) {
			Long departmentId = departments.findByCode(row.value("department_code")).map(Department::id).orElse(null);
			EmployeeData data = new EmployeeData(row.value("employee_no"), row.value("name"), departmentId,
					blankToNull(row.value("position")), blankToNull(row.value("manager_no")),
					blankToNull(row.value("office_phone")), blankToNull(row.value("mobile")),
					EmploymentType.parse(row.value("employment_type")).orElse(null), null);
			try {
				HireResult hired = directory.hire(data);
				if (ImportValidator.yesNo(row.value("is_head")).orElse(false)) {
					directory.setDepartmentHead(hired.employee().departmentId(), hired.employee().id());
				}
				accounts.put(row.row(), new ImportResult.ImportedAccount(hired.employee().employeeNo(),
						hired.employee().name(), hired.employee().departmentName(), hired.username(),
						hired.generatedPassword()));
			}
			catch (BusinessRuleException ex) {
				throw refused(batch, row, ex);
			}
		}
		List<ImportResult.ImportedAccount> inFileOrder = accounts.entrySet().stream()
			.sorted(Map.Entry.comparingByKey())
			.map(Map.Entry::getValue)
			.toList();
		return new ImportResult(batch.id(), batch.kind(), batch.fileName(), List.of(), inFileOrder);
	}

	/** A row the directory refused although the checks passed: the whole import is rolled back. */
	private static ImportRejectedException refused(ImportBatch batch, ImportRow row, BusinessRuleException ex) {
		String field = ex.field() == null ? ImportFileReader.FILE : COLUMN_OF_FIELD.getOrDefault(ex.field(), ex.field());
		return new ImportRejectedException(batch.id(), List.of(new ImportRowError(row.row(), field, ex.messageCode(),
				java.util.Arrays.stream(ex.arguments()).map(String::valueOf).toList())));
	}

	private void auditRefusal(long batchId, String details) {
		audit.record("directory.import", "import", batchId, null, AuditOutcome.FAILURE, details);
	}

	private ImportReport report(ImportBatch batch, List<ImportRowError> errors) {
		return new ImportReport(batch.id(), batch.kind(), batch.fileName(), batch.status(), batch.rowCount(), errors,
				batch.createdAt(), batch.importedAt(), batch.createdCount());
	}

	private static List<ImportRowError> errorsOf(ImportBatch batch) {
		return JSON.readValue(batch.errorsJson(), ERRORS);
	}

	private static String counts(ImportKind kind, int rows, List<ImportRowError> errors) {
		long badRows = errors.stream().map(ImportRowError::row).distinct().count();
		return kind.slug() + ": rows=" + rows + ", rowsWithErrors=" + badRows + ", errors=" + errors.size();
	}

	private byte[] readAtMost(InputStreamSource content, String fileName) {
		try (InputStream in = content.getInputStream()) {
			byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
			if (bytes.length > maxBytes) {
				throw BusinessRuleException.invalid(ImportFileReader.FILE, "import.tooLarge", fileName,
						ImportFileReader.megabytes(maxBytes));
			}
			return bytes;
		}
		catch (IOException ex) {
			throw BusinessRuleException.invalid(ImportFileReader.FILE, "import.unreadable", fileName);
		}
	}

	/** The file's own name without any client path, at most 200 characters. */
	static String fileName(String original) {
		if (original == null || original.isBlank()) {
			return "upload";
		}
		String name = original.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).strip();
		name = name.replaceAll("[\\p{Cntrl}]", "");
		if (name.isEmpty()) {
			return "upload";
		}
		return name.length() <= 200 ? name : name.substring(name.length() - 200);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	private static String key(String code) {
		return code.strip().toUpperCase(Locale.ROOT);
	}
}
