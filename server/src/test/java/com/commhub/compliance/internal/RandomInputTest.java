package com.commhub.compliance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.commhub.compliance.Finding;
import com.commhub.compliance.SensitiveCategory;
import com.commhub.shared.BusinessRuleException;

import tools.jackson.core.JacksonException;

/**
 * Seeded random inputs (a light stand-in for the Jazzer fuzzing still to come): detectors never throw, findings stay
 * inside the text and never carry the full value; the policy parser fails only with the expected exceptions.
 */
class RandomInputTest {

	static final String ALPHABET = "0123456789０１２３４５６７８９xXeE@.:-+ abcdfghkp身份证卡号手机\u200B\u3000ＡＢ\n";

	@Test
	void detectorsSurviveRandomTextAndKeepFindingsMasked() {
		Random random = new Random(20261123);
		List<Detector> detectors = new ArrayList<>(ValidatedDetectors.all(20, () -> LocalDate.of(2026, 11, 23)));
		detectors.add(new KeywordDetector(List.of(new KeywordDetector.Dictionary("d", SensitiveCategory.CORE_TECHNOLOGY,
				List.of("身份", "ab", "x1", "卡号手机", "ＡＢ")))));
		detectors.add(new RegexDetector("r", "(a+)+b|[0-9]{3,}", null, null));
		for (int round = 0; round < 3000; round++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(80);
			for (int i = 0; i < length; i++) {
				// long digit runs are where the boundary rules matter
				if (random.nextInt(4) == 0) {
					int run = 8 + random.nextInt(14);
					for (int j = 0; j < run; j++) {
						text.append((char) ('0' + random.nextInt(10)));
					}
				}
				text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
			}
			String original = text.toString();
			NormalizedText normal = NormalizedText.of(original);
			List<Finding> findings = new ArrayList<>();
			for (Detector detector : detectors) {
				detector.detect(normal, findings);
			}
			for (Finding finding : findings) {
				assertThat(finding.start()).as("%s in %s", finding, original).isBetween(0, original.length() - 1);
				assertThat(finding.end()).as("%s in %s", finding, original).isBetween(finding.start() + 1,
						original.length());
				String value = original.substring(finding.start(), finding.end());
				if (value.length() >= 8) {
					assertThat(finding.maskedSnippet()).as("%s", finding).contains("*").isNotEqualTo(value);
				}
			}
		}
	}

	@Test
	void policyParserFailsOnlyWithExpectedExceptions() {
		String seed = """
				{"code":"p.one","name":"n","priority":5,"action":"WARN","tipZh":"t","tipEn":"t",
				 "scope":{"channels":["MAIL"],"recipients":"EXTERNAL","senderDepartmentIds":[1],"classifications":["INTERNAL"]},
				 "conditions":{"findings":{"detectors":["resident-id","keyword:x"],"categories":["FINANCIAL_DATA"],"minCount":2,
				 "minConfidence":"HIGH"},"classificationAtLeast":"CONFIDENTIAL","attachmentMinSize":10,"attachmentTypes":[".zip"],
				 "recipientDomainsDenied":["a.cn"],"recipientDomainsAllowed":["b.cn"],"minRecipients":3},
				 "exceptions":{"partnerDomains":["c.cn"],"authorisedSpokespersons":true}}""";
		PolicyDefinition parsed = PolicyService.validate(PolicyService.JSON.readValue(seed, PolicyDefinition.class));
		assertThat(PolicyService.JSON.readValue(PolicyService.JSON.writeValueAsString(parsed), PolicyDefinition.class))
			.isEqualTo(parsed);
		Random random = new Random(4);
		String junk = "{}[]\":,0123456789-.eE truefalsenull\\u";
		int accepted = 0;
		for (int round = 0; round < 3000; round++) {
			StringBuilder mutated = new StringBuilder(seed);
			int edits = 1 + random.nextInt(4);
			for (int e = 0; e < edits; e++) {
				int at = random.nextInt(mutated.length());
				switch (random.nextInt(3)) {
					case 0 -> mutated.deleteCharAt(at);
					case 1 -> mutated.insert(at, junk.charAt(random.nextInt(junk.length())));
					default -> mutated.setCharAt(at, junk.charAt(random.nextInt(junk.length())));
				}
			}
			try {
				PolicyDefinition definition = PolicyService.JSON.readValue(mutated.toString(), PolicyDefinition.class);
				PolicyService.validate(definition);
				accepted++;
			}
			catch (JacksonException | BusinessRuleException expected) {
				// refused cleanly
			}
		}
		assertThat(accepted).isPositive();
	}
}
