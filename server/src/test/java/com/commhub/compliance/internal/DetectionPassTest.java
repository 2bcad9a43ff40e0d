package com.commhub.compliance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import com.commhub.compliance.Finding;

/**
 * The shared pass and the hand-written matchers against their specifications: the validated detectors in one pass
 * find what each finds alone, the e-mail scan finds what the regular expression finds, and the double-array
 * automaton finds what a naive search finds with a large alphabet.
 */
class DetectionPassTest {

	static final List<Detector> VALIDATED = ValidatedDetectors.all(20, () -> LocalDate.of(2026, 11, 23));
	static final String ALPHABET = "0123456789012345678901234567890123456789xeegpsdabcfz@@..::--+_% "
			+ "０１２３４５６７８９＠．：\u3000\u200B身份证卡号手机护照地址服务器ip。，";

	static String randomText(Random random, String alphabet, int maxLength) {
		StringBuilder text = new StringBuilder();
		int length = random.nextInt(maxLength);
		for (int i = 0; i < length; i++) {
			switch (random.nextInt(12)) {
				case 0 -> {
					int run = 8 + random.nextInt(14);
					for (int j = 0; j < run; j++) {
						text.append((char) ('0' + random.nextInt(10)));
					}
				}
				case 1 -> text.append(random.nextInt(300)).append('.').append(random.nextInt(300)).append('.')
					.append(random.nextInt(300)).append('.').append(random.nextInt(300));
				case 2 -> text.append(Integer.toHexString(random.nextInt(70_000))).append(random.nextBoolean() ? ":" : "::");
				default -> text.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
		}
		return text.toString();
	}

	static List<String> describe(List<Finding> findings) {
		return findings.stream().map(Finding::toString).sorted().toList();
	}

	@Test
	void onePassFindsWhatEachDetectorFindsAlone() {
		Detector combined = ValidatedDetectors.combined(VALIDATED);
		Random random = new Random(7);
		int found = 0;
		for (int round = 0; round < 20_000; round++) {
			NormalizedText text = NormalizedText.of(randomText(random, ALPHABET, 60));
			List<Finding> alone = new ArrayList<>();
			for (Detector detector : VALIDATED) {
				detector.detect(text, alone);
			}
			List<Finding> together = new ArrayList<>();
			combined.detect(text, together);
			assertThat(describe(together)).as(text.original()).isEqualTo(describe(alone));
			found += alone.size();
		}
		assertThat(found).isGreaterThan(1_000);
	}

	@Test
	void emailScanFindsWhatThePatternFinds() {
		Pattern email = Pattern.compile("[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,24}");
		Detector detector = VALIDATED.stream().filter(d -> d.id().equals("email")).findFirst().orElseThrow();
		Random random = new Random(11);
		int found = 0;
		for (int round = 0; round < 50_000; round++) {
			String text = randomText(random, "abcdabcdab1-._%+@@@....x 身", 40);
			NormalizedText normal = NormalizedText.of(text);
			List<Finding> findings = new ArrayList<>();
			detector.detect(normal, findings);
			// the specification: the pattern on the neighbourhood of each '@' (local-part and domain characters)
			List<String> expected = new ArrayList<>();
			String value = normal.text();
			int at = value.indexOf('@');
			int done = 0;
			while (at >= 0) {
				int from = at;
				while (from > done && (NormalizedText.isAsciiAlnum(value.charAt(from - 1))
						|| "._%+-".indexOf(value.charAt(from - 1)) >= 0)) {
					from--;
				}
				int to = at + 1;
				while (to < value.length()
						&& (NormalizedText.isAsciiAlnum(value.charAt(to)) || ".-".indexOf(value.charAt(to)) >= 0)) {
					to++;
				}
				Matcher matcher = email.matcher(value.substring(from, to));
				if (matcher.find()) {
					expected.add((from + matcher.start()) + "-" + (from + matcher.end()));
					done = from + matcher.end();
				}
				at = value.indexOf('@', Math.max(at + 1, done));
			}
			assertThat(findings.stream().map(f -> f.start() + "-" + f.end()).toList()).as(text).isEqualTo(expected);
			found += expected.size();
		}
		assertThat(found).isGreaterThan(500);
	}

	@Test
	void doubleArrayAutomatonAgreesWithNaiveSearchOnALargeAlphabet() {
		Random random = new Random(3);
		StringBuilder letters = new StringBuilder("abcxyz-. ");
		for (int i = 0; i < 400; i++) {
			letters.append((char) (0x4E00 + random.nextInt(2_000)));
		}
		String alphabet = letters.toString();
		List<String> terms = new ArrayList<>();
		for (int i = 0; i < 5_000; i++) {
			StringBuilder term = new StringBuilder();
			int length = 1 + random.nextInt(4);
			for (int j = 0; j < length; j++) {
				term.append(alphabet.charAt(random.nextInt(i % 3 == 0 ? 40 : alphabet.length())));
			}
			terms.add(term.toString());
		}
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 20_000; i++) {
			text.append(random.nextInt(20) == 0 ? '!' : alphabet.charAt(random.nextInt(random.nextBoolean() ? 40
					: alphabet.length())));
		}
		Set<String> expected = new HashSet<>();
		Set<String> seen = new HashSet<>();
		for (int t = 0; t < terms.size(); t++) {
			if (!seen.add(terms.get(t))) {
				continue;
			}
			for (int at = text.indexOf(terms.get(t)); at >= 0; at = text.indexOf(terms.get(t), at + 1)) {
				expected.add(t + "@" + at);
			}
		}
		Set<String> actual = new HashSet<>();
		AhoCorasick.build(terms).scan(text, (term, start, end) -> {
			assertThat(end - start).isEqualTo(terms.get(term).length());
			actual.add(term + "@" + start);
		});
		assertThat(actual).hasSizeGreaterThan(10_000).isEqualTo(expected);
	}

	/** Every one of the 65,536 characters, against the rules written out plainly. */
	@Test
	void everyCharacterFoldsAsTheRulesSay() {
		Set<Character> dropped = Set.of('\u200B', '\u200C', '\u200D', '\uFEFF', '\u00AD');
		int changed = 0;
		for (int i = 0; i < 65536; i++) {
			char c = (char) i;
			String expected;
			if (dropped.contains(c)) {
				expected = "";
			}
			else if (c >= '！' && c <= '～') {
				expected = String.valueOf((char) (c - 0xFEE0)).toLowerCase(java.util.Locale.ROOT);
			}
			else if (c == '\u3000') {
				expected = " ";
			}
			else {
				expected = String.valueOf(Character.isSurrogate(c) ? c : Character.toLowerCase(c));
			}
			String actual = NormalizedText.of(String.valueOf(c)).text();
			assertThat(actual).as("U+%04X", i).isEqualTo(expected);
			changed += actual.equals(String.valueOf(c)) ? 0 : 1;
		}
		assertThat(changed).isGreaterThan(1_000);
	}

	@Test
	void offsetsMapBackWithAndWithoutDroppedCharacters() {
		NormalizedText plain = NormalizedText.of("ＡＢ身份");
		assertThat(plain.text()).isEqualTo("ab身份");
		assertThat(plain.originalStart(2)).isEqualTo(2);
		assertThat(plain.originalEnd(4)).isEqualTo(4);
		NormalizedText dropped = NormalizedText.of("a\u200Bb\u00ADc");
		assertThat(dropped.text()).isEqualTo("abc");
		assertThat(dropped.originalStart(1)).isEqualTo(2);
		assertThat(dropped.originalEnd(3)).isEqualTo(5);
		assertThat(dropped.originalStart(3)).isEqualTo(5);
		assertThat(NormalizedText.of("\u0000A").text()).isEqualTo("\u0000a");
	}
}
