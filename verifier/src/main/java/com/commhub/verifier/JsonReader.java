package com.commhub.verifier;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict, minimal JSON parser (RFC 8259) so the verifier needs no library: objects become {@link LinkedHashMap}
 * (a repeated key is an error: two readers must never see different values), arrays {@link ArrayList}, integers
 * {@link Long}, other numbers {@link BigDecimal}, and {@code null} Java null.
 */
final class JsonReader {

	private static final int MAX_DEPTH = 64;

	private final String text;
	private int index;

	private JsonReader(String text) {
		this.text = text;
	}

	static Object parse(String text) {
		JsonReader reader = new JsonReader(text);
		reader.skipWhitespace();
		Object value = reader.value(0);
		reader.skipWhitespace();
		if (reader.index != text.length()) {
			throw reader.error("unexpected text after the JSON value");
		}
		return value;
	}

	private Object value(int depth) {
		if (depth > MAX_DEPTH) {
			throw error("nested too deeply");
		}
		if (index >= text.length()) {
			throw error("unexpected end");
		}
		char c = text.charAt(index);
		return switch (c) {
			case '{' -> object(depth);
			case '[' -> array(depth);
			case '"' -> string();
			case 't' -> literal("true", Boolean.TRUE);
			case 'f' -> literal("false", Boolean.FALSE);
			case 'n' -> literal("null", null);
			default -> number();
		};
	}

	private Map<String, Object> object(int depth) {
		Map<String, Object> map = new LinkedHashMap<>();
		index++;
		skipWhitespace();
		if (peek() == '}') {
			index++;
			return map;
		}
		while (true) {
			skipWhitespace();
			if (peek() != '"') {
				throw error("expected a property name");
			}
			String name = string();
			skipWhitespace();
			expect(':');
			skipWhitespace();
			if (map.containsKey(name)) {
				throw error("duplicate property \"" + name + "\"");
			}
			map.put(name, value(depth + 1));
			skipWhitespace();
			char c = next();
			if (c == '}') {
				return map;
			}
			if (c != ',') {
				throw error("expected , or }");
			}
		}
	}

	private List<Object> array(int depth) {
		List<Object> list = new ArrayList<>();
		index++;
		skipWhitespace();
		if (peek() == ']') {
			index++;
			return list;
		}
		while (true) {
			skipWhitespace();
			list.add(value(depth + 1));
			skipWhitespace();
			char c = next();
			if (c == ']') {
				return list;
			}
			if (c != ',') {
				throw error("expected , or ]");
			}
		}
	}

	private String string() {
		expect('"');
		StringBuilder out = new StringBuilder();
		while (true) {
			char c = next();
			if (c == '"') {
				return out.toString();
			}
			if (c < 0x20) {
				throw error("control character in a string");
			}
			if (c != '\\') {
				out.append(c);
				continue;
			}
			char escape = next();
			switch (escape) {
				case '"' -> out.append('"');
				case '\\' -> out.append('\\');
				case '/' -> out.append('/');
				case 'b' -> out.append('\b');
				case 'f' -> out.append('\f');
				case 'n' -> out.append('\n');
				case 'r' -> out.append('\r');
				case 't' -> out.append('\t');
				case 'u' -> {
					if (index + 4 > text.length()) {
						throw error("short \\u escape");
					}
					try {
						out.append((char) Integer.parseInt(text.substring(index, index + 4), 16));
					}
					catch (NumberFormatException ex) {
						throw error("bad \\u escape");
					}
					index += 4;
				}
				default -> throw error("bad escape \\" + escape);
			}
		}
	}

	private Object number() {
		int start = index;
		if (peek() == '-') {
			index++;
		}
		while (index < text.length() && "0123456789.eE+-".indexOf(text.charAt(index)) >= 0) {
			index++;
		}
		String number = text.substring(start, index);
		if (!number.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
			throw new IllegalArgumentException("JSON: bad number \"" + number + "\" at offset " + start);
		}
		if (number.matches("-?[0-9]+")) {
			try {
				return Long.parseLong(number);
			}
			catch (NumberFormatException ex) {
				return new BigDecimal(number);
			}
		}
		return new BigDecimal(number);
	}

	private Object literal(String word, Object value) {
		if (!text.startsWith(word, index)) {
			throw error("unexpected character");
		}
		index += word.length();
		return value;
	}

	private void skipWhitespace() {
		while (index < text.length()) {
			char c = text.charAt(index);
			if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
				return;
			}
			index++;
		}
	}

	private char peek() {
		if (index >= text.length()) {
			throw error("unexpected end");
		}
		return text.charAt(index);
	}

	private char next() {
		char c = peek();
		index++;
		return c;
	}

	private void expect(char c) {
		if (next() != c) {
			index--;
			throw error("expected " + c);
		}
	}

	private IllegalArgumentException error(String message) {
		return new IllegalArgumentException("JSON: " + message + " at offset " + index);
	}
}
