package com.commhub.compliance.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import com.commhub.compliance.Finding;
import com.commhub.compliance.SensitiveCategory;

/**
 * Deterministic benchmark data (fixed seed): the 100,000-term dictionary, the corpus of ~200-character mixed
 * Chinese/English messages (1% with a valid sensitive value), 500-byte messages for latency, and adversarial inputs.
 * Words and their frequencies come from jieba's dict.txt (349,045 entries).
 * <p>
 * {@code java -cp benchmarks.jar com.commhub.compliance.internal.BenchData} prints the data's statistics as JSON
 * (bench/run.sh uses them to turn operations per second into MB/s).
 */
public final class BenchData {

	public static final long SEED = 20261123L;
	public static final int DICTIONARY_SIZE = 100_000;
	public static final int ENGLISH_TERMS = 2_000;
	/** The most frequent words (的, 我们, 公司…) are not what anybody puts in a DLP dictionary. */
	public static final int SKIP_MOST_FREQUENT = 5_000;
	public static final int CORPUS_MESSAGES = 5_000;
	public static final int MESSAGE_CHARS = 200;
	public static final int LATENCY_MESSAGES = 1_000;
	public static final int LATENCY_BYTES = 500;
	public static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

	static final String[] ENGLISH_WORDS = { "meeting", "report", "project", "deadline", "budget", "review", "client",
			"contract", "release", "draft", "team", "update", "schedule", "invoice", "server", "design", "plan",
			"email", "call", "office", "sales", "market", "product", "version", "launch", "demo", "feedback", "quarter",
			"target", "delivery", "support", "ticket", "roadmap", "partner", "vendor", "audit", "policy", "training",
			"hr", "ok", "thanks", "please", "asap", "fyi", "kpi", "okr", "ppt", "pdf", "excel", "wechat", "online",
			"offline", "approval", "finance", "legal", "cloud", "data", "api", "app", "beta" };
	static final String[] ENGLISH_TERM_HEADS = { "confidential", "internal", "secret", "restricted", "private",
			"unreleased", "draft", "classified", "sensitive", "preliminary", "undisclosed", "embargoed", "strategic",
			"executive", "board", "merger", "acquisition", "layoff", "salary", "bonus", "pricing", "customer",
			"supplier", "source", "security", "password", "payroll", "earnings", "forecast", "litigation", "patent",
			"prototype", "tender", "bid", "takeover", "investor", "audit", "compliance", "settlement", "severance" };
	static final String[] ENGLISH_TERM_TAILS = { "plan", "list", "report", "memo", "figures", "roadmap", "terms",
			"budget", "schedule", "code", "design", "minutes", "pipeline", "proposal", "results", "data", "contract",
			"deal", "strategy", "agreement", "numbers", "review", "notice", "file", "document", "deck", "model",
			"statement", "estimate", "quote", "schema", "keys", "credentials", "targets", "structure", "offer",
			"package", "clause", "draft", "leak", "forecast", "audit", "ledger", "sheet", "summary", "brief", "grid",
			"matrix", "portfolio", "timeline" };
	static final String[] REGIONS = { "110101", "110105", "310104", "310115", "440104", "440305", "330106", "320102",
			"510107", "420106", "610113", "370202", "210102", "350203", "500103" };
	static final String[] BINS = { "622202", "622848", "621700", "622588", "621226", "622700", "623668", "621483",
			"436742", "518710" };
	static final String[] MOBILE_PREFIXES = { "138", "139", "135", "136", "150", "151", "186", "187", "177", "199",
			"133", "189", "158", "182" };
	static final String[] CLAUSE_ENDS = { "，", "，", "，", "。", "。", "；", "！", "？", "：", "、" };

	public record Word(String text, long frequency) {
	}

	private final List<Word> words;
	private final long[] cumulative;
	private final List<String> dictionary;
	private final List<String> corpus;
	private final List<String> latency;
	private final Map<String, String> adversarial;
	private final String medianMessage;

	private static BenchData instance;

	/** The data (built once per JVM; every benchmark fork sees exactly the same data). */
	public static synchronized BenchData get() {
		if (instance == null) {
			instance = new BenchData();
		}
		return instance;
	}

	private BenchData() {
		this.words = loadWords();
		this.cumulative = new long[words.size()];
		long sum = 0;
		for (int i = 0; i < words.size(); i++) {
			sum += Math.max(1, words.get(i).frequency());
			cumulative[i] = sum;
		}
		this.dictionary = buildDictionary(new Random(SEED));
		Random random = new Random(SEED + 1);
		List<String> messages = new ArrayList<>(CORPUS_MESSAGES);
		for (int i = 0; i < CORPUS_MESSAGES; i++) {
			messages.add(message(random, MESSAGE_CHARS, Integer.MAX_VALUE, i % 100 == 42));
		}
		this.corpus = List.copyOf(messages);
		List<String> small = new ArrayList<>(LATENCY_MESSAGES);
		for (int i = 0; i < LATENCY_MESSAGES; i++) {
			small.add(message(random, Integer.MAX_VALUE, LATENCY_BYTES, i % 100 == 42));
		}
		this.latency = List.copyOf(small);
		this.medianMessage = median(corpus);
		this.adversarial = buildAdversarial(new Random(SEED + 2));
	}

	public List<String> dictionary() {
		return dictionary;
	}

	/** The dictionary as {@link KeywordDetector} stores it (normalised), for the baselines. */
	public List<String> normalisedDictionary() {
		List<String> out = new ArrayList<>(dictionary.size());
		for (String term : dictionary) {
			String normal = NormalizedText.of(term.strip()).text();
			if (!normal.isEmpty()) {
				out.add(normal);
			}
		}
		return out;
	}

	public List<String> corpus() {
		return corpus;
	}

	public List<String> latencyMessages() {
		return latency;
	}

	public String medianMessage() {
		return medianMessage;
	}

	public Map<String, String> adversarial() {
		return adversarial;
	}

	/** The text for an adversarial kind, or the median message for "median". */
	public String adversarial(String kind) {
		if ("median".equals(kind)) {
			return medianMessage;
		}
		String text = adversarial.get(kind);
		if (text == null) {
			throw new IllegalArgumentException("unknown adversarial input " + kind);
		}
		return text;
	}

	/** CommHub's keyword detector with the whole dictionary (one dictionary, as the officer would upload it). */
	public KeywordDetector keywordDetector() {
		return new KeywordDetector(List.of(new KeywordDetector.Dictionary("bench", SensitiveCategory.UNPUBLISHED_STRATEGY,
				dictionary)));
	}

	// ---- words ----

	private static List<Word> loadWords() {
		List<Word> out = new ArrayList<>(350_000);
		try (InputStream in = BenchData.class.getResourceAsStream("/dict.txt")) {
			if (in == null) {
				throw new IllegalStateException("dict.txt (com.huaban:jieba-analysis) is not on the classpath");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				String[] parts = line.strip().split(" ");
				if (parts.length >= 2 && !parts[0].isEmpty()) {
					out.add(new Word(parts[0], Long.parseLong(parts[1])));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out;
	}

	private static boolean hasCjk(String text) {
		return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
	}

	private List<String> buildDictionary(Random random) {
		List<Word> byFrequency = new ArrayList<>(words);
		byFrequency.sort(Comparator.comparingLong(Word::frequency).reversed().thenComparing(Word::text));
		List<String> candidates = new ArrayList<>();
		for (int i = SKIP_MOST_FREQUENT; i < byFrequency.size(); i++) {
			String text = byFrequency.get(i).text();
			if (text.length() >= 2 && hasCjk(text)) {
				candidates.add(text);
			}
		}
		// a seeded Fisher-Yates shuffle, then the first terms
		for (int i = candidates.size() - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			String t = candidates.get(i);
			candidates.set(i, candidates.get(j));
			candidates.set(j, t);
		}
		Set<String> terms = new LinkedHashSet<>(candidates.subList(0, DICTIONARY_SIZE - ENGLISH_TERMS));
		List<String> english = new ArrayList<>();
		for (String head : ENGLISH_TERM_HEADS) {
			for (String tail : ENGLISH_TERM_TAILS) {
				english.add(head + " " + tail);
			}
		}
		for (int i = english.size() - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			String t = english.get(i);
			english.set(i, english.get(j));
			english.set(j, t);
		}
		int k = 0;
		while (terms.size() < DICTIONARY_SIZE) {
			String term = english.get(k++);
			terms.add(k % 7 == 0 ? term.toUpperCase(Locale.ROOT) : term);
		}
		return List.copyOf(terms);
	}

	private String sampleWord(Random random) {
		long r = (long) (random.nextDouble() * cumulative[cumulative.length - 1]);
		int i = Arrays.binarySearch(cumulative, r + 1);
		if (i < 0) {
			i = -i - 1;
		}
		return words.get(Math.min(i, words.size() - 1)).text();
	}

	private static String number(Random random) {
		return switch (random.nextInt(6)) {
			case 0 -> Integer.toString(2020 + random.nextInt(8));
			case 1 -> random.nextInt(100) + "%";
			case 2 -> random.nextInt(24) + ":" + (random.nextInt(6)) + "0";
			case 3 -> Integer.toString(random.nextInt(1000));
			case 4 -> random.nextInt(100) + "." + random.nextInt(10);
			default -> (1 + random.nextInt(12)) + "月" + (1 + random.nextInt(28)) + "日";
		};
	}

	/**
	 * A message of at least {@code chars} characters (stopping at a clause end), or of at most {@code maxBytes}
	 * UTF-8 bytes (cut at a character boundary); optionally with one sensitive value and its keyword.
	 */
	private String message(Random random, int chars, int maxBytes, boolean sensitive) {
		StringBuilder out = new StringBuilder(chars == Integer.MAX_VALUE ? 200 : chars + 40);
		int sensitiveAt = sensitive ? random.nextInt(3) : -1;
		int clause = 0;
		while (true) {
			if (clause == sensitiveAt) {
				out.append(sensitiveValue(random)).append(CLAUSE_ENDS[random.nextInt(4)]);
			}
			int tokens = 3 + random.nextInt(8);
			for (int t = 0; t < tokens; t++) {
				int kind = random.nextInt(100);
				if (kind < 8) {
					appendLatin(out, ENGLISH_WORDS[random.nextInt(ENGLISH_WORDS.length)]);
				}
				else if (kind < 12) {
					appendLatin(out, number(random));
				}
				else {
					String word = sampleWord(random);
					if (word.chars().allMatch(c -> c < 128)) {
						appendLatin(out, word);
					}
					else {
						out.append(word);
					}
				}
			}
			out.append(CLAUSE_ENDS[random.nextInt(CLAUSE_ENDS.length)]);
			clause++;
			if (out.length() >= chars && clause > sensitiveAt) {
				break;
			}
			if (utf8(out) >= maxBytes && clause > sensitiveAt) {
				break;
			}
		}
		if (maxBytes != Integer.MAX_VALUE) {
			while (utf8(out) > maxBytes) {
				out.setLength(out.length() - 1);
			}
			if (out.length() > 0 && Character.isHighSurrogate(out.charAt(out.length() - 1))) {
				out.setLength(out.length() - 1);
			}
		}
		return out.toString();
	}

	private static void appendLatin(StringBuilder out, String word) {
		if (out.length() > 0 && out.charAt(out.length() - 1) < 128 && out.charAt(out.length() - 1) != ' ') {
			out.append(' ');
		}
		out.append(word).append(' ');
	}

	static int utf8(CharSequence text) {
		int bytes = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				bytes += 1;
			}
			else if (c < 0x800) {
				bytes += 2;
			}
			else if (Character.isHighSurrogate(c)) {
				bytes += 4;
				i++;
			}
			else {
				bytes += 3;
			}
		}
		return bytes;
	}

	// ---- sensitive values (generated, valid check characters; never real people's numbers) ----

	private String sensitiveValue(Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> "身份证号：" + residentId(random);
			case 1 -> "银行卡号 " + bankCard(random);
			case 2 -> "联系电话 " + mobile(random);
			default -> "统一社会信用代码：" + creditCode(random);
		};
	}

	static String residentId(Random random) {
		LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 55));
		String first17 = REGIONS[random.nextInt(REGIONS.length)]
				+ String.format(Locale.ROOT, "%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
				+ String.format(Locale.ROOT, "%03d", random.nextInt(1000));
		return first17 + ValidatedDetectors.residentIdCheck(first17);
	}

	static String bankCard(Random random) {
		StringBuilder digits = new StringBuilder(BINS[random.nextInt(BINS.length)]);
		int length = random.nextBoolean() ? 16 : 19;
		while (digits.length() < length - 1) {
			digits.append(random.nextInt(10));
		}
		for (int check = 0; check <= 9; check++) {
			if (ValidatedDetectors.luhn(digits.toString() + check)) {
				return digits.toString() + check;
			}
		}
		throw new IllegalStateException();
	}

	static String mobile(Random random) {
		StringBuilder out = new StringBuilder(MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)]);
		while (out.length() < 11) {
			out.append(random.nextInt(10));
		}
		return out.toString();
	}

	static String creditCode(Random random) {
		String charset = ValidatedDetectors.CREDIT_CHARSET;
		StringBuilder out = new StringBuilder();
		out.append("9").append("1"); // registration authority (industry and commerce), enterprise
		out.append(REGIONS[random.nextInt(REGIONS.length)]);
		while (out.length() < 17) {
			out.append(charset.charAt(random.nextInt(charset.length())));
		}
		return out.toString() + charset.charAt(ValidatedDetectors.creditCheckValue(out.toString()));
	}

	// ---- adversarial inputs ----

	private Map<String, String> buildAdversarial(Random random) {
		Map<String, String> out = new TreeMap<>();
		StringBuilder digits = new StringBuilder();
		for (int i = 0; i < 2_000; i++) {
			digits.append((char) ('0' + random.nextInt(10)));
		}
		out.put("digits2000", digits.toString());
		out.put("ones10000", "1".repeat(10_000));
		StringBuilder fullWidth = new StringBuilder();
		for (int i = 0; i < 2_000; i++) {
			fullWidth.append((char) ('\uFF10' + random.nextInt(10)));
		}
		out.put("fullWidthDigits2000", fullWidth.toString());
		// the prefixes (all but the last character) of the longest Chinese terms, repeated: the automaton walks
		// deep into the trie and falls back on every repetition
		List<String> longest = new ArrayList<>(dictionary.stream().filter(BenchData::hasCjk).toList());
		longest.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
		StringBuilder prefixes = new StringBuilder();
		int k = 0;
		while (prefixes.length() < 3_000) {
			String term = longest.get(k++ % 20);
			prefixes.append(term, 0, term.length() - 1);
		}
		out.put("chinesePrefixes3000", prefixes.toString());
		String longestTerm = longest.get(0);
		out.put("repeatedPrefix3000", longestTerm.substring(0, longestTerm.length() - 1)
			.repeat(3_000 / (longestTerm.length() - 1)));
		// every two characters a dictionary hit
		String shortTerm = dictionary.stream().filter(t -> t.length() == 2 && hasCjk(t)).findFirst().orElseThrow();
		out.put("denseHits2000", shortTerm.repeat(1_000));
		// one endless "card number" with single spaces (the bank card detector's grouping)
		StringBuilder grouped = new StringBuilder();
		while (grouped.length() < 2_000) {
			grouped.append(random.nextInt(10_000)).append(' ');
		}
		out.put("spacedDigits2000", grouped.toString().strip());
		out.put("hexColons2000", "a1:".repeat(667));
		out.put("emailLike2000", "a@" + "b.".repeat(999));
		return out;
	}

	private static String median(List<String> messages) {
		List<String> sorted = new ArrayList<>(messages);
		sorted.sort(Comparator.comparingInt((String s) -> utf8(s)).thenComparing(Comparator.naturalOrder()));
		return sorted.get(sorted.size() / 2);
	}

	// ---- statistics ----

	public static void main(String[] args) {
		BenchData data = get();
		FullPass full = new FullPass(data.keywordDetector());
		long corpusBytes = 0;
		long corpusChars = 0;
		Map<String, Integer> findings = new TreeMap<>();
		for (String message : data.corpus()) {
			corpusBytes += utf8(message);
			corpusChars += message.length();
			for (Finding finding : full.detect(message)) {
				findings.merge(finding.detectorId().startsWith("keyword") ? "keyword" : finding.detectorId(), 1,
						Integer::sum);
			}
		}
		long latencyBytes = 0;
		for (String message : data.latencyMessages()) {
			latencyBytes += utf8(message);
		}
		StringBuilder json = new StringBuilder("{\n");
		json.append("  \"dictionaryTerms\": ").append(data.dictionary().size()).append(",\n");
		json.append("  \"automatonNodes\": ").append(FullPass.nodes(data)).append(",\n");
		json.append("  \"corpusMessages\": ").append(data.corpus().size()).append(",\n");
		json.append("  \"corpusMeanBytes\": ").append((double) corpusBytes / data.corpus().size()).append(",\n");
		json.append("  \"corpusMeanChars\": ").append((double) corpusChars / data.corpus().size()).append(",\n");
		json.append("  \"latencyMeanBytes\": ").append((double) latencyBytes / data.latencyMessages().size())
			.append(",\n");
		json.append("  \"findingsPerMessage\": {");
		String sep = "";
		for (Map.Entry<String, Integer> e : findings.entrySet()) {
			json.append(sep).append('"').append(e.getKey()).append("\": ")
				.append((double) e.getValue() / data.corpus().size());
			sep = ", ";
		}
		json.append("},\n");
		json.append("  \"inputs\": {");
		sep = "";
		json.append("\"median\": {\"bytes\": ").append(utf8(data.medianMessage())).append(", \"chars\": ")
			.append(data.medianMessage().length()).append('}');
		for (Map.Entry<String, String> e : data.adversarial().entrySet()) {
			json.append(", \"").append(e.getKey()).append("\": {\"bytes\": ").append(utf8(e.getValue()))
				.append(", \"chars\": ").append(e.getValue().length()).append('}');
		}
		json.append("},\n");
		json.append("  \"sampleMessage\": \"").append(data.corpus().get(0).replace("\\", "\\\\").replace("\"", "\\\""))
			.append("\",\n");
		json.append("  \"sampleSensitiveMessage\": \"")
			.append(data.corpus().get(42).replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n");
		json.append("}");
		System.out.println(json);
	}
}
