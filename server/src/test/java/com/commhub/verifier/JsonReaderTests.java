package com.commhub.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The verifier's own JSON parser: what export manifests and records are read with, offline. */
class JsonReaderTests {

	@Test
	void readsObjectsArraysStringsAndNumbers() {
		Object value = JsonReader.parse("""
				{"a": 1, "b": [true, false, null], "c": "王芳 \\u0041\\n\\"\\\\\\/", "d": -0.5e2, "e": {}, "f": []}""");
		assertThat(value).isEqualTo(Map.of("a", 1L, "b", Arrays.asList(true, false, null), "c", "王芳 A\n\"\\/", "d",
				new BigDecimal("-0.5e2"), "e", Map.of(), "f", List.of()));
		// a character outside the BMP written as a surrogate pair escape
		assertThat(JsonReader.parse("\"\\ud842\\udfb7\"")).isEqualTo("𠮷");
		assertThat(JsonReader.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void refusesWhatTwoReadersCouldReadDifferently() {
		// a repeated key: one reader would take the first value, another the last
		assertThatThrownBy(() -> JsonReader.parse("{\"a\": 1, \"a\": 2}")).hasMessageContaining("duplicate");
		for (String bad : List.of("", "{", "[1,]", "{\"a\" 1}", "01", "1.", "\"\u0001\"", "\"\\x\"", "tru", "1 2",
				"{\"a\": 1} x", "[" .repeat(100) + "]".repeat(100))) {
			assertThatThrownBy(() -> JsonReader.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
		}
	}
}
