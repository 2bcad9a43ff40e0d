package com.commhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class WatermarksTests {

	@Test
	void labelNamesThePersonTheirNumberAndTheMinute() {
		assertThat(Watermarks.label("林浩然", "HT1040", LocalDateTime.of(2026, 11, 24, 10, 31, 59)))
			.isEqualTo("林浩然 HT1040 2026-11-24 10:31");
	}

	@Test
	void imageCarriesTheEscapedLabelInsideTheSvg() {
		Watermarks watermarks = new Watermarks(null, null);
		String uri = watermarks.image("<script>'x'&\"y\" 林浩然");
		assertThat(uri).startsWith("data:image/svg+xml;base64,").matches("[A-Za-z0-9:/+;=,.-]+");
		String svg = new String(Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1)), StandardCharsets.UTF_8);
		assertThat(svg).contains("&lt;script&gt;&apos;x&apos;&amp;&quot;y&quot; 林浩然").doesNotContain("<script>");
	}
}
