package com.commhub.compliance.internal;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ahocorasick.trie.Trie;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

import com.commhub.compliance.Finding;

/**
 * Compliance detection against the two baselines, all in one run (issue 4, "Performance"). Every operation scans one
 * message; the throughput benchmarks cycle through the 5,000-message corpus, so MB/s = ops/s × mean message bytes
 * (UTF-8), printed by {@code BenchData.main}. Single thread: the figures are per core.
 */
@Threads(1)
public class DetectionBenchmark {

	/** The corpus and a cursor that cycles through it. */
	@State(Scope.Thread)
	public static class Corpus {
		String[] messages;
		int next;

		@Setup(Level.Trial)
		public void load() {
			messages = BenchData.get().corpus().toArray(String[]::new);
		}

		String next() {
			String message = messages[next];
			next = next + 1 == messages.length ? 0 : next + 1;
			return message;
		}
	}

	@State(Scope.Thread)
	public static class LatencyCorpus {
		String[] messages;
		int next;

		@Setup(Level.Trial)
		public void load() {
			messages = BenchData.get().latencyMessages().toArray(String[]::new);
		}

		String next() {
			String message = messages[next];
			next = next + 1 == messages.length ? 0 : next + 1;
			return message;
		}
	}

	@State(Scope.Benchmark)
	public static class CommHub {
		FullPass pass;
		AhoCorasick automaton;

		@Setup(Level.Trial)
		public void build() {
			BenchData data = BenchData.get();
			pass = new FullPass(data.keywordDetector());
			automaton = AhoCorasick.build(data.normalisedDictionary());
		}
	}

	@State(Scope.Benchmark)
	public static class RegexAlternation {
		Pattern pattern;
		int alternatives;

		@Setup(Level.Trial)
		public void build() {
			List<String> terms = BenchData.get().normalisedDictionary();
			StringBuilder regex = new StringBuilder(terms.size() * 12);
			for (String term : terms) {
				if (!regex.isEmpty()) {
					regex.append('|');
				}
				regex.append(Pattern.quote(term));
			}
			long start = System.nanoTime();
			pattern = Pattern.compile(regex.toString());
			alternatives = terms.size();
			System.out.printf("%n[regex] %,d alternatives compiled in %,d ms%n", alternatives,
					(System.nanoTime() - start) / 1_000_000);
		}
	}

	@State(Scope.Benchmark)
	public static class AhoCorasickLibrary {
		Trie trie;

		@Setup(Level.Trial)
		public void build() {
			trie = Trie.builder().addKeywords(BenchData.get().normalisedDictionary()).build();
		}
	}

	/** One validated detector alone (normalisation included), to see where the full pass spends its time. */
	@State(Scope.Benchmark)
	public static class OneDetector {
		@Param({ "resident-id", "bank-card", "mobile", "credit-code", "passport", "email", "ip-address" })
		public String id;

		Detector detector;

		@Setup(Level.Trial)
		public void build() {
			detector = ValidatedDetectors.all(20, () -> BenchData.TODAY).stream()
				.filter(d -> d.id().equals(id))
				.findFirst()
				.orElseThrow();
		}
	}

	@State(Scope.Benchmark)
	public static class Adversarial {
		@Param({ "median", "digits2000", "ones10000", "fullWidthDigits2000", "spacedDigits2000",
				"chinesePrefixes3000", "repeatedPrefix3000", "denseHits2000", "hexColons2000", "emailLike2000" })
		public String input;

		String text;

		@Setup(Level.Trial)
		public void load() {
			text = BenchData.get().adversarial(input);
		}
	}

	// ---- (1) the full pass, (3) keywords only, and the two baselines: throughput, one message per operation ----

	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	public List<Finding> commhubFull(CommHub commhub, Corpus corpus) {
		return commhub.pass.detect(corpus.next());
	}

	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	public List<Finding> commhubKeywords(CommHub commhub, Corpus corpus) {
		return commhub.pass.keywordsOnly(corpus.next());
	}

	/** The bare automaton over the raw text, counting matches: the like-for-like comparison with org.ahocorasick. */
	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	public int commhubAutomaton(CommHub commhub, Corpus corpus) {
		int[] count = new int[1];
		commhub.automaton.scan(corpus.next(), (term, start, end) -> count[0]++);
		return count[0];
	}

	/** (2) Baseline A: java.util.regex, the dictionary as one alternation of quoted terms. */
	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	public int regexAlternation(RegexAlternation regex, Corpus corpus) {
		Matcher matcher = regex.pattern.matcher(corpus.next());
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

	/** (3) Baseline B: org.ahocorasick's Trie (all overlapping matches, as CommHub reports them). */
	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	public int ahoCorasickLibrary(AhoCorasickLibrary library, Corpus corpus) {
		int[] count = new int[1];
		library.trie.parseText(corpus.next(), emit -> {
			count[0]++;
			return true;
		});
		return count[0];
	}

	/** The library's usual call, which collects the matches in a list. */
	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	public int ahoCorasickLibraryCollect(AhoCorasickLibrary library, Corpus corpus) {
		return library.trie.parseText(corpus.next()).size();
	}

	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	public List<Finding> commhubDetector(OneDetector one, Corpus corpus) {
		List<Finding> findings = new java.util.ArrayList<>();
		one.detector.detect(NormalizedText.of(corpus.next()), findings);
		return findings;
	}

	// ---- (4) latency of the full pass per 500-byte message ----

	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.NANOSECONDS)
	public List<Finding> commhubLatency500(CommHub commhub, LatencyCorpus corpus) {
		return commhub.pass.detect(corpus.next());
	}

	// ---- (5) adversarial inputs against the median message ----

	@Benchmark
	@BenchmarkMode(Mode.AverageTime)
	@OutputTimeUnit(TimeUnit.NANOSECONDS)
	public void commhubAdversarial(CommHub commhub, Adversarial adversarial, Blackhole blackhole) {
		blackhole.consume(commhub.pass.detect(adversarial.text));
	}
}
