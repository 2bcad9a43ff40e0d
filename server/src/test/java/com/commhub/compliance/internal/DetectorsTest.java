package com.commhub.compliance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.commhub.compliance.Confidence;
import com.commhub.compliance.Finding;
import com.commhub.compliance.SensitiveCategory;

/** Tables of valid and invalid identifiers; every valid value is generated here, none belongs to a real person. */
class DetectorsTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
	static final List<Detector> DETECTORS = ValidatedDetectors.all(20, () -> TODAY);

	/** A resident ID with a correct check character for the given area code, birth date and sequence. */
	static String residentId(String area, String birth, String sequence) {
		String first17 = area + birth + sequence;
		return first17 + ValidatedDetectors.residentIdCheck(first17);
	}

	static String luhnComplete(String prefix) {
		for (char d = '0'; d <= '9'; d++) {
			if (ValidatedDetectors.luhn(prefix + d)) {
				return prefix + d;
			}
		}
		throw new IllegalStateException();
	}

	static String creditCode(String first17) {
		return first17 + ValidatedDetectors.CREDIT_CHARSET.charAt(ValidatedDetectors.creditCheckValue(first17));
	}

	static List<Finding> scan(String text, String detector) {
		List<Finding> findings = new ArrayList<>();
		NormalizedText normal = NormalizedText.of(text);
		DETECTORS.stream().filter(d -> d.id().equals(detector)).forEach(d -> d.detect(normal, findings));
		return findings;
	}

	static String toFullWidth(String ascii) {
		StringBuilder out = new StringBuilder();
		for (char c : ascii.toCharArray()) {
			out.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : c);
		}
		return out.toString();
	}

	@Test
	void residentIdsTable() {
		String valid = residentId("110105", "19900101", "001");
		String x = null;
		for (int seq = 0; seq < 1000 && x == null; seq++) {
			String candidate = residentId("310101", "19851231", String.format("%03d", seq));
			if (candidate.endsWith("X")) {
				x = candidate;
			}
		}
		assertThat(x).isNotNull();
		assertThat(ValidatedDetectors.validResidentId(valid, TODAY)).isTrue();
		assertThat(ValidatedDetectors.validResidentId(x, TODAY)).isTrue();
		assertThat(ValidatedDetectors.validResidentId(x.substring(0, 17) + "x", TODAY)).isTrue();
		// wrong check character
		char wrong = valid.charAt(17) == '0' ? '1' : '0';
		assertThat(ValidatedDetectors.validResidentId(valid.substring(0, 17) + wrong, TODAY)).isFalse();
		// impossible and implausible dates, with correct check characters
		assertThat(ValidatedDetectors.validResidentId(residentId("110105", "19900230", "001"), TODAY)).isFalse();
		assertThat(ValidatedDetectors.validResidentId(residentId("110105", "18991231", "001"), TODAY)).isFalse();
		assertThat(ValidatedDetectors.validResidentId(residentId("110105", "20261124", "001"), TODAY)).isFalse();
		assertThat(ValidatedDetectors.validResidentId(residentId("110105", "20261123", "001"), TODAY)).isTrue();
		assertThat(ValidatedDetectors.validResidentId(residentId("110105", "20000229", "001"), TODAY)).isTrue();
		assertThat(ValidatedDetectors.validResidentId(residentId("110105", "19000229", "001"), TODAY)).isFalse();
		assertThat(ValidatedDetectors.validResidentId(residentId("110105", "19901301", "001"), TODAY)).isFalse();
		assertThat(ValidatedDetectors.validResidentId(valid.substring(0, 17), TODAY)).isFalse();
	}

	@Test
	void residentIdInTextIsFoundMaskedAndBounded() {
		String id = residentId("110105", "19900101", "001");
		List<Finding> plain = scan("请核对 " + id + " 谢谢", "resident-id");
		assertThat(plain).singleElement().satisfies(f -> {
			assertThat(f.confidence()).isEqualTo(Confidence.MEDIUM);
			assertThat(f.maskedSnippet()).isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
			assertThat(f.start()).isEqualTo(4);
			assertThat(f.end()).isEqualTo(22);
			assertThat(f.category()).isEqualTo(SensitiveCategory.EMPLOYEE_PERSONAL_DATA);
		});
		assertThat(scan("身份证号:" + id, "resident-id")).singleElement()
			.extracting(Finding::confidence).isEqualTo(Confidence.HIGH);
		// inside longer digit runs
		assertThat(scan("9" + id, "resident-id")).isEmpty();
		assertThat(scan(id + "7", "resident-id")).isEmpty();
		assertThat(scan("订单" + id + "12345", "resident-id")).isEmpty();
		// full-width digits: offsets point at the original text
		String fullWidth = "身份证" + toFullWidth(id);
		assertThat(scan(fullWidth, "resident-id")).singleElement().satisfies(f -> {
			assertThat(f.start()).isEqualTo(3);
			assertThat(f.end()).isEqualTo(21);
			assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
			assertThat(f.maskedSnippet()).doesNotContain(id.substring(6, 14));
		});
		// a zero-width space inside the number does not hide it
		assertThat(scan(id.substring(0, 9) + "\u200B" + id.substring(9), "resident-id")).hasSize(1);
	}

	@ParameterizedTest
	@CsvSource({ "6222020000000000, true", "4111111111111111, true", "6222020000000001, false",
			"622202000000000, false" })
	void luhnTable(String prefix, boolean complete) {
		if (complete) {
			String card = luhnComplete(prefix.substring(0, prefix.length() - 1));
			assertThat(scan("卡号 " + card, "bank-card")).singleElement().satisfies(f -> {
				assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
				assertThat(f.maskedSnippet()).isEqualTo(card.substring(0, 4) + " **** **** " + card.substring(12));
			});
		}
		else {
			String card = luhnComplete(prefix.substring(0, prefix.length() - 1));
			String broken = card.substring(0, card.length() - 1) + (char) ('0' + (card.charAt(card.length() - 1) - '0' + 1) % 10);
			assertThat(scan(broken, "bank-card")).isEmpty();
		}
	}

	@Test
	void bankCardsTable() {
		String card16 = luhnComplete("622202123456789");
		String card19 = luhnComplete("622202123456789012");
		assertThat(scan(card16, "bank-card")).singleElement().extracting(Finding::confidence)
			.isEqualTo(Confidence.MEDIUM);
		assertThat(scan("x " + card19 + " y", "bank-card")).hasSize(1);
		String grouped = card16.substring(0, 4) + " " + card16.substring(4, 8) + " " + card16.substring(8, 12) + " "
				+ card16.substring(12);
		assertThat(scan("银行卡:" + grouped, "bank-card")).singleElement().satisfies(f -> {
			assertThat(f.end() - f.start()).isEqualTo(19);
			assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
		});
		assertThat(scan(toFullWidth(card16), "bank-card")).hasSize(1);
		// 20 digits (a Luhn-valid 16-digit card inside a longer run) is no card
		assertThat(scan("1234" + card16, "bank-card")).isEmpty();
		assertThat(scan(luhnComplete("123456789012345"), "bank-card")).singleElement()
			.extracting(Finding::confidence).isEqualTo(Confidence.LOW);
	}

	@Test
	void mobilesTable() {
		assertThat(scan("手机 13812345678", "mobile")).singleElement().satisfies(f -> {
			assertThat(f.maskedSnippet()).isEqualTo("138****5678");
			assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
		});
		assertThat(scan("请回电19912345678。", "mobile")).singleElement().extracting(Finding::confidence)
			.isEqualTo(Confidence.HIGH);
		assertThat(scan("编号 19912345678", "mobile")).singleElement().extracting(Finding::confidence)
			.isEqualTo(Confidence.MEDIUM);
		assertThat(scan("电话 +8613812345678", "mobile")).singleElement().satisfies(f -> {
			assertThat(f.start()).isEqualTo(6);
			assertThat(f.maskedSnippet()).isEqualTo("138****5678");
		});
		assertThat(scan("+86 13812345678", "mobile")).hasSize(1);
		assertThat(scan("8613812345678", "mobile")).isEmpty();
		assertThat(scan("12812345678", "mobile")).isEmpty();
		assertThat(scan("138123456789", "mobile")).isEmpty();
		assertThat(scan("013812345678", "mobile")).isEmpty();
		assertThat(scan("1381234567", "mobile")).isEmpty();
		assertThat(scan(toFullWidth("13812345678"), "mobile")).singleElement()
			.extracting(Finding::maskedSnippet).isEqualTo("138****5678");
	}

	@Test
	void creditCodesTable() {
		String code = creditCode("91110000MA01ABCD5");
		assertThat(ValidatedDetectors.validCreditCode(code)).isTrue();
		assertThat(scan("统一社会信用代码:" + code, "credit-code")).singleElement().satisfies(f -> {
			assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
			assertThat(f.maskedSnippet()).isEqualTo(code.substring(0, 6) + "********" + code.substring(14));
		});
		assertThat(scan(code.toLowerCase(), "credit-code")).singleElement().extracting(Finding::confidence)
			.isEqualTo(Confidence.MEDIUM);
		int check = ValidatedDetectors.CREDIT_CHARSET.indexOf(code.charAt(17));
		String wrong = code.substring(0, 17) + ValidatedDetectors.CREDIT_CHARSET.charAt((check + 1) % 31);
		assertThat(ValidatedDetectors.validCreditCode(wrong)).isFalse();
		// I, O, S, V, Z are not in the charset
		assertThat(ValidatedDetectors.validCreditCode("91110000MA01ABCDI" + code.charAt(17))).isFalse();
		assertThat(scan("X" + code, "credit-code")).isEmpty();
		// check value 31 maps to 0: find a prefix whose sum is divisible by 31
		Random random = new Random(7);
		String zero = null;
		while (zero == null) {
			StringBuilder sb = new StringBuilder("91");
			for (int i = 0; i < 15; i++) {
				sb.append(ValidatedDetectors.CREDIT_CHARSET.charAt(random.nextInt(31)));
			}
			if (ValidatedDetectors.creditCheckValue(sb.toString()) == 0) {
				zero = sb + "0";
			}
		}
		assertThat(ValidatedDetectors.validCreditCode(zero)).isTrue();
	}

	@Test
	void passportsTable() {
		assertThat(scan("E12345678", "passport")).singleElement().satisfies(f -> {
			assertThat(f.confidence()).isEqualTo(Confidence.MEDIUM);
			assertThat(f.maskedSnippet()).isEqualTo("E******78");
		});
		assertThat(scan("护照号 EA1234567", "passport")).singleElement().extracting(Finding::confidence)
			.isEqualTo(Confidence.HIGH);
		assertThat(scan("EI1234567", "passport")).isEmpty();
		assertThat(scan("X12345678", "passport")).isEmpty();
		assertThat(scan("E123456789", "passport")).isEmpty();
		assertThat(scan("AE12345678", "passport")).isEmpty();
	}

	@Test
	void emailsAndIpAddresses() {
		assertThat(scan("联系 Zhang.San@Example.COM 谢谢", "email")).singleElement()
			.extracting(Finding::maskedSnippet).isEqualTo("z***@example.com");
		assertThat(scan("no mail here @ all", "email")).isEmpty();
		assertThat(scan("服务器 10.20.30.40 已上线", "ip-address")).singleElement().satisfies(f -> {
			assertThat(f.maskedSnippet()).isEqualTo("10.20.*.*");
			assertThat(f.confidence()).isEqualTo(Confidence.MEDIUM);
		});
		assertThat(scan("version 1.2.3.4.5", "ip-address")).isEmpty();
		assertThat(scan("256.1.1.1", "ip-address")).isEmpty();
		assertThat(scan("01.1.1.1", "ip-address")).isEmpty();
		assertThat(scan("host 2001:db8::8a2e:370:7334 up", "ip-address")).singleElement()
			.extracting(Finding::maskedSnippet).isEqualTo("2001:*:*");
		assertThat(scan("fe80:0:0:0:0:0:0:1", "ip-address")).hasSize(1);
		assertThat(scan("会议 12:30:45 开始", "ip-address")).isEmpty();
		assertThat(scan("1:2:3:4:5:6:7:8:9", "ip-address")).isEmpty();
		assertThat(scan("网关 192.168.1.1。DNS 8.8.8.8.", "ip-address")).extracting(Finding::maskedSnippet)
			.containsExactly("192.168.*.*", "8.8.*.*");
		assertThat(scan("note: cafe:beef", "ip-address")).isEmpty();
		assertThat(scan("a@b.cn, x.y@mail.example.cn", "email")).extracting(Finding::maskedSnippet)
			.containsExactly("a***@b.cn", "x***@mail.example.cn");
		RegexDetector hinted = new RegexDetector("contract", "\\bht-[0-9]{4}-[0-9]{6}\\b", null, null, "ht-");
		List<Finding> contracts = new ArrayList<>();
		hinted.detect(NormalizedText.of("合同 ＨＴ-2026-000123 已签"), contracts);
		hinted.detect(NormalizedText.of("no contract here 2026-000123"), contracts);
		assertThat(contracts).singleElement().extracting(Finding::start).isEqualTo(3);
	}

	@Test
	void regexDetectorIsLinearOnAdversarialInput() {
		RegexDetector detector = new RegexDetector("evil", "(a+)+$", SensitiveCategory.CORE_TECHNOLOGY,
				Confidence.LOW);
		List<Finding> findings = new ArrayList<>();
		detector.detect(NormalizedText.of("a".repeat(100_000) + "!"), findings);
		assertThat(findings).isEmpty();
		detector.detect(NormalizedText.of("x" + "a".repeat(1_000)), findings);
		assertThat(findings).singleElement().satisfies(f -> {
			assertThat(f.start()).isEqualTo(1);
			assertThat(f.end()).isEqualTo(1_001);
			assertThat(f.maskedSnippet()).isEqualTo("a********");
		});
	}

	@Test
	void keywordsMatchAcrossCaseWidthAndBoundaries() {
		KeywordDetector detector = new KeywordDetector(List.of(
				new KeywordDetector.Dictionary("strategy", SensitiveCategory.UNPUBLISHED_STRATEGY,
						List.of("并购计划", "Project Phoenix", "ai", "凤凰")),
				new KeywordDetector.Dictionary("tech", SensitiveCategory.CORE_TECHNOLOGY, List.of("源代码", "凤凰计划"))));
		List<Finding> findings = new ArrayList<>();
		detector.detect(NormalizedText.of("关于ＰＲＯＪＥＣＴ phoenix的并购计划, email 与 AI; 凤凰计划源代码"), findings);
		assertThat(findings).extracting(Finding::detectorId).containsExactlyInAnyOrder("keyword:strategy",
				"keyword:strategy", "keyword:strategy", "keyword:strategy", "keyword:tech", "keyword:tech");
		assertThat(findings).allSatisfy(f -> assertThat(f.maskedSnippet()).contains("*"));
		assertThat(findings.getFirst().start()).isEqualTo(2);
	}

	@Test
	void ahoCorasickAgreesWithNaiveSearch() {
		Random random = new Random(42);
		String alphabet = "ab机密c";
		List<String> terms = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			StringBuilder term = new StringBuilder();
			int length = 1 + random.nextInt(5);
			for (int j = 0; j < length; j++) {
				term.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			terms.add(term.toString());
		}
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 2000; i++) {
			text.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		assertAgreesWithNaiveSearch(AhoCorasick.build(terms), terms, text.toString());
	}

	/**
	 * Repeating a long term's prefix makes every position start a long walk down the trie; past the walks' budget the
	 * rest of the text goes through the Aho-Corasick automaton, and together they still report each match once.
	 */
	@Test
	void longRepeatedPrefixesHandOverToTheAutomaton() {
		List<String> terms = new ArrayList<>();
		for (int length = 1; length <= 40; length++) {
			terms.add("密".repeat(length));
			terms.add("密".repeat(length) + "a");
		}
		terms.add("b密");
		String text = "b" + "密".repeat(1_500) + "a" + "密b".repeat(300) + "密".repeat(700) + "ab";
		assertAgreesWithNaiveSearch(AhoCorasick.build(terms), terms, text);
		// the walks alone would take some 60,000 steps here
		assertAgreesWithNaiveSearch(AhoCorasick.build(terms), terms, "密".repeat(3_000));
	}

	/** A dictionary with more characters or nodes than one trie holds is split into tries that are each scanned. */
	@Test
	void dictionaryBeyondOneTrieIsSplit() {
		Random random = new Random(7);
		List<String> terms = new ArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			StringBuilder term = new StringBuilder();
			int length = 1 + random.nextInt(6);
			for (int j = 0; j < length; j++) {
				term.append((char) ('一' + random.nextInt(300)));
			}
			terms.add(term.toString());
		}
		terms.add(terms.get(5));
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 20_000; i++) {
			text.append((char) ('一' + random.nextInt(320)));
		}
		AhoCorasick split = AhoCorasick.build(terms, 100, 2_000);
		assertThat(split.nodeCount()).isGreaterThan(2_000);
		assertAgreesWithNaiveSearch(split, terms, text.toString());
	}

	/**
	 * Every occurrence of every distinct term (the first index of a repeated one), each reported exactly once, by the
	 * scan and by the Aho-Corasick pass it falls back to.
	 */
	private static void assertAgreesWithNaiveSearch(AhoCorasick automaton, List<String> terms, String text) {
		List<String> expected = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int t = 0; t < terms.size(); t++) {
			if (!seen.add(terms.get(t))) {
				continue;
			}
			for (int at = text.indexOf(terms.get(t)); at >= 0; at = text.indexOf(terms.get(t), at + 1)) {
				expected.add(t + "@" + at);
			}
		}
		List<String> scanned = new ArrayList<>();
		automaton.scan(text, (term, start, end) -> {
			assertThat(end - start).isEqualTo(terms.get(term).length());
			scanned.add(term + "@" + start);
		});
		// sorted lists rather than containsExactlyInAnyOrder, which is quadratic in 100,000 matches
		expected.sort(null);
		scanned.sort(null);
		assertThat(scanned).isNotEmpty().isEqualTo(expected);
		List<String> byAutomaton = new ArrayList<>();
		automaton.scanByAutomaton(text, (term, start, end) -> {
			assertThat(end - start).isEqualTo(terms.get(term).length());
			byAutomaton.add(term + "@" + start);
		});
		byAutomaton.sort(null);
		assertThat(byAutomaton).isEqualTo(expected);
	}

	@Test
	void largeDictionaryBuildsAndMatches() {
		List<String> terms = new ArrayList<>();
		for (int i = 0; i < 50_000; i++) {
			terms.add("术语" + Integer.toString(i, 36) + "号");
		}
		terms.add("Secret Plan");
		KeywordDetector detector = new KeywordDetector(
				List.of(new KeywordDetector.Dictionary("big", SensitiveCategory.CORE_TECHNOLOGY, terms)));
		List<Finding> findings = new ArrayList<>();
		detector.detect(NormalizedText.of("这是术语zz号和SECRET PLAN"), findings);
		assertThat(findings).hasSize(2);
		assertThat(detector.termCount()).isEqualTo(50_001);
	}
}
