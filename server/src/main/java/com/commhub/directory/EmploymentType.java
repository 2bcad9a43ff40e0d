package com.commhub.directory;

import java.util.Locale;
import java.util.Optional;

/** 正式 / 临时 / 实习 (DIR-2). */
public enum EmploymentType {
	FULL_TIME("正式"), TEMPORARY("临时"), INTERN("实习");

	private final String chinese;

	EmploymentType(String chinese) {
		this.chinese = chinese;
	}

	public String chinese() {
		return chinese;
	}

	/** Accepts the enum name in any case or the Chinese label, as found in import files. */
	public static Optional<EmploymentType> parse(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String value = text.trim();
		for (EmploymentType type : values()) {
			if (type.chinese.equals(value) || type.name().equals(value.toUpperCase(Locale.ROOT).replace('-', '_'))) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}
}
