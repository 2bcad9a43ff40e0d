package com.commhub.compliance.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import com.commhub.compliance.Confidence;
import com.commhub.compliance.Finding;
import com.commhub.compliance.SensitiveCategory;

/**
 * The validated detectors: Chinese resident ID (GB 11643), bank card (Luhn), mainland mobile, unified social credit
 * code (GB 32100), passport, e-mail, IPv4/IPv6. Each checks its boundaries (never a piece of a longer digit or
 * alphanumeric run), validates, and raises its confidence when a proximity keyword is near.
 */
public final class ValidatedDetectors {

	static final int[] ID_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	static final String ID_CHECK = "10X98765432";
	static final String CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	static final int[] CREDIT_WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private ValidatedDetectors() {
	}

	/** All validated detectors with the given proximity window; {@code today} bounds plausible birth dates. */
	public static List<Detector> all(int window, Supplier<LocalDate> today) {
		return List.of(new ResidentId(window, today), new BankCard(window), new Mobile(window), new CreditCode(window),
				new Passport(window), new Email(), new IpAddress(window));
	}

	static Finding finding(NormalizedText text, String id, int start, int end, Confidence confidence, String masked) {
		return new Finding(id, SensitiveCategory.ofDetector(id), text.originalStart(start), text.originalEnd(end),
				confidence, masked);
	}

	// ---- check functions (also used by tests) ----

	/** GB 11643: 17 digits + check character (0-9 or X), plausible birth date in [1900-01-01, today]. */
	public static boolean validResidentId(String value, LocalDate today) {
		if (value.length() != 18) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
			sum += (c - '0') * ID_WEIGHTS[i];
		}
		if (value.charAt(0) == '0') {
			return false;
		}
		char check = Character.toUpperCase(value.charAt(17));
		if (ID_CHECK.charAt(sum % 11) != check) {
			return false;
		}
		try {
			LocalDate birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)),
					Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
			return birth.getYear() >= 1900 && !birth.isAfter(today);
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

	public static char residentIdCheck(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
		}
		return ID_CHECK.charAt(sum % 11);
	}

	public static boolean luhn(String digits) {
		int sum = 0;
		boolean twice = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int d = digits.charAt(i) - '0';
			if (d < 0 || d > 9) {
				return false;
			}
			if (twice) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
			twice = !twice;
		}
		return sum % 10 == 0;
	}

	/** GB 32100: 17 characters of the charset + check = 31 - (Σ value × weight mod 31), 31 → 0. */
	public static boolean validCreditCode(String value) {
		if (value.length() != 18) {
			return false;
		}
		int check = creditCheckValue(value.substring(0, 17));
		return check >= 0 && CREDIT_CHARSET.indexOf(Character.toUpperCase(value.charAt(17))) == check;
	}

	/** The check value of 17 characters, or -1 when one is not in the charset. */
	public static int creditCheckValue(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int v = CREDIT_CHARSET.indexOf(Character.toUpperCase(first17.charAt(i)));
			if (v < 0) {
				return -1;
			}
			sum += v * CREDIT_WEIGHTS[i];
		}
		int check = 31 - sum % 31;
		return check == 31 ? 0 : check;
	}

	private static boolean digitAt(NormalizedText text, int index) {
		return index >= 0 && index < text.length() && NormalizedText.isAsciiDigit(text.charAt(index));
	}

	private static boolean alnumAt(NormalizedText text, int index) {
		return index >= 0 && index < text.length() && NormalizedText.isAsciiAlnum(text.charAt(index));
	}

	// ---- character runs ----

	/** A class of characters, such as ASCII digits. */
	@FunctionalInterface
	interface CharClass {
		boolean test(char c);
	}

	/** Receives one run of the normalised text, {@code [start, end)}. */
	@FunctionalInterface
	interface RunHandler {
		void run(int start, int end);
	}

	/** Calls {@code handler} with each maximal run of characters in {@code member}, left to right. */
	static void forEachRun(NormalizedText text, CharClass member, RunHandler handler) {
		forEachRun(text, member, index -> member.test(text.charAt(index)), handler);
	}

	/**
	 * Calls {@code handler} with each maximal run that starts at a character in {@code first} and goes on while
	 * {@code inRun} accepts the index; characters before a run starts are skipped. {@code inRun} must accept every
	 * character in {@code first}.
	 */
	static void forEachRun(NormalizedText text, CharClass first, IntPredicate inRun, RunHandler handler) {
		int n = text.length();
		int i = 0;
		while (i < n) {
			if (!first.test(text.charAt(i))) {
				i++;
				continue;
			}
			int start = i;
			while (i < n && inRun.test(i)) {
				i++;
			}
			handler.run(start, i);
		}
	}

	// ---- detectors ----

	static final class ResidentId implements Detector {
		static final List<String> KEYWORDS = List.of("身份证", "证件", "公民身份", "身份号", "id", "identity");
		private final int window;
		private final Supplier<LocalDate> today;

		ResidentId(int window, Supplier<LocalDate> today) {
			this.window = window;
			this.today = today;
		}

		@Override
		public String id() {
			return "resident-id";
		}

		@Override
		public void detect(NormalizedText text, List<Finding> findings) {
			// a trailing 'x' check character is not a digit, so the next run starts after it either way
			forEachRun(text, NormalizedText::isAsciiDigit, (start, runEnd) -> {
				int end = runEnd;
				if (end - start == 17 && end < text.length() && text.charAt(end) == 'x' && !alnumAt(text, end + 1)) {
					end++;
				}
				if (end - start != 18) {
					return;
				}
				String value = text.text().substring(start, end).toUpperCase();
				if (validResidentId(value, today.get())) {
					Confidence confidence = Proximity.near(text, start, end, window, KEYWORDS) ? Confidence.HIGH
							: Confidence.MEDIUM;
					findings.add(finding(text, id(), start, end, confidence, Masking.keep(value, 6, 4)));
				}
			});
		}
	}

	static final class BankCard implements Detector {
		static final List<String> KEYWORDS = List.of("卡号", "银行卡", "账号", "帐号", "信用卡", "借记卡", "开户",
				"card", "account");
		private final int window;

		BankCard(int window) {
			this.window = window;
		}

		@Override
		public String id() {
			return "bank-card";
		}

		@Override
		public void detect(NormalizedText text, List<Finding> findings) {
			// a maximal run of digits, allowing single spaces or hyphens between them (so it ends with a digit)
			forEachRun(text, NormalizedText::isAsciiDigit, index -> {
				char c = text.charAt(index);
				return NormalizedText.isAsciiDigit(c) || (c == ' ' || c == '-') && digitAt(text, index + 1);
			}, (start, end) -> {
				StringBuilder digits = new StringBuilder(24);
				for (int i = start; i < end; i++) {
					char c = text.charAt(i);
					if (NormalizedText.isAsciiDigit(c)) {
						digits.append(c);
					}
				}
				int length = digits.length();
				if (length < 16 || length > 19 || !luhn(digits.toString())) {
					return;
				}
				String value = digits.toString();
				Confidence confidence = value.startsWith("62") || value.startsWith("4")
						|| value.charAt(0) == '5' && value.charAt(1) >= '1' && value.charAt(1) <= '5'
								? Confidence.MEDIUM : Confidence.LOW;
				if (Proximity.near(text, start, end, window, KEYWORDS)) {
					confidence = Confidence.HIGH;
				}
				findings.add(finding(text, id(), start, end, confidence, Masking.bankCard(value)));
			});
		}
	}

	static final class Mobile implements Detector {
		static final List<String> KEYWORDS = List.of("手机", "电话", "联系方式", "联系电话", "致电", "回电", "mobile", "phone",
				"tel");
		private final int window;

		Mobile(int window) {
			this.window = window;
		}

		@Override
		public String id() {
			return "mobile";
		}

		@Override
		public void detect(NormalizedText text, List<Finding> findings) {
			forEachRun(text, NormalizedText::isAsciiDigit, (runStart, end) -> {
				int start = runStart;
				// "+8613812345678": the country code is part of the run
				if (end - start == 13 && start > 0 && text.charAt(start - 1) == '+' && text.charAt(start) == '8'
						&& text.charAt(start + 1) == '6') {
					start += 2;
				}
				if (end - start != 11 || text.charAt(start) != '1' || text.charAt(start + 1) < '3') {
					return;
				}
				String value = text.text().substring(start, end);
				Confidence confidence = Proximity.near(text, start, end, window, KEYWORDS) ? Confidence.HIGH
						: Confidence.MEDIUM;
				findings.add(finding(text, id(), start, end, confidence, Masking.keep(value, 3, 4)));
			});
		}
	}

	static final class CreditCode implements Detector {
		static final List<String> KEYWORDS = List.of("信用代码", "社会信用", "营业执照", "税号", "纳税人识别",
				"credit code", "uscc");
		private final int window;

		CreditCode(int window) {
			this.window = window;
		}

		@Override
		public String id() {
			return "credit-code";
		}

		@Override
		public void detect(NormalizedText text, List<Finding> findings) {
			forEachRun(text, NormalizedText::isAsciiAlnum, (start, end) -> {
				if (end - start != 18) {
					return;
				}
				String value = text.text().substring(start, end).toUpperCase();
				if (!validCreditCode(value)) {
					return;
				}
				Confidence confidence = Proximity.near(text, start, end, window, KEYWORDS) ? Confidence.HIGH
						: Confidence.MEDIUM;
				findings.add(finding(text, id(), start, end, confidence, Masking.keep(value, 6, 4)));
			});
		}
	}

	static final class Passport implements Detector {
		static final Pattern SHAPE = Pattern.compile("[egpsd][0-9]{8}|e[a-hj-np-z][0-9]{7}");
		static final List<String> KEYWORDS = List.of("护照", "passport", "证件");
		private final int window;

		Passport(int window) {
			this.window = window;
		}

		@Override
		public String id() {
			return "passport";
		}

		@Override
		public void detect(NormalizedText text, List<Finding> findings) {
			forEachRun(text, NormalizedText::isAsciiAlnum, (start, end) -> {
				if (end - start != 9 || !SHAPE.matches(text.text().substring(start, end))) {
					return;
				}
				String value = text.text().substring(start, end).toUpperCase();
				Confidence confidence = Proximity.near(text, start, end, window, KEYWORDS) ? Confidence.HIGH
						: Confidence.MEDIUM;
				findings.add(finding(text, id(), start, end, confidence, Masking.keep(value, 1, 2)));
			});
		}
	}

	static final class Email implements Detector {
		static final Pattern EMAIL = Pattern.compile("[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,24}");

		@Override
		public String id() {
			return "email";
		}

		@Override
		public void detect(NormalizedText text, List<Finding> findings) {
			// only the neighbourhood of each '@' is matched (most text has none)
			String value = text.text();
			int at = value.indexOf('@');
			int done = 0;
			while (at >= 0) {
				int from = at;
				while (from > done && localChar(value.charAt(from - 1))) {
					from--;
				}
				int to = at + 1;
				while (to < value.length() && domainChar(value.charAt(to))) {
					to++;
				}
				Matcher matcher = EMAIL.matcher(value.substring(from, to));
				if (matcher.find()) {
					int start = from + matcher.start();
					int end = from + matcher.end();
					findings.add(finding(text, id(), start, end, Confidence.HIGH, Masking.email(matcher.group())));
					done = end;
				}
				at = value.indexOf('@', Math.max(at + 1, done));
			}
		}

		private static boolean localChar(char c) {
			return NormalizedText.isAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
		}

		private static boolean domainChar(char c) {
			return NormalizedText.isAsciiAlnum(c) || c == '.' || c == '-';
		}
	}

	static final class IpAddress implements Detector {
		static final List<String> KEYWORDS = List.of("ip", "地址", "服务器", "主机", "server", "host", "网段");
		private final int window;

		IpAddress(int window) {
			this.window = window;
		}

		@Override
		public String id() {
			return "ip-address";
		}

		@Override
		public void detect(NormalizedText text, List<Finding> findings) {
			String value = text.text();
			int n = value.length();
			// IPv4: maximal runs of digits and dots that start with a digit
			forEachRun(text, NormalizedText::isAsciiDigit, index -> {
				char c = value.charAt(index);
				return NormalizedText.isAsciiDigit(c) || c == '.';
			}, (start, runEnd) -> {
				int end = runEnd;
				int dots = 0;
				for (int i = start; i < end; i++) {
					dots += value.charAt(i) == '.' ? 1 : 0;
				}
				// a sentence may end with a full stop right after the address
				if (end > start && value.charAt(end - 1) == '.' && dots == 4) {
					end--;
					dots--;
				}
				if (dots != 3 || start > 0 && value.charAt(start - 1) == '.') {
					return;
				}
				String candidate = value.substring(start, end);
				if (validIpv4(candidate)) {
					String[] parts = candidate.split("\\.");
					add(text, findings, start, end, parts[0] + "." + parts[1] + ".*.*");
				}
			});
			// IPv6: maximal runs of hex digits and colons around each colon
			int colon = value.indexOf(':');
			int done = 0;
			while (colon >= 0) {
				int start = colon;
				while (start > done && hexOrColon(value.charAt(start - 1))) {
					start--;
				}
				int end = colon;
				while (end < n && hexOrColon(value.charAt(end))) {
					end++;
				}
				done = end;
				if (!alnumAt(text, start - 1) && !alnumAt(text, end)) {
					String group = value.substring(start, end);
					if (validIpv6(group)) {
						add(text, findings, start, end, group.substring(0, group.indexOf(':')) + ":*:*");
					}
				}
				colon = value.indexOf(':', end);
			}
		}

		private static boolean hexOrColon(char c) {
			return c == ':' || c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
		}

		private void add(NormalizedText text, List<Finding> findings, int start, int end, String masked) {
			Confidence confidence = Proximity.near(text, start, end, window, KEYWORDS) ? Confidence.MEDIUM
					: Confidence.LOW;
			findings.add(finding(text, id(), start, end, confidence, masked));
		}
	}

	public static boolean validIpv4(String value) {
		String[] parts = value.split("\\.", -1);
		if (parts.length != 4) {
			return false;
		}
		for (String part : parts) {
			if (part.isEmpty() || part.length() > 3 || part.length() > 1 && part.charAt(0) == '0'
					|| Integer.parseInt(part) > 255) {
				return false;
			}
		}
		return true;
	}

	public static boolean validIpv6(String value) {
		if (value.length() < 2 || value.length() > 39) {
			return false;
		}
		int gap = value.indexOf("::");
		if (gap >= 0 && value.indexOf("::", gap + 1) >= 0) {
			return false;
		}
		List<String> groups = new ArrayList<>();
		if (gap >= 0) {
			String head = value.substring(0, gap);
			String tail = value.substring(gap + 2);
			if (!head.isEmpty()) {
				groups.addAll(List.of(head.split(":", -1)));
			}
			if (!tail.isEmpty()) {
				groups.addAll(List.of(tail.split(":", -1)));
			}
			if (groups.size() > 7) {
				return false;
			}
		}
		else {
			groups.addAll(List.of(value.split(":", -1)));
			if (groups.size() != 8) {
				return false;
			}
		}
		for (String group : groups) {
			if (group.isEmpty() || group.length() > 4) {
				return false;
			}
		}
		// "::" alone or a single short group is too weak to report
		return groups.size() >= 2;
	}
}
