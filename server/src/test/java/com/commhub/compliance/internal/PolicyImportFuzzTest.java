package com.commhub.compliance.internal;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.commhub.compliance.internal.PolicyDocuments.Format;
import com.commhub.compliance.internal.PolicyService.ExportedPolicy;
import com.commhub.compliance.internal.PolicyService.PolicyExport;
import com.commhub.shared.BusinessRuleException;

/**
 * Jazzer fuzz tests for the policy import parser: whatever the bytes, reading a JSON or YAML export and validating
 * its entries either succeeds or fails with the documented {@link BusinessRuleException} (400 with a field) — never
 * another exception, which the API would turn into a 500. Seeds: {@code PolicyImportFuzzTestInputs/<method>/}.
 */
class PolicyImportFuzzTest {

	@FuzzTest(maxDuration = "2m")
	void json(byte[] document) {
		readAndValidate(document, Format.JSON);
	}

	@FuzzTest(maxDuration = "2m")
	void yaml(byte[] document) {
		readAndValidate(document, Format.YAML);
	}

	/** Also writes what was read and reads it back: an accepted document survives the round trip. */
	@FuzzTest(maxDuration = "1m")
	void roundTrip(FuzzedDataProvider data) {
		Format format = data.consumeBoolean() ? Format.YAML : Format.JSON;
		PolicyExport export = readAndValidate(data.consumeRemainingAsBytes(), format);
		if (export != null) {
			String written = PolicyDocuments.write(export, format);
			PolicyExport again = PolicyDocuments.read(written.getBytes(StandardCharsets.UTF_8), format);
			if (!again.equals(export)) {
				throw new AssertionError("round trip changed the document:\n" + written);
			}
		}
	}

	static PolicyExport readAndValidate(byte[] document, Format format) {
		try {
			PolicyExport export = PolicyDocuments.read(document, format);
			for (ExportedPolicy entry : export.policies()) {
				if (entry != null && entry.definition() != null) {
					PolicyService.validate(entry.definition());
				}
			}
			return export;
		}
		catch (BusinessRuleException expected) {
			if (expected.field() == null || expected.field().isBlank()) {
				throw new AssertionError("refused without naming a field: " + expected.getMessage());
			}
			return null;
		}
	}
}
