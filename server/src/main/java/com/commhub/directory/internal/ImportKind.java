package com.commhub.directory.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an import file holds (DIR-7), and its columns. The header row may name a column by its English key or its
 * Chinese label, as in {@code demo/departments.csv} and {@code demo/employees.csv}.
 */
public enum ImportKind {

	DEPARTMENTS(List.of(new Column("code", "部门代码", true), new Column("name", "部门名称", true),
			new Column("parent_code", "上级部门代码", true))),

	EMPLOYEES(List.of(new Column("employee_no", "工号", true), new Column("name", "姓名", true),
			new Column("department_code", "部门代码", true), new Column("position", "职位", false),
			new Column("manager_no", "上级工号", false), new Column("office_phone", "办公电话", false),
			new Column("mobile", "手机", false), new Column("employment_type", "用工类型", true),
			new Column("is_head", "部门负责人", false)));

	/** One column: its key (the English header), its Chinese header, and whether the header must be present. */
	public record Column(String key, String chinese, boolean required) {
	}

	private final List<Column> columns;

	ImportKind(List<Column> columns) {
		this.columns = columns;
	}

	public List<Column> columns() {
		return columns;
	}

	/** {@code departments} or {@code employees}, as used in forms and the API. */
	public String slug() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Accepts the slug or the enum name in any case, or 部门 / 员工. */
	public static Optional<ImportKind> parse(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String value = text.strip().toUpperCase(Locale.ROOT);
		return switch (value) {
			case "DEPARTMENTS", "DEPARTMENT", "部门" -> Optional.of(DEPARTMENTS);
			case "EMPLOYEES", "EMPLOYEE", "员工" -> Optional.of(EMPLOYEES);
			default -> Optional.empty();
		};
	}

	/** The column a header cell names, if any: English key (spaces or hyphens for underscores) or Chinese label. */
	Optional<Column> column(String header) {
		if (header == null) {
			return Optional.empty();
		}
		String clean = header.replace("\uFEFF", "").strip();
		while (clean.endsWith("*") || clean.endsWith("＊")) {
			clean = clean.substring(0, clean.length() - 1).strip();
		}
		String key = clean.toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
		for (Column column : columns) {
			if (column.key().equals(key) || column.chinese().equals(clean)) {
				return Optional.of(column);
			}
		}
		if (this == EMPLOYEES && "手机号".equals(clean)) {
			return column("mobile");
		}
		return Optional.empty();
	}
}
