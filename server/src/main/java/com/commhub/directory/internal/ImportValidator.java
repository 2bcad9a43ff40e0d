package com.commhub.directory.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;

import com.commhub.directory.EmployeeStatus;
import com.commhub.directory.EmploymentType;

/**
 * The dry run of an import (DIR-7): checks every row against the directory as it is and against the other rows of
 * the file, without writing, and finds the order in which the rows can be created (parents and managers first).
 * The writes themselves go through {@code DirectoryManagement}, which validates again.
 */
@Component
class ImportValidator {

	private static final int CHUNK = 1000;

	/** The errors of a file, by row and column, and the rows in an order in which they can be created. */
	record Plan(List<ImportRowError> errors, List<ImportRow> order) {
	}

	private final Departments departments;
	private final EntityManager entityManager;

	ImportValidator(Departments departments, EntityManager entityManager) {
		this.departments = departments;
		this.entityManager = entityManager;
	}

	Plan validate(ImportKind kind, List<ImportRow> rows) {
		return kind == ImportKind.DEPARTMENTS ? departments(rows) : employees(rows);
	}

	// ---- departments ----

	private Plan departments(List<ImportRow> rows) {
		Errors errors = new Errors(ImportKind.DEPARTMENTS);
		Map<String, Department> existing = existingDepartments();
		Map<String, ImportRow> inFile = new LinkedHashMap<>();
		for (ImportRow row : rows) {
			String code = row.value("code");
			if (code.isEmpty()) {
				errors.add(row, "code", "validation.required");
			}
			else if (!DirectoryService.DEPARTMENT_CODE.matcher(code).matches()) {
				errors.add(row, "code", "department.badCode");
			}
			else if (inFile.containsKey(key(code))) {
				errors.add(row, "code", "import.duplicateInFile", code, inFile.get(key(code)).row());
			}
			else {
				inFile.put(key(code), row);
				if (existing.containsKey(key(code))) {
					errors.add(row, "code", "department.duplicateCode", code);
				}
			}
			requiredText(errors, row, "name", 100);
		}

		// parents: an existing active department, or another row of the file
		Map<String, String> parentInFile = new HashMap<>();
		ImportRow root = null;
		for (ImportRow row : rows) {
			String parent = row.value("parent_code");
			String code = row.value("code");
			if (parent.isEmpty()) {
				if (!existing.isEmpty()) {
					errors.add(row, "parent_code", "import.parentRequired");
				}
				else if (root != null) {
					errors.add(row, "parent_code", "import.secondRoot", root.row());
				}
				else {
					root = row;
				}
			}
			else if (key(parent).equals(key(code))) {
				errors.add(row, "parent_code", "import.parentCycle", code + " → " + code);
			}
			else if (existing.containsKey(key(parent))) {
				if (!existing.get(key(parent)).active()) {
					errors.add(row, "parent_code", "import.parentInactive", parent);
				}
			}
			else if (inFile.containsKey(key(parent))) {
				if (inFile.get(key(code)) == row) {
					parentInFile.put(key(code), key(parent));
				}
			}
			else {
				errors.add(row, "parent_code", "import.unknownParent", parent);
			}
		}
		reportCycles(parentInFile, inFile, errors, "parent_code", "import.parentCycle", row -> row.value("code"));
		return new Plan(errors.sorted(), order(rows, inFile, parentInFile, row -> key(row.value("code"))));
	}

	private Map<String, Department> existingDepartments() {
		Map<String, Department> existing = new HashMap<>();
		departments.findAll().forEach(d -> existing.put(key(d.code()), d));
		return existing;
	}

	// ---- employees ----

	private Plan employees(List<ImportRow> rows) {
		Errors errors = new Errors(ImportKind.EMPLOYEES);
		Map<String, Department> departmentsByCode = existingDepartments();
		Set<String> numbers = new HashSet<>();
		for (ImportRow row : rows) {
			for (String field : List.of("employee_no", "manager_no")) {
				if (!row.value(field).isEmpty()) {
					numbers.add(key(row.value(field)));
				}
			}
		}
		Map<String, EmployeeStatus> existing = existingEmployees(numbers);
		Map<String, ImportRow> inFile = new LinkedHashMap<>();
		Map<String, ImportRow> headRows = new HashMap<>();
		for (ImportRow row : rows) {
			String no = row.value("employee_no");
			if (no.isEmpty()) {
				errors.add(row, "employee_no", "validation.required");
			}
			else if (!DirectoryService.EMPLOYEE_NO.matcher(no).matches()) {
				errors.add(row, "employee_no", "employee.badNumber");
			}
			else if (inFile.containsKey(key(no))) {
				errors.add(row, "employee_no", "import.duplicateInFile", no, inFile.get(key(no)).row());
			}
			else {
				inFile.put(key(no), row);
				if (existing.containsKey(key(no))) {
					errors.add(row, "employee_no", "employee.duplicateNumber", no);
				}
			}
			requiredText(errors, row, "name", 50);

			String departmentCode = row.value("department_code");
			Department department = departmentsByCode.get(key(departmentCode));
			if (departmentCode.isEmpty()) {
				errors.add(row, "department_code", "validation.required");
			}
			else if (department == null) {
				errors.add(row, "department_code", "import.unknownDepartment", departmentCode);
			}
			else if (!department.active()) {
				errors.add(row, "department_code", "department.inactive");
			}

			optionalText(errors, row, "position", 100);
			String office = row.value("office_phone");
			if (optionalText(errors, row, "office_phone", 32) && !office.isEmpty()
					&& PhoneNumbers.normaliseOffice(office).isEmpty()) {
				errors.add(row, "office_phone", "phone.badOffice");
			}
			String mobile = row.value("mobile");
			if (optionalText(errors, row, "mobile", 32) && !mobile.isEmpty()
					&& PhoneNumbers.normaliseMobile(mobile).isEmpty()) {
				errors.add(row, "mobile", "phone.badMobile");
			}

			String type = row.value("employment_type");
			if (type.isEmpty()) {
				errors.add(row, "employment_type", "validation.required");
			}
			else if (EmploymentType.parse(type).isEmpty()) {
				errors.add(row, "employment_type", "import.badEmploymentType", type);
			}

			Optional<Boolean> head = yesNo(row.value("is_head"));
			if (head.isEmpty()) {
				errors.add(row, "is_head", "import.badYesNo", row.value("is_head"));
			}
			else if (head.get() && department != null) {
				ImportRow first = headRows.putIfAbsent(key(departmentCode), row);
				if (first != null) {
					errors.add(row, "is_head", "import.duplicateHead", departmentCode, first.row());
				}
			}
		}

		// managers: an existing employee who has not left, or another row of the file
		Map<String, String> managerInFile = new HashMap<>();
		for (ImportRow row : rows) {
			String manager = row.value("manager_no");
			String no = row.value("employee_no");
			if (manager.isEmpty() || !optionalText(errors, row, "manager_no", 32)) {
				continue;
			}
			if (key(manager).equals(key(no))) {
				errors.add(row, "manager_no", "employee.selfManager");
			}
			else if (inFile.containsKey(key(manager))) {
				if (inFile.get(key(no)) == row) {
					managerInFile.put(key(no), key(manager));
				}
			}
			else if (existing.containsKey(key(manager))) {
				if (existing.get(key(manager)) == EmployeeStatus.LEFT) {
					errors.add(row, "manager_no", "import.managerLeft", manager);
				}
			}
			else {
				errors.add(row, "manager_no", "employee.unknownManager", manager);
			}
		}
		reportCycles(managerInFile, inFile, errors, "manager_no", "import.managerCycle",
				row -> row.value("employee_no"));
		return new Plan(errors.sorted(), order(rows, inFile, managerInFile, row -> key(row.value("employee_no"))));
	}

	private Map<String, EmployeeStatus> existingEmployees(Set<String> numbers) {
		Map<String, EmployeeStatus> existing = new HashMap<>();
		List<String> all = new ArrayList<>(numbers);
		for (int from = 0; from < all.size(); from += CHUNK) {
			List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
			entityManager
				.createQuery("select upper(e.employeeNo), e.status from Employee e where upper(e.employeeNo) in :numbers",
						Object[].class)
				.setParameter("numbers", chunk)
				.getResultList()
				.forEach(r -> existing.put((String) r[0], (EmployeeStatus) r[1]));
		}
		return existing;
	}

	/** 是/否, yes/no, true/false, y/n, 1/0; blank is no. Empty when the text is none of these. */
	static Optional<Boolean> yesNo(String text) {
		return switch (text.strip().toLowerCase(Locale.ROOT)) {
			case "", "否", "n", "no", "false", "0" -> Optional.of(false);
			case "是", "y", "yes", "true", "1" -> Optional.of(true);
			default -> Optional.empty();
		};
	}

	// ---- shared ----

	/**
	 * Reports every chain of rows that leads back to itself ({@code A → B → A}): a department under its own
	 * sub-department, or an employee who is their own manager's manager.
	 */
	private static void reportCycles(Map<String, String> up, Map<String, ImportRow> rowsByKey, Errors errors,
			String field, String code, Function<ImportRow, String> label) {
		Set<String> done = new HashSet<>();
		for (String start : rowsByKey.keySet()) {
			if (!up.containsKey(start)) {
				continue;
			}
			List<String> path = new ArrayList<>();
			Set<String> onPath = new HashSet<>();
			String current = start;
			while (current != null && !done.contains(current) && !onPath.contains(current)) {
				path.add(current);
				onPath.add(current);
				current = up.get(current);
			}
			if (current != null && onPath.contains(current)) {
				List<String> cycle = path.subList(path.indexOf(current), path.size());
				StringBuilder chain = new StringBuilder();
				for (String key : cycle) {
					chain.append(label.apply(rowsByKey.get(key))).append(" → ");
				}
				chain.append(label.apply(rowsByKey.get(current)));
				for (String key : cycle) {
					errors.add(rowsByKey.get(key), field, code, chain.toString());
				}
			}
			done.addAll(path);
		}
	}

	/** The rows with every in-file parent (or manager) before the rows that refer to it. */
	private static List<ImportRow> order(List<ImportRow> rows, Map<String, ImportRow> rowsByKey,
			Map<String, String> up, Function<ImportRow, String> key) {
		Set<ImportRow> ordered = new LinkedHashSet<>();
		Set<ImportRow> visiting = new HashSet<>();
		for (ImportRow row : rows) {
			List<ImportRow> chain = new ArrayList<>();
			ImportRow current = row;
			while (current != null && !ordered.contains(current) && visiting.add(current)) {
				chain.add(current);
				String parent = rowsByKey.get(key.apply(current)) == current ? up.get(key.apply(current)) : null;
				current = parent == null ? null : rowsByKey.get(parent);
			}
			for (int i = chain.size() - 1; i >= 0; i--) {
				ordered.add(chain.get(i));
			}
		}
		return List.copyOf(ordered);
	}

	private static boolean requiredText(Errors errors, ImportRow row, String field, int max) {
		if (row.value(field).isEmpty()) {
			errors.add(row, field, "validation.required");
			return false;
		}
		return optionalText(errors, row, field, max);
	}

	private static boolean optionalText(Errors errors, ImportRow row, String field, int max) {
		if (row.value(field).length() > max) {
			errors.add(row, field, "validation.tooLong", max);
			return false;
		}
		return true;
	}

	private static String key(String code) {
		return code.strip().toUpperCase(Locale.ROOT);
	}

	/** Collects errors; reports them by row, then in the order of the columns. */
	private static final class Errors {

		private final List<String> columns;
		private final List<ImportRowError> errors = new ArrayList<>();

		Errors(ImportKind kind) {
			this.columns = kind.columns().stream().map(ImportKind.Column::key).toList();
		}

		void add(ImportRow row, String field, String code, Object... args) {
			errors.add(ImportRowError.of(row.row(), field, code, args));
		}

		List<ImportRowError> sorted() {
			return errors.stream()
				.sorted(Comparator.comparingInt(ImportRowError::row).thenComparingInt(e -> columns.indexOf(e.field())))
				.toList();
		}
	}
}
