package com.commhub.directory.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import com.commhub.shared.BusinessRuleException;

/**
 * Turns an uploaded CSV (UTF-8, a BOM allowed) or XLSX (first sheet) file into rows keyed by column. Problems with
 * the file as a whole (type, encoding, size, header) are {@link BusinessRuleException}s on the field {@code file}
 * whose message names the file.
 */
final class ImportFileReader {

	static final String FILE = "file";

	private final long maxBytes;
	private final int maxRows;

	ImportFileReader(long maxBytes, int maxRows) {
		this.maxBytes = maxBytes;
		this.maxRows = maxRows;
	}

	List<ImportRow> read(ImportKind kind, String fileName, byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			throw fileError("import.emptyFile", fileName);
		}
		if (bytes.length > maxBytes) {
			throw fileError("import.tooLarge", fileName, megabytes(maxBytes));
		}
		String lower = fileName.toLowerCase(Locale.ROOT);
		List<Line> lines;
		if (lower.endsWith(".xlsx")) {
			if (!ReadableWorkbook.isOOXMLZipHeader(bytes)) {
				throw fileError("import.badXlsx", fileName);
			}
			lines = readXlsx(fileName, bytes);
		}
		else if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
			lines = readCsv(fileName, bytes);
		}
		else if (lower.endsWith(".xls") || ReadableWorkbook.isOLE2Header(bytes)) {
			throw fileError("import.xlsUnsupported", fileName);
		}
		else {
			throw fileError("import.unknownType", fileName);
		}
		return rows(kind, fileName, lines);
	}

	/** A non-blank line of the file: its spreadsheet row number and the text of each cell by position. */
	private record Line(int row, List<String> cells) {
	}

	private List<ImportRow> rows(ImportKind kind, String fileName, List<Line> lines) {
		if (lines.isEmpty()) {
			throw fileError("import.emptyFile", fileName);
		}
		Line header = lines.getFirst();
		Map<Integer, String> keyByIndex = new LinkedHashMap<>();
		for (int i = 0; i < header.cells().size(); i++) {
			int index = i;
			kind.column(header.cells().get(i)).ifPresent(column -> {
				if (!keyByIndex.containsValue(column.key())) {
					keyByIndex.put(index, column.key());
				}
			});
		}
		List<ImportKind.Column> missing = kind.columns().stream()
			.filter(c -> c.required() && !keyByIndex.containsValue(c.key()))
			.toList();
		if (!missing.isEmpty()) {
			throw fileError("import.missingColumns", fileName,
					missing.stream().map(c -> c.chinese() + " (" + c.key() + ")").collect(Collectors.joining("、")));
		}
		List<ImportRow> rows = new ArrayList<>();
		for (Line line : lines.subList(1, lines.size())) {
			Map<String, String> values = new LinkedHashMap<>();
			for (ImportKind.Column column : kind.columns()) {
				values.put(column.key(), "");
			}
			boolean blank = true;
			for (var entry : keyByIndex.entrySet()) {
				String value = entry.getKey() < line.cells().size() ? clean(line.cells().get(entry.getKey())) : "";
				values.put(entry.getValue(), value);
				blank &= value.isEmpty();
			}
			if (!blank) {
				rows.add(new ImportRow(line.row(), values));
			}
		}
		if (rows.isEmpty()) {
			throw fileError("import.noRows", fileName);
		}
		return rows;
	}

	private List<Line> readCsv(String fileName, byte[] bytes) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw fileError("import.notUtf8", fileName);
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		List<Line> lines = new ArrayList<>();
		CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
		try {
			Iterator<CSVRecord> records = format.parse(new StringReader(text)).iterator();
			int row = 0;
			int dataRows = 0;
			while (records.hasNext()) {
				CSVRecord record = records.next();
				row++;
				List<String> cells = record.toList();
				if (row > 1 && cells.stream().allMatch(c -> c == null || c.isBlank())) {
					continue;
				}
				if (row > 1 && ++dataRows > maxRows) {
					throw fileError("import.tooManyRows", fileName, maxRows);
				}
				lines.add(new Line(row, cells));
			}
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			throw fileError("import.badCsv", fileName);
		}
		return lines;
	}

	private List<Line> readXlsx(String fileName, byte[] bytes) {
		List<Line> lines = new ArrayList<>();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes));
				Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
			Iterator<Row> rows = sheet.iterator();
			int dataRows = 0;
			while (rows.hasNext()) {
				Row row = rows.next();
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < row.getCellCount(); i++) {
					cells.add(text(row.getCell(i)));
				}
				if (cells.stream().allMatch(String::isBlank)) {
					continue;
				}
				if (!lines.isEmpty() && ++dataRows > maxRows) {
					throw fileError("import.tooManyRows", fileName, maxRows);
				}
				lines.add(new Line(row.getRowNum(), cells));
			}
		}
		catch (BusinessRuleException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			throw fileError("import.badXlsx", fileName);
		}
		return lines;
	}

	/** The text of a cell as the user sees it: whole numbers without ".0" or exponent (phone numbers). */
	private static String text(Cell cell) {
		if (cell == null || cell.getValue() == null) {
			return "";
		}
		return switch (cell.getType()) {
			case NUMBER -> {
				BigDecimal number = cell.asNumber().stripTrailingZeros();
				yield number.scale() < 0 ? number.setScale(0).toPlainString() : number.toPlainString();
			}
			case STRING -> cell.asString();
			case BOOLEAN -> String.valueOf(cell.asBoolean());
			default -> cell.getText() == null ? "" : cell.getText();
		};
	}

	private static String clean(String value) {
		if (value == null) {
			return "";
		}
		return value.replace("\uFEFF", "").strip();
	}

	static String megabytes(long bytes) {
		return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024L * 1024L), 1, java.math.RoundingMode.HALF_UP)
			.stripTrailingZeros().toPlainString();
	}

	private static BusinessRuleException fileError(String code, Object... args) {
		return BusinessRuleException.invalid(FILE, code, args);
	}
}
