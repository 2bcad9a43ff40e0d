package com.commhub.compliance.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import com.commhub.compliance.Confidence;
import com.commhub.compliance.Finding;
import com.commhub.compliance.SensitiveCategory;

/**
 * The validated detectors: Chinese resident ID (GB 11643), bank card (Luhn), mainland mobile, unified social credit
 * code (GB 32100), passport, e-mail, IPv4/IPv6. Each checks its boundaries (never a piece of a longer digit or
 * alphanumeric run), validates, and raises its confidence when a proximity keyword is near.
 * <p>
 * They share one pass over the normalised characters ({@link #scan}): the maximal ASCII alphanumeric runs and the
 * digit runs inside them are found once and offered to each enabled detector, which rejects most of them by their
 * length alone; the e-mail and IPv6 scans run only when the pass has seen an '@' or a ':'. Candidates are checked
 * in place (no substring, no boxing); strings are made only for a finding's masked snippet. Everything is linear in
 * the text: each scan visits a character at most twice.
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
		return value.length() == 18 && validResidentId(value.toCharArray(), 0, today);
	}

	/** {@link #validResidentId(String, LocalDate)} of {@code value[start, start + 18)}. */
	static boolean validResidentId(char[] value, int start, LocalDate today) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			char c = value[start + i];
			if (c < '0' || c > '9') {
				return false;
			}
			sum += (c - '0') * ID_WEIGHTS[i];
		}
		if (value[start] == '0') {
			return false;
		}
		if (ID_CHECK.charAt(sum % 11) != Character.toUpperCase(value[start + 17])) {
			return false;
		}
		int year = number(value, start + 6, 4);
		int month = number(value, start + 10, 2);
		int day = number(value, start + 12, 2);
		return year >= 1900 && month >= 1 && month <= 12 && day >= 1
				&& day <= Month.of(month).length(Year.isLeap(year))
				&& !LocalDate.of(year, month, day).isAfter(today);
	}

	private static int number(char[] digits, int start, int length) {
		int value = 0;
		for (int i = start; i < start + length; i++) {
			value = value * 10 + digits[i] - '0';
		}
		return value;
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

	/** Luhn over the digits in {@code value[start, end)}; other characters (separators) are skipped. */
	static boolean luhn(char[] value, int start, int end) {
		int sum = 0;
		boolean twice = false;
		for (int i = end - 1; i >= start; i--) {
			int d = value[i] - '0';
			if (d < 0 || d > 9) {
				continue;
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

	/** The value of each ASCII character in {@link #CREDIT_CHARSET} (either case), -1 for the others. */
	private static final byte[] CREDIT_VALUE = new byte[128];

	static {
		Arrays.fill(CREDIT_VALUE, (byte) -1);
		for (int i = 0; i < CREDIT_CHARSET.length(); i++) {
			char c = CREDIT_CHARSET.charAt(i);
			CREDIT_VALUE[c] = (byte) i;
			CREDIT_VALUE[Character.toLowerCase(c)] = (byte) i;
		}
	}

	/** GB 32100: 17 characters of the charset + check = 31 - (Σ value × weight mod 31), 31 → 0. */
	public static boolean validCreditCode(String value) {
		return value.length() == 18 && validCreditCode(value.toCharArray(), 0);
	}

	/** {@link #validCreditCode(String)} of {@code value[start, start + 18)}. */
	static boolean validCreditCode(char[] value, int start) {
		int check = creditCheckValue(value, start);
		return check >= 0 && creditValue(value[start + 17]) == check;
	}

	/** The check value of 17 characters, or -1 when one is not in the charset. */
	public static int creditCheckValue(String first17) {
		return creditCheckValue(first17.toCharArray(), 0);
	}

	private static int creditCheckValue(char[] value, int start) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int v = creditValue(value[start + i]);
			if (v < 0) {
				return -1;
			}
			sum += v * CREDIT_WEIGHTS[i];
		}
		int check = 31 - sum % 31;
		return check == 31 ? 0 : check;
	}

	private static int creditValue(char c) {
		return c < 128 ? CREDIT_VALUE[c] : CREDIT_CHARSET.indexOf(Character.toUpperCase(c));
	}

	private static boolean alnumAt(char[] text, int index) {
		return index >= 0 && index < text.length && NormalizedText.isAsciiAlnum(text[index]);
	}

	private static boolean digitAt(char[] text, int index) {
		return index >= 0 && index < text.length && NormalizedText.isAsciiDigit(text[index]);
	}

	private static boolean lowerAt(char[] text, int index) {
		return index < text.length && text[index] >= 'a' && text[index] <= 'z';
	}

	private static int indexOf(char[] text, char c, int from) {
		for (int i = from; i < text.length; i++) {
			if (text[i] == c) {
				return i;
			}
		}
		return -1;
	}

	// ---- the shared pass ----

	/** The enabled validated detectors among {@code detectors}, run in one pass; other detectors are ignored. */
	static Combined combined(Collection<Detector> detectors) {
		return new Combined(find(detectors, ResidentId.class), find(detectors, BankCard.class),
				find(detectors, Mobile.class), find(detectors, CreditCode.class), find(detectors, Passport.class),
				find(detectors, Email.class), find(detectors, IpAddress.class));
	}

	static boolean isValidated(Detector detector) {
		return detector instanceof ResidentId || detector instanceof BankCard || detector instanceof Mobile
				|| detector instanceof CreditCode || detector instanceof Passport || detector instanceof Email
				|| detector instanceof IpAddress;
	}

	private static <T> T find(Collection<Detector> detectors, Class<T> type) {
		for (Detector detector : detectors) {
			if (type.isInstance(detector)) {
				return type.cast(detector);
			}
		}
		return null;
	}

	/** Several validated detectors (the null ones are off) in one pass ({@link #scan}). */
	record Combined(ResidentId residentId, BankCard bankCard, Mobile mobile, CreditCode creditCode,
			Passport passport, Email email, IpAddress ip) implements Detector {

		@Override
		public String id() {
			return "validated";
		}

		@Override
		public void detect(NormalizedText text, List<Finding> findings) {
			scan(text, findings);
		}

		/**
		 * The one pass: each maximal ASCII alphanumeric run, and each maximal digit run inside it, is offered to the
		 * detectors that are not null. The bank card and IPv4 runs (digits joined by separators or dots) may span
		 * several of these runs; each reports where it ended, and no run starts inside one already examined.
		 * <p>
		 * Its own loop, not the keyword automaton's: fused with the automaton's steps (whose mispredicted branches
		 * discard the work in flight) the two cost their sum and more, while alone a Chinese character costs one
		 * comparison. The pass also tells the text which characters below 64 occur, so that a configured pattern's
		 * hint such as {@code ht-} is ruled out without another scan ({@link NormalizedText#contains}).
		 */
		void scan(NormalizedText text, List<Finding> findings) {
			char[] v = text.chars();
			int n = v.length;
			boolean at = false;
			boolean colon = false;
			long below64 = 0;
			int cardEnd = 0;
			int ipv4End = 0;
			int i = 0;
			while (i < n) {
				char c = v[i];
				if (c > 'z') {
					// most characters of Chinese text: one comparison
					i++;
					continue;
				}
				if (!NormalizedText.isAsciiAlnum(c)) {
					below64 |= 1L << c & (c - 64) >> 31;
					at |= c == '@';
					colon |= c == ':';
					i++;
					continue;
				}
				int runStart = i;
				while (i < n && NormalizedText.isAsciiAlnum(v[i])) {
					if (!NormalizedText.isAsciiDigit(v[i])) {
						i++;
						continue;
					}
					int digits = i;
					while (i < n && NormalizedText.isAsciiDigit(v[i])) {
						below64 |= 1L << v[i];
						i++;
					}
					if (residentId != null) {
						residentId.digitRun(text, v, digits, i, findings);
					}
					if (mobile != null) {
						mobile.digitRun(text, v, digits, i, findings);
					}
					if (bankCard != null && digits >= cardEnd) {
						cardEnd = bankCard.run(text, v, digits, i, findings);
					}
					if (ip != null && digits >= ipv4End) {
						ipv4End = ip.ipv4Run(text, v, digits, i, findings);
					}
				}
				if (creditCode != null && i - runStart == 18) {
					creditCode.alnumRun(text, v, runStart, findings);
				}
				if (passport != null && i - runStart == 9) {
					passport.alnumRun(text, v, runStart, findings);
				}
			}
			text.charsBelow64(below64);
			if (email != null && at) {
				email.scan(text, v, findings);
			}
			if (ip != null && colon) {
				ip.ipv6(text, v, findings);
			}
		}
	}

	/** One detector alone, in the shared pass. */
	static void scan(NormalizedText text, List<Finding> findings, ResidentId residentId, BankCard bankCard,
			Mobile mobile, CreditCode creditCode, Passport passport, Email email, IpAddress ip) {
		new Combined(residentId, bankCard, mobile, creditCode, passport, email, ip).scan(text, findings);
	}

	// ---- detectors ----

	/** A detector whose confidence depends on keywords within {@code window} characters of a finding. */
	abstract static class ProximityDetector implements Detector {
		private final String id;
		private final List<String> keywords;
		private final int window;

		ProximityDetector(String id, List<String> keywords, int window) {
			this.id = id;
			this.keywords = keywords;
			this.window = window;
		}

		@Override
		public final String id() {
			return id;
		}

		final boolean keywordNear(NormalizedText text, int start, int end) {
			return Proximity.near(text, start, end, window, keywords);
		}

		/** HIGH with a keyword nearby, MEDIUM without: for values whose check digit already makes them likely. */
		final Confidence confidence(NormalizedText text, int start, int end) {
			return keywordNear(text, start, end) ? Confidence.HIGH : Confidence.MEDIUM;
		}
	}

	static final class ResidentId extends ProximityDetector {
		static final List<String> KEYWORDS = List.of("身份证", "证件", "公民身份", "身份号", "id", "identity");
		private final Supplier<LocalDate> today;

		ResidentId(int window, Supplier<LocalDate> today) {
			super("resident-id", KEYWORDS, window);
			this.today = today;
		}

		@Override
		public void detect(NormalizedText text, List<Finding> findings) {
			scan(text, findings, this, null, null, null, null, null, null);
		}

		/** A maximal digit run; a trailing 'x' check character ends the run, so no other run starts inside it. */
		void digitRun(NormalizedText text, char[] v, int start, int runEnd, List<Finding> findings) {
			int end = runEnd;
			if (end - start == 17 && end < v.length && v[end] == 'x' && !alnumAt(v, end + 1)) {
				end++;
			}
			if (end - start != 18 || !validResidentId(v, start, today.get())) {
				return;
			}
			String value = new String(v, start, 18).toUpperCase();
			Confidence confidence = confidence(text, start, end);
			findings.add(finding(text, id(), start, end, confidence, Masking.keep(value, 6, 4)));
		}
	}

	static final class BankCard extends ProximityDetector {
		static final List<String> KEYWORDS = List.of("卡号", "银行卡", "账号", "帐号", "信用卡", "借记卡", "开户",
				"card", "account");

		BankCard(int window) {
			super("bank-card", KEYWORDS, window);
		}

		@Override
		public void detect(NormalizedText text, List<Finding> findings) {
			scan(text, findings, null, this, null, null, null, null, null);
		}

		/**
		 * The maximal run of digits from {@code start}, allowing single spaces or hyphens between digits (so it ends
		 * with a digit); {@code [start, digitsEnd)} is its first digit run. Returns where the run ends.
		 */
		int run(NormalizedText text, char[] v, int start, int digitsEnd, List<Finding> findings) {
			int n = v.length;
			int end = digitsEnd;
			int digits = digitsEnd - start;
			while (end + 1 < n && (v[end] == ' ' || v[end] == '-') && NormalizedText.isAsciiDigit(v[end + 1])) {
				int next = end + 1;
				end = next;
				while (end < n && NormalizedText.isAsciiDigit(v[end])) {
					end++;
				}
				digits += end - next;
			}
			if (digits < 16 || digits > 19 || !luhn(v, start, end)) {
				return end;
			}
			char[] number = new char[digits];
			int k = 0;
			for (int i = start; i < end; i++) {
				if (NormalizedText.isAsciiDigit(v[i])) {
					number[k++] = v[i];
				}
			}
			String value = new String(number);
			Confidence confidence = value.startsWith("62") || value.startsWith("4")
					|| value.charAt(0) == '5' && value.charAt(1) >= '1' && value.charAt(1) <= '5'
							? Confidence.MEDIUM : Confidence.LOW;
			if (keywordNear(text, start, end)) {
				confidence = Confidence.HIGH;
			}
			findings.add(finding(text, id(), start, end, confidence, Masking.bankCard(value)));
			return end;
		}
	}

	static final class Mobile extends ProximityDetector {
		static final List<String> KEYWORDS = List.of("手机", "电话", "联系方式", "联系电话", "致电", "回电", "mobile", "phone",
				"tel");

		Mobile(int window) {
			super("mobile", KEYWORDS, window);
		}

		@Override
		public void detect(NormalizedText text, List<Finding> findings) {
			scan(text, findings, null, null, this, null, null, null, null);
		}

		void digitRun(NormalizedText text, char[] v, int runStart, int end, List<Finding> findings) {
			int start = runStart;
			// "+8613812345678": the country code is part of the run
			if (end - start == 13 && start > 0 && v[start - 1] == '+' && v[start] == '8' && v[start + 1] == '6') {
				start += 2;
			}
			if (end - start != 11 || v[start] != '1' || v[start + 1] < '3') {
				return;
			}
			String value = new String(v, start, 11);
			Confidence confidence = confidence(text, start, end);
			findings.add(finding(text, id(), start, end, confidence, Masking.keep(value, 3, 4)));
		}
	}

	static final class CreditCode extends ProximityDetector {
		static final List<String> KEYWORDS = List.of("信用代码", "社会信用", "营业执照", "税号", "纳税人识别",
				"credit code", "uscc");

		CreditCode(int window) {
			super("credit-code", KEYWORDS, window);
		}

		@Override
		public void detect(NormalizedText text, List<Finding> findings) {
			scan(text, findings, null, null, null, this, null, null, null);
		}

		/** A maximal alphanumeric run of 18 characters. */
		void alnumRun(NormalizedText text, char[] v, int start, List<Finding> findings) {
			if (!validCreditCode(v, start)) {
				return;
			}
			int end = start + 18;
			String value = new String(v, start, 18).toUpperCase();
			Confidence confidence = confidence(text, start, end);
			findings.add(finding(text, id(), start, end, confidence, Masking.keep(value, 6, 4)));
		}
	}

	static final class Passport extends ProximityDetector {
		static final List<String> KEYWORDS = List.of("护照", "passport", "证件");

		Passport(int window) {
			super("passport", KEYWORDS, window);
		}

		@Override
		public void detect(NormalizedText text, List<Finding> findings) {
			scan(text, findings, null, null, null, null, this, null, null);
		}

		/** A maximal alphanumeric run of 9 characters: {@code [egpsd][0-9]{8}} or {@code e[a-hj-np-z][0-9]{7}}. */
		void alnumRun(NormalizedText text, char[] v, int start, List<Finding> findings) {
			if (!shape(v, start)) {
				return;
			}
			int end = start + 9;
			String value = new String(v, start, 9).toUpperCase();
			Confidence confidence = confidence(text, start, end);
			findings.add(finding(text, id(), start, end, confidence, Masking.keep(value, 1, 2)));
		}

		static boolean shape(char[] v, int start) {
			char first = v[start];
			char second = v[start + 1];
			int digitsFrom;
			if (NormalizedText.isAsciiDigit(second) && "egpsd".indexOf(first) >= 0) {
				digitsFrom = start + 1;
			}
			else if (first == 'e' && second >= 'a' && second <= 'z' && second != 'i' && second != 'o') {
				digitsFrom = start + 2;
			}
			else {
				return false;
			}
			for (int i = digitsFrom; i < start + 9; i++) {
				if (!NormalizedText.isAsciiDigit(v[i])) {
					return false;
				}
			}
			return true;
		}
	}

	/**
	 * E-mail addresses, {@code [a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}} on the normalised
	 * text, matched by hand around each '@': the address starts at the first letter or digit of the run of
	 * local-part characters before it; of the domain run after it, the first label takes everything up to a dot,
	 * further labels as many as there are before an empty one, and the top-level domain is the last label start
	 * (after that many) with two or more letters, 24 at most — the match the pattern's leftmost-first, greedy search
	 * finds.
	 */
	static final class Email implements Detector {

		@Override
		public String id() {
			return "email";
		}

		@Override
		public void detect(NormalizedText text, List<Finding> findings) {
			ValidatedDetectors.scan(text, findings, null, null, null, null, null, this, null);
		}

		void scan(NormalizedText text, char[] v, List<Finding> findings) {
			int n = v.length;
			int at = indexOf(v, '@', 0);
			int done = 0;
			while (at >= 0) {
				int from = at;
				while (from > done && localChar(v[from - 1])) {
					from--;
				}
				int to = at + 1;
				while (to < n && domainChar(v[to])) {
					to++;
				}
				int start = from;
				while (start < at && !(NormalizedText.isAsciiDigit(v[start]) || v[start] >= 'a' && v[start] <= 'z')) {
					start++;
				}
				int end = start < at ? domainEnd(v, at + 1, to) : -1;
				if (end > 0) {
					findings.add(finding(text, id(), start, end, Confidence.HIGH,
							Masking.email(new String(v, start, end - start))));
					done = end;
				}
				at = indexOf(v, '@', Math.max(at + 1, done));
			}
		}

		/** Where the domain that starts at {@code from} ends (within {@code to}), or -1 when there is none. */
		static int domainEnd(char[] v, int from, int to) {
			int dot = from;
			while (dot < to && v[dot] != '.') {
				dot++;
			}
			if (dot == from) {
				return -1;
			}
			int end = -1;
			while (dot < to) {
				int label = dot + 1;
				int letters = 0;
				while (letters < 24 && lowerAt(v, label + letters) && label + letters < to) {
					letters++;
				}
				if (letters >= 2) {
					end = label + letters;
				}
				int next = label;
				while (next < to && v[next] != '.') {
					next++;
				}
				if (next == label) {
					break;
				}
				dot = next;
			}
			return end;
		}

		private static boolean localChar(char c) {
			return NormalizedText.isAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
		}

		private static boolean domainChar(char c) {
			return NormalizedText.isAsciiAlnum(c) || c == '.' || c == '-';
		}
	}

	static final class IpAddress extends ProximityDetector {
		static final List<String> KEYWORDS = List.of("ip", "地址", "服务器", "主机", "server", "host", "网段");

		IpAddress(int window) {
			super("ip-address", KEYWORDS, window);
		}

		@Override
		public void detect(NormalizedText text, List<Finding> findings) {
			scan(text, findings, null, null, null, null, null, null, this);
		}

		/**
		 * IPv4: the maximal run of digits and dots from {@code start}; {@code [start, digitsEnd)} is its first digit
		 * run. Returns where the run ends.
		 */
		int ipv4Run(NormalizedText text, char[] v, int start, int digitsEnd, List<Finding> findings) {
			int n = v.length;
			if (digitsEnd >= n || v[digitsEnd] != '.') {
				return digitsEnd;
			}
			int runEnd = digitsEnd;
			int dots = 0;
			while (runEnd < n && (NormalizedText.isAsciiDigit(v[runEnd]) || v[runEnd] == '.')) {
				dots += v[runEnd] == '.' ? 1 : 0;
				runEnd++;
			}
			int end = runEnd;
			// a sentence may end with a full stop right after the address
			if (v[end - 1] == '.' && dots == 4) {
				end--;
				dots--;
			}
			if (dots != 3 || start > 0 && v[start - 1] == '.' || !validIpv4(v, start, end)) {
				return runEnd;
			}
			int second = indexOf(v, '.', indexOf(v, '.', start) + 1);
			add(text, findings, start, end, new String(v, start, second - start) + ".*.*");
			return runEnd;
		}

		/** IPv6: maximal runs of hex digits and colons around each colon. */
		void ipv6(NormalizedText text, char[] v, List<Finding> findings) {
			int n = v.length;
			int colon = indexOf(v, ':', 0);
			int done = 0;
			while (colon >= 0) {
				int start = colon;
				while (start > done && hexOrColon(v[start - 1])) {
					start--;
				}
				int end = colon;
				while (end < n && hexOrColon(v[end])) {
					end++;
				}
				done = end;
				if (!alnumAt(v, start - 1) && !alnumAt(v, end) && validIpv6(v, start, end)) {
					add(text, findings, start, end, new String(v, start, indexOf(v, ':', start) - start) + ":*:*");
				}
				colon = indexOf(v, ':', end);
			}
		}

		private static boolean hexOrColon(char c) {
			return c == ':' || c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
		}

		private void add(NormalizedText text, List<Finding> findings, int start, int end, String masked) {
			Confidence confidence = keywordNear(text, start, end) ? Confidence.MEDIUM
					: Confidence.LOW;
			findings.add(finding(text, id(), start, end, confidence, masked));
		}
	}

	/** Four dot-separated decimal parts, each 0..255 without leading zeros. */
	public static boolean validIpv4(String value) {
		return validIpv4(value.toCharArray(), 0, value.length());
	}

	static boolean validIpv4(char[] v, int start, int end) {
		int parts = 0;
		int i = start;
		while (true) {
			int partStart = i;
			int number = 0;
			while (i < end && v[i] != '.') {
				if (!NormalizedText.isAsciiDigit(v[i])) {
					return false;
				}
				number = number * 10 + v[i] - '0';
				i++;
				if (i - partStart > 3) {
					return false;
				}
			}
			int length = i - partStart;
			if (length == 0 || length > 1 && v[partStart] == '0' || number > 255) {
				return false;
			}
			parts++;
			if (i == end) {
				return parts == 4;
			}
			i++;
		}
	}

	/** Colon-separated groups of at most four characters: eight, or fewer around one "::"; at least two. */
	public static boolean validIpv6(String value) {
		return validIpv6(value.toCharArray(), 0, value.length());
	}

	static boolean validIpv6(char[] v, int start, int end) {
		int length = end - start;
		if (length < 2 || length > 39) {
			return false;
		}
		int gap = -1;
		for (int i = start; i + 1 < end; i++) {
			if (v[i] == ':' && v[i + 1] == ':') {
				if (gap >= 0) {
					return false;
				}
				gap = i;
			}
		}
		int groups;
		if (gap >= 0) {
			int head = groups(v, start, gap);
			int tail = groups(v, gap + 2, end);
			if (head < 0 || tail < 0) {
				return false;
			}
			groups = head + tail;
			if (groups > 7) {
				return false;
			}
		}
		else {
			groups = groups(v, start, end);
			if (groups != 8) {
				return false;
			}
		}
		// "::" alone or a single short group is too weak to report
		return groups >= 2;
	}

	/** The number of colon-separated groups in {@code v[start, end)} (0 when empty), -1 if one is empty or too long. */
	private static int groups(char[] v, int start, int end) {
		if (start == end) {
			return 0;
		}
		int groups = 0;
		int groupStart = start;
		for (int i = start; i <= end; i++) {
			if (i == end || v[i] == ':') {
				int length = i - groupStart;
				if (length == 0 || length > 4) {
					return -1;
				}
				groups++;
				groupStart = i + 1;
			}
		}
		return groups;
	}
}
