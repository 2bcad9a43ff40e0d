package com.commhub.compliance.internal;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * An Aho-Corasick automaton over a double-array trie, built once per dictionary version and matched in one pass.
 * <p>
 * Every character that occurs in a term gets a small code ({@code code}, a 64K table; the most frequent characters
 * get the smallest codes); a character with code 0 occurs in no term, so it sends the automaton straight back to the
 * root — most characters of ordinary text outside the terms cost one table lookup. A node {@code s} is a position in
 * {@code cells}, two ints per node: {@code base} (stored inverted when a term ends at the node or on its failure
 * chain) and {@code check} (the parent). The child of {@code s} for code {@code c} is {@code t = base(s) + c} when
 * {@code check(t) == s}, so a step reads one pair, and the next step reads the same pair's {@code base}; keeping a
 * node to 8 bytes keeps the frequently visited part of a 100,000-term automaton in the processor's caches.
 * {@code fail} (the failure link) is read only on a miss, {@code outputs} only when something matched: the term a
 * node ends (high half, or -1) and the next node on its failure chain that ends one (low half, or -1), in one long,
 * followed by the caller's payload for that term, so that a match costs one more memory access. A node's check cell
 * also says whether its failure link is the root, so that most misses go to the root's child without reading
 * {@code fail} or the root. Terms must already be normalised
 * ({@link NormalizedText}). Immutable and thread-safe once built.
 */
public final class AhoCorasick {

	/** Receives matches: term index and the [start, end) range in the scanned text. */
	@FunctionalInterface
	public interface MatchSink {
		void match(int term, int start, int end);
	}

	/** In a node's check cell: the parent (low 30 bits) and whether the node's failure link is the root. */
	private static final int PARENT = 0x3FFFFFFF;
	private static final int FAIL_TO_ROOT = 0x40000000;

	private final char[] code;
	private final int[] cells;
	private final int[] fail;
	private final long[] outputs;
	private final int[] termLength;
	private final int nodes;
	/** The root's base (the root never ends a term, so it is stored as is). */
	private final int rootBase;

	private AhoCorasick(char[] code, int[] cells, int[] fail, long[] outputs, int[] termLength, int nodes) {
		this.code = code;
		this.cells = cells;
		this.rootBase = cells[0];
		this.fail = fail;
		this.outputs = outputs;
		this.termLength = termLength;
		this.nodes = nodes;
	}

	/** Builds the automaton; empty terms are ignored, duplicates keep the first index. */
	public static AhoCorasick build(List<String> terms) {
		return build(terms, null);
	}

	/**
	 * Like {@link #build(List)}, with a caller's value per term ({@code payload[term]}), kept next to the node's
	 * outputs so that a match reads it from the same cache line ({@link #payload}).
	 */
	static AhoCorasick build(List<String> terms, long[] payload) {
		int count = terms.size();
		int[] lengths = new int[count];
		// 1. character codes, most frequent first
		int[] frequency = new int[65536];
		for (int t = 0; t < count; t++) {
			String word = terms.get(t);
			lengths[t] = word == null ? 0 : word.length();
			if (word != null) {
				for (int i = 0; i < word.length(); i++) {
					frequency[word.charAt(i)]++;
				}
			}
		}
		Integer[] used = java.util.stream.IntStream.range(0, 65536).filter(c -> frequency[c] > 0).boxed()
			.toArray(Integer[]::new);
		Arrays.sort(used, (a, b) -> frequency[b] != frequency[a] ? Integer.compare(frequency[b], frequency[a])
				: Integer.compare(a, b));
		char[] code = new char[65536];
		for (int i = 0; i < used.length; i++) {
			code[used[i]] = (char) (i + 1);
		}
		int alphabet = used.length + 1;

		// 2. a trie with first-child/next-sibling lists: terms in sorted order share their prefix with the previous one
		Integer[] order = new Integer[count];
		for (int t = 0; t < count; t++) {
			order[t] = t;
		}
		Arrays.sort(order, (a, b) -> {
			String x = terms.get(a) == null ? "" : terms.get(a);
			String y = terms.get(b) == null ? "" : terms.get(b);
			int c = x.compareTo(y);
			return c != 0 ? c : Integer.compare(a, b);
		});
		int capacity = 1;
		for (int t = 0; t < count; t++) {
			capacity += lengths[t];
		}
		int[] firstChild = new int[capacity];
		int[] nextSibling = new int[capacity];
		int[] lastChild = new int[capacity];
		int[] nodeCode = new int[capacity];
		int[] ends = new int[capacity];
		Arrays.fill(firstChild, -1);
		Arrays.fill(nextSibling, -1);
		Arrays.fill(lastChild, -1);
		Arrays.fill(ends, -1);
		int trieNodes = 1;
		int[] path = new int[1];
		String previous = "";
		for (int k = 0; k < count; k++) {
			int t = order[k];
			String word = terms.get(t);
			if (word == null || word.isEmpty()) {
				continue;
			}
			if (path.length < word.length() + 1) {
				path = Arrays.copyOf(path, Math.max(word.length() + 1, path.length * 2));
			}
			int common = 0;
			int limit = Math.min(previous.length(), word.length());
			while (common < limit && previous.charAt(common) == word.charAt(common)) {
				common++;
			}
			// path[i] = the node after the first i characters of the previous word (path[0] = root)
			int node = path[common];
			for (int i = common; i < word.length(); i++) {
				int child = trieNodes++;
				nodeCode[child] = code[word.charAt(i)];
				if (lastChild[node] < 0) {
					firstChild[node] = child;
				}
				else {
					nextSibling[lastChild[node]] = child;
				}
				lastChild[node] = child;
				node = child;
				path[i + 1] = node;
			}
			if (ends[node] < 0) {
				ends[node] = t;
			}
			previous = word;
		}

		// 3. place the nodes in the double array breadth first (base: the first offset where all children fit)
		int size = Math.max(1024, trieNodes + alphabet + 1);
		int[] cells = new int[size * 2];
		Arrays.fill(cells, -1);
		BitSet taken = new BitSet(size);
		int[] position = new int[trieNodes];
		int[] queue = new int[trieNodes];
		int head = 0;
		int tail = 0;
		taken.set(0);
		queue[tail++] = 0;
		int[] childCodes = new int[alphabet];
		int searchFrom = 1;
		int top = 0;
		int maxBase = 0;
		while (head < tail) {
			int trieNode = queue[head++];
			int s = position[trieNode];
			int k = 0;
			int minCode = Integer.MAX_VALUE;
			for (int c = firstChild[trieNode]; c >= 0; c = nextSibling[c]) {
				childCodes[k++] = nodeCode[c];
				minCode = Math.min(minCode, nodeCode[c]);
			}
			if (k == 0) {
				cells[s * 2] = 0;
				continue;
			}
			searchFrom = taken.nextClearBit(searchFrom);
			int base;
			int p = taken.nextClearBit(Math.max(searchFrom, minCode));
			while (true) {
				base = p - minCode;
				boolean fits = true;
				for (int i = 0; i < k && fits; i++) {
					fits = !taken.get(base + childCodes[i]);
				}
				if (fits) {
					break;
				}
				p = taken.nextClearBit(p + 1);
			}
			cells[s * 2] = base;
			maxBase = Math.max(maxBase, base);
			for (int c = firstChild[trieNode]; c >= 0; c = nextSibling[c]) {
				int t = base + nodeCode[c];
				taken.set(t);
				top = Math.max(top, t);
				if ((t + 1) * 2 > cells.length) {
					int old = cells.length;
					cells = Arrays.copyOf(cells, Math.max(old * 2, (t + 1) * 2));
					Arrays.fill(cells, old, cells.length, -1);
				}
				cells[t * 2 + 1] = s;
				position[c] = t;
				queue[tail++] = c;
			}
		}
		// every base + code lands inside the array, so no step runs past its end
		int length = Math.max(top, maxBase + alphabet) + 1;
		int old = cells.length;
		cells = Arrays.copyOf(cells, length * 2);
		if (length * 2 > old) {
			Arrays.fill(cells, old, cells.length, -1);
		}
		int[] term = new int[length];
		int[] outLink = new int[length];
		int[] fail = new int[length];
		Arrays.fill(term, -1);
		Arrays.fill(outLink, -1);
		for (int i = 0; i < trieNodes; i++) {
			term[position[i]] = ends[i];
		}
		AhoCorasick automaton = new AhoCorasick(code, cells, fail, null, lengths, trieNodes);
		// failure links, in the same breadth-first order (a failure target is always shallower, so already linked)
		for (int q = 0; q < tail; q++) {
			int trieNode = queue[q];
			int s = position[trieNode];
			for (int c = firstChild[trieNode]; c >= 0; c = nextSibling[c]) {
				int child = position[c];
				int f = s == 0 ? 0 : automaton.next(fail[s], nodeCode[c]);
				fail[child] = f;
				outLink[child] = term[f] >= 0 ? f : outLink[f];
			}
		}
		for (int i = 0; i < trieNodes; i++) {
			int s = position[i];
			if (term[s] >= 0 || outLink[s] >= 0) {
				cells[s * 2] = ~cells[s * 2];
			}
		}
		// flag the nodes whose failure link is the root in their own check cell (read only on a miss)
		for (int c = 1; c < trieNodes; c++) {
			int s = position[c];
			if (fail[s] == 0) {
				cells[s * 2 + 1] |= FAIL_TO_ROOT;
			}
		}
		long[] outputs = new long[length * 2];
		for (int i = 0; i < length; i++) {
			outputs[i * 2] = (long) term[i] << 32 | outLink[i] & 0xFFFFFFFFL;
			outputs[i * 2 + 1] = payload != null && term[i] >= 0 ? payload[term[i]] : 0;
		}
		return new AhoCorasick(code, cells, fail, outputs, lengths, trieNodes);
	}

	/** The node after reading a character with code {@code c} (not 0) in {@code state}. */
	private int next(int state, int c) {
		int[] cells = this.cells;
		int s = state;
		while (true) {
			int base = cells[s * 2];
			int t = (base ^ base >> 31) + c;
			if ((cells[t * 2 + 1] & PARENT) == s) {
				return t;
			}
			if (s == 0) {
				return 0;
			}
			if ((cells[s * 2 + 1] & FAIL_TO_ROOT) != 0) {
				// most misses: no fail[] read and no root base read on the way to the root's child
				t = rootBase + c;
				return (cells[t * 2 + 1] & PARENT) == 0 ? t : 0;
			}
			s = fail[s];
		}
	}

	/** The node after reading {@code c} in {@code state} (the root is 0). */
	int step(int state, char c) {
		int k = code[c];
		return k == 0 ? 0 : next(state, k);
	}

	/** The first node ending a term at {@code state} (the longest such term), or -1. */
	int output(int state) {
		if (cells[state * 2] >= 0) {
			return -1;
		}
		long output = outputs[state * 2];
		return output >> 32 >= 0 ? state : (int) output;
	}

	/** The next node ending a (shorter) term after {@code output}, or -1. */
	int nextOutput(int output) {
		return (int) outputs[output * 2];
	}

	/** The term an output node ends. */
	int termAt(int output) {
		return (int) (outputs[output * 2] >> 32);
	}

	/** The payload ({@link #build(List, long[])}) of the term an output node ends. */
	long payload(int output) {
		return outputs[output * 2 + 1];
	}

	int termLength(int term) {
		return termLength[term];
	}

	/** Reports every occurrence of every term in {@code text} (overlaps included), in one pass. */
	public void scan(CharSequence text, MatchSink sink) {
		int state = 0;
		for (int i = 0, n = text.length(); i < n; i++) {
			state = step(state, text.charAt(i));
			for (int out = output(state); out >= 0; out = nextOutput(out)) {
				int t = termAt(out);
				sink.match(t, i + 1 - termLength[t], i + 1);
			}
		}
	}

	/** Like {@link #scan(CharSequence, MatchSink)}, over the first {@code length} characters of an array. */
	public void scan(char[] text, int length, MatchSink sink) {
		int state = 0;
		for (int i = 0; i < length; i++) {
			state = step(state, text[i]);
			for (int out = output(state); out >= 0; out = nextOutput(out)) {
				int t = termAt(out);
				sink.match(t, i + 1 - termLength[t], i + 1);
			}
		}
	}

	/** The number of trie nodes (terms' distinct prefixes, and the root). */
	public int nodeCount() {
		return nodes;
	}
}
