package com.commhub.compliance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.commhub.compliance.internal.PolicyDocuments.Format;
import com.commhub.shared.BusinessRuleException;

/** The JSON/YAML reader on its own: cases Jazzer found, encodings and error paths. */
class PolicyDocumentsTest {

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static String field(String document, Format format) {
		try {
			PolicyDocuments.read(bytes(document), format);
			return null;
		}
		catch (BusinessRuleException ex) {
			return ex.field();
		}
	}

	@Test
	void charactersOutsideTheBmpAtEveryBufferPositionAreRead() {
		// the YAML reader threw IndexOutOfBoundsException for 𠮷 at the end of its 1025-char buffer (Jazzer)
		for (int padding = 0; padding < 2100; padding++) {
			String document = "policies:\n  - definition: {code: p.ext-b, name: \"" + "a".repeat(padding) + "𠮷𠮷𠮷"
					+ "\", action: WARN}\n";
			assertThat(PolicyDocuments.read(bytes(document), Format.YAML).policies().getFirst().definition().name())
				.endsWith("𠮷𠮷𠮷");
		}
		assertThat(PolicyDocuments.read(bytes("\uFEFFpolicies: []\n"), Format.YAML).policies()).isEmpty();
	}

	@Test
	void badDocumentsNameTheirPath() {
		assertThat(field("policies:\n  - definition: {code: x, name: n, action: NOPE}\n", Format.YAML))
			.isEqualTo("policies[0].definition.action");
		// a blank key (Jazzer) is still visible
		assertThat(field("\" \": 1\npolicies: []\n", Format.YAML)).isEqualTo("[\" \"]");
		assertThat(field("{\"policies\": [{\"definition\": {\"scope\": {\"recipients\": 7}}}]}", Format.JSON))
			.isEqualTo("policies[0].definition.scope.recipients");
		assertThat(field("policies: \"unterminated\n", Format.YAML)).isEqualTo("file");
		assertThat(field("{}", Format.JSON)).isEqualTo("policies");
		assertThatThrownBy(() -> PolicyDocuments.read(new byte[] { 'a', ':', ' ', (byte) 0xC3 }, Format.YAML))
			.isInstanceOfSatisfying(BusinessRuleException.class, ex -> assertThat(ex.field()).isEqualTo("file"));
	}
}
