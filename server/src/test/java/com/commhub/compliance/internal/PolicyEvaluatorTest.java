package com.commhub.compliance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

import com.commhub.compliance.Channel;
import com.commhub.compliance.Confidence;
import com.commhub.compliance.Decision;
import com.commhub.compliance.Finding;
import com.commhub.compliance.InspectionRequest;
import com.commhub.compliance.InspectionRequest.Attachment;
import com.commhub.compliance.InspectionRequest.Recipient;
import com.commhub.compliance.MatchedRule;
import com.commhub.compliance.PolicyAction;
import com.commhub.compliance.SensitiveCategory;
import com.commhub.compliance.internal.PolicyDefinition.Conditions;
import com.commhub.compliance.internal.PolicyDefinition.Exceptions;
import com.commhub.compliance.internal.PolicyDefinition.FindingCondition;
import com.commhub.compliance.internal.PolicyDefinition.RecipientScope;
import com.commhub.compliance.internal.PolicyDefinition.Scope;
import com.commhub.compliance.internal.PolicyEvaluator.CompiledPolicy;
import com.commhub.shared.Classification;

/** Precedence, scope, conditions and exceptions of policy evaluation, without the database. */
class PolicyEvaluatorTest {

	static final Finding ID_HIGH = new Finding("resident-id", SensitiveCategory.EMPLOYEE_PERSONAL_DATA, 0, 18,
			Confidence.HIGH, "x");
	static final Finding CARD_LOW = new Finding("bank-card", SensitiveCategory.FINANCIAL_DATA, 20, 36, Confidence.LOW,
			"x");
	static final Finding KEYWORD = new Finding("keyword:strategy", SensitiveCategory.UNPUBLISHED_STRATEGY, 40, 44,
			Confidence.HIGH, "x");

	static CompiledPolicy policy(long id, String code, PolicyAction action, int priority, Scope scope,
			Conditions conditions, Exceptions exceptions) {
		return new CompiledPolicy(id, 1, new PolicyDefinition(code, code, null, priority, action, "提示" + code,
				"tip " + code, scope, conditions, exceptions));
	}

	static Conditions findings(List<String> detectors, int min, Confidence confidence) {
		return new Conditions(new FindingCondition(detectors, null, min, confidence), null, null, null, null, null,
				null);
	}

	static InspectionRequest request(Channel channel, Classification level, Locale locale, Recipient... to) {
		return new InspectionRequest("", channel, 7L, Set.of(3L), List.of(to), level, List.of(), locale);
	}

	static final Recipient EXTERNAL = new Recipient("a@partner.example.com", null, true);
	static final Recipient INTERNAL = new Recipient("b@huaxin.example.cn", null, false);

	@Test
	void mostSevereWinsThenLowerPriorityThenCode() {
		List<CompiledPolicy> policies = List.of(
				policy(1, "audit", PolicyAction.AUDIT, 1, null, null, null),
				policy(2, "block", PolicyAction.BLOCK, 900, null, findings(List.of("resident-id"), 1, Confidence.HIGH), null),
				policy(3, "warn-b", PolicyAction.WARN, 5, null, null, null),
				policy(4, "warn-a", PolicyAction.WARN, 5, null, null, null),
				policy(5, "allow", PolicyAction.ALLOW, 0, null, null, null));
		Decision decision = PolicyEvaluator.evaluate(policies, request(Channel.MAIL, null, Locale.ENGLISH),
				List.of(ID_HIGH), null);
		assertThat(decision.action()).isEqualTo(PolicyAction.BLOCK);
		assertThat(decision.matchedRules()).extracting(MatchedRule::code)
			.containsExactly("block", "warn-a", "warn-b", "audit", "allow");
		assertThat(decision.tip()).isEqualTo("tip block");
		assertThat(decision.suggestedClassification()).isEqualTo(Classification.CONFIDENTIAL);
		assertThat(decision.mayProceed()).isFalse();

		Decision without = PolicyEvaluator.evaluate(policies, request(Channel.MAIL, null, Locale.CHINA), List.of(),
				null);
		assertThat(without.action()).isEqualTo(PolicyAction.WARN);
		assertThat(without.tip()).isEqualTo("提示warn-a");
		assertThat(without.mayProceed()).isTrue();
		assertThat(PolicyEvaluator.evaluate(List.of(), request(Channel.MAIL, null, null), List.of(), null).action())
			.isEqualTo(PolicyAction.ALLOW);
	}

	@Test
	void scopeSelectsChannelRecipientsDepartmentsAndClassification() {
		Scope external = new Scope(Set.of(Channel.EXTERNAL_MAIL), RecipientScope.EXTERNAL, null, null);
		PolicyDefinition p = policy(1, "p", PolicyAction.WARN, 1, external, null, null).definition();
		assertThat(PolicyEvaluator.matches(p, request(Channel.EXTERNAL_MAIL, null, null, INTERNAL, EXTERNAL), List.of(), null)).isTrue();
		assertThat(PolicyEvaluator.matches(p, request(Channel.MAIL, null, null, EXTERNAL), List.of(), null)).isFalse();
		assertThat(PolicyEvaluator.matches(p, request(Channel.EXTERNAL_MAIL, null, null, INTERNAL), List.of(), null)).isFalse();

		PolicyDefinition internal = policy(1, "i", PolicyAction.AUDIT, 1,
				new Scope(null, RecipientScope.INTERNAL, Set.of(3L, 4L), Set.of(Classification.INTERNAL)), null, null).definition();
		assertThat(PolicyEvaluator.matches(internal, request(Channel.CHAT, Classification.INTERNAL, null), List.of(), null)).isTrue();
		assertThat(PolicyEvaluator.matches(internal, request(Channel.CHAT, Classification.PUBLIC, null), List.of(), null)).isFalse();
		assertThat(PolicyEvaluator.matches(internal, request(Channel.CHAT, null, null), List.of(), null)).isFalse();
		assertThat(PolicyEvaluator.matches(internal, request(Channel.CHAT, Classification.INTERNAL, null, EXTERNAL), List.of(), null)).isFalse();
		InspectionRequest otherDepartment = new InspectionRequest("", Channel.CHAT, 7L, Set.of(9L), List.of(),
				Classification.INTERNAL, List.of(), null);
		assertThat(PolicyEvaluator.matches(internal, otherDepartment, List.of(), null)).isFalse();
	}

	@Test
	void conditionsCountFindingsAndCheckAttachmentsAndRecipients() {
		InspectionRequest plain = request(Channel.MAIL, Classification.CONFIDENTIAL, null, INTERNAL, EXTERNAL);
		assertThat(PolicyEvaluator.conditionsHold(findings(List.of("resident-id", "bank-card"), 2, Confidence.LOW), plain,
				List.of(ID_HIGH, CARD_LOW))).isTrue();
		assertThat(PolicyEvaluator.conditionsHold(findings(List.of("resident-id", "bank-card"), 2, Confidence.MEDIUM), plain,
				List.of(ID_HIGH, CARD_LOW))).isFalse();
		assertThat(PolicyEvaluator.conditionsHold(findings(List.of("keyword"), 1, null), plain, List.of(KEYWORD))).isTrue();
		assertThat(PolicyEvaluator.conditionsHold(findings(List.of("keyword:other"), 1, null), plain, List.of(KEYWORD))).isFalse();
		assertThat(PolicyEvaluator.conditionsHold(new Conditions(new FindingCondition(null,
				List.of(SensitiveCategory.UNPUBLISHED_STRATEGY), 1, null), null, null, null, null, null, null), plain,
				List.of(ID_HIGH, KEYWORD))).isTrue();

		assertThat(PolicyEvaluator.conditionsHold(new Conditions(null, Classification.CONFIDENTIAL, null, null, null, null, null),
				plain, List.of())).isTrue();
		assertThat(PolicyEvaluator.conditionsHold(new Conditions(null, Classification.TOP_SECRET, null, null, null, null, null),
				plain, List.of())).isFalse();

		InspectionRequest withFile = new InspectionRequest("", Channel.MAIL, null, null, List.of(EXTERNAL), null,
				List.of(new Attachment("设计.DWG", 5_000_000, "application/octet-stream")), null);
		assertThat(PolicyEvaluator.conditionsHold(new Conditions(null, null, 1_000_000L, List.of(".dwg"), null, null, null),
				withFile, List.of())).isTrue();
		assertThat(PolicyEvaluator.conditionsHold(new Conditions(null, null, 10_000_000L, null, null, null, null),
				withFile, List.of())).isFalse();
		assertThat(PolicyEvaluator.conditionsHold(new Conditions(null, null, null, List.of("application/zip"), null, null, null),
				withFile, List.of())).isFalse();

		assertThat(PolicyEvaluator.conditionsHold(new Conditions(null, null, null, null, List.of("example.com"), null, null),
				plain, List.of())).isTrue();
		assertThat(PolicyEvaluator.conditionsHold(new Conditions(null, null, null, null, List.of("rival.example"), null, null),
				plain, List.of())).isFalse();
		assertThat(PolicyEvaluator.conditionsHold(new Conditions(null, null, null, null, null, List.of("partner.example.com"), null),
				plain, List.of())).isFalse();
		assertThat(PolicyEvaluator.conditionsHold(new Conditions(null, null, null, null, null, List.of("other.example"), null),
				plain, List.of())).isTrue();
		assertThat(PolicyEvaluator.conditionsHold(new Conditions(null, null, null, null, null, null, 3), plain, List.of()))
			.isFalse();
		assertThat(PolicyEvaluator.conditionsHold(new Conditions(null, null, null, null, null, null, 2), plain, List.of()))
			.isTrue();
	}

	@Test
	void exceptionsComeFirst() {
		CompiledPolicy block = policy(1, "block", PolicyAction.BLOCK, 1,
				new Scope(null, RecipientScope.EXTERNAL, null, null), null,
				new Exceptions(List.of("@partner.example.com"), true));
		InspectionRequest partner = request(Channel.EXTERNAL_MAIL, null, null, INTERNAL,
				new Recipient("x@mail.partner.example.com", null, true));
		assertThat(PolicyEvaluator.evaluate(List.of(block), partner, List.of(), null).action())
			.isEqualTo(PolicyAction.ALLOW);
		InspectionRequest mixed = request(Channel.EXTERNAL_MAIL, null, null, EXTERNAL,
				new Recipient("y@stranger.example.net", null, true));
		assertThat(PolicyEvaluator.evaluate(List.of(block), mixed, List.of(), null).action())
			.isEqualTo(PolicyAction.BLOCK);
		assertThat(PolicyEvaluator.evaluate(List.of(block), mixed, List.of(), (sender, channel) -> sender == 7L)
			.action()).isEqualTo(PolicyAction.ALLOW);
		assertThat(PolicyEvaluator.evaluate(List.of(block), mixed, List.of(), (sender, channel) -> false).action())
			.isEqualTo(PolicyAction.BLOCK);
	}

	@Test
	void dictionaryUploadsReadTextAndTheFirstXlsxColumn() throws Exception {
		assertThat(DictionaryService.parseUpload("terms.txt",
				new ByteArrayInputStream("凤凰计划\r\nProject X\n".getBytes(StandardCharsets.UTF_8))))
			.containsExactly("凤凰计划", "Project X");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (Workbook workbook = new Workbook(out, "test", "1.0")) {
			Worksheet sheet = workbook.newWorksheet("terms");
			sheet.value(0, 0, "量子芯片");
			sheet.value(0, 1, "ignored");
			sheet.value(1, 0, "Falcon SDK");
		}
		assertThat(DictionaryService.parseUpload("TERMS.XLSX", new ByteArrayInputStream(out.toByteArray())))
			.containsExactly("量子芯片", "Falcon SDK");
	}
}
