package com.commhub.directory.internal;

import java.util.Arrays;
import java.util.List;

/**
 * One problem in an import file: the row (as numbered in the spreadsheet, header = 1), the column key (or
 * {@code file} for the file as a whole), and a message code with its arguments, resolved in the reader's language.
 */
public record ImportRowError(int row, String field, String code, List<String> args) {

	public static ImportRowError of(int row, String field, String code, Object... args) {
		return new ImportRowError(row, field, code, Arrays.stream(args).map(String::valueOf).toList());
	}

	public Object[] arguments() {
		return args.toArray();
	}
}
