package com.commhub.directory.internal;

import java.util.Map;

/**
 * One data row of an import file: its row number as the spreadsheet shows it (the header is row 1) and its values
 * by column key, stripped; a missing cell is an empty string.
 */
public record ImportRow(int row, Map<String, String> values) {

	public String value(String key) {
		String value = values.get(key);
		return value == null ? "" : value;
	}
}
