package com.commhub.archive.internal;

import java.util.List;

/** The few JSON texts the recorder writes; deterministic, because they are hashed exactly as stored. */
final class Json {

	private Json() {
	}

	static String string(String value) {
		if (value == null) {
			return "null";
		}
		StringBuilder out = new StringBuilder(value.length() + 2).append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

	static String strings(List<String> values) {
		StringBuilder out = new StringBuilder("[");
		for (int i = 0; i < values.size(); i++) {
			out.append(i == 0 ? "" : ",").append(string(values.get(i)));
		}
		return out.append(']').toString();
	}
}
