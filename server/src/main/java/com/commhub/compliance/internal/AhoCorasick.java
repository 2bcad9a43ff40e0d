package com.commhub.compliance.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The keyword dictionary as a double-array trie with Aho-Corasick failure links, built once per dictionary version.
 * A scan reports every occurrence of every term (overlaps included) in time linear in the text.
 * <p>
 * <b>Layout.</b> Every character that occurs in a term gets a small code (the most frequent characters get the
 * smallest codes, 0 means "in no term"), read from {@code entry}, a 64K table. A node is a position in
 * {@code cells}, one int each: the code of the character that leads to it (13 bits), its {@code base} (18 bits) and
 * whether a term ends there (the sign bit). The child of a node for code {@code k} is at {@code base + k} if that cell's code is {@code k}: no
 * two nodes share a base, so the code alone identifies the parent. Nodes without children share one base in an empty
 * region at the end. At 4 bytes a node, a 100,000-term dictionary (~190,000 nodes) fits the processor's L2 cache.
 * <p>
 * <b>Scan.</b> Two passes instead of one Aho-Corasick pass, because the automaton's step is a chain of dependent
 * loads and data-dependent branches (child or not) that the processor mispredicts in a third of the characters:
 * <ol>
 * <li>For every position, without branches, whether a term can start there: its first two characters lead to a
 * node, or its first character is a term. These lookups do not depend on each other, so their cache misses overlap.
 * The answer is one bit per position.</li>
 * <li>From each marked position, walk down the trie while the text follows it and report the terms that end on the
 * way.</li>
 * </ol>
 * A walk is as long as the longest term that matches there, so a text built to repeat long term prefixes could make
 * the walks quadratic. The walks therefore share a budget of a few steps per character; once it is spent, the rest of
 * the text is scanned by the Aho-Corasick automaton (same cells, plus {@code fail} and {@code outLink}, which only
 * that path reads). Both paths report each match exactly once. Terms must already be normalised
 * ({@link NormalizedText}). Immutable and thread-safe once built.
 * <p>
 * <b>Size.</b> One trie holds at most {@value #MAX_CODE} distinct characters and {@value #MAX_BASE} nodes; a bigger
 * dictionary is split into several tries, each scanned in turn (correct, proportionally slower).
 */
public final class AhoCorasick {

	/**
	 * Receives matches: the term's value (its index, unless the automaton was built with values) and the
	 * [start, end) range in the scanned text.
	 */
	@FunctionalInterface
	public interface MatchSink {
		void match(int value, int start, int end);
	}

	private static final int CODE_BITS = 13;
	/** The code field's mask, and the code of no character: an empty cell's code. */
	private static final int CODE = (1 << CODE_BITS) - 1;
	static final int MAX_CODE = CODE - 1;
	private static final int BASE = (1 << 18) - 1;
	static final int MAX_BASE = BASE;
	/** Steps the walks may take per character of text, beyond which the automaton takes over. */
	private static final int WALK_BUDGET_PER_CHAR = 2;

	/**
	 * Per character, laid out like a cell: the character's code, and the base and end-of-term bit of the root's child
	 * for it (the empty base when there is none). One load gives a step both the code to look up and, for the next
	 * character, where its children are.
	 */
	private final int[] entry;
	private final int[] cells;
	private final int rootBase;
	/**
	 * Per node: the value of the term it ends (a match reads it, and nothing else, so that a caller that keeps what it
	 * needs per match in the value pays one memory access per match).
	 */
	private final int[] valueAt;
	/** Aho-Corasick failure links, read only after the walk budget is spent. */
	private final int[] fail;
	/** Per node: the next node on its failure chain that ends a term, or -1 (also only for the automaton). */
	private final int[] outLink;
	/** Per node: its depth, the length of the term it ends (also only for the automaton). */
	private final int[] depth;
	private final int nodes;
	/** When the dictionary did not fit one trie: the tries, each scanned in turn. */
	private final AhoCorasick[] parts;

	private AhoCorasick(int[] entry, int[] cells, int rootBase, int[] valueAt, int[] fail, int[] outLink,
			int[] depth, int nodes) {
		this.entry = entry;
		this.cells = cells;
		this.rootBase = rootBase;
		this.valueAt = valueAt;
		this.fail = fail;
		this.outLink = outLink;
		this.depth = depth;
		this.nodes = nodes;
		this.parts = null;
	}

	private AhoCorasick(AhoCorasick[] parts) {
		this.entry = null;
		this.cells = null;
		this.rootBase = 0;
		this.valueAt = null;
		this.fail = null;
		this.outLink = null;
		this.depth = null;
		int total = 0;
		for (AhoCorasick part : parts) {
			total += part.nodes;
		}
		this.nodes = total;
		this.parts = parts;
	}

	/** Builds the automaton, reporting term indices; empty terms are ignored, duplicates keep the first index. */
	public static AhoCorasick build(List<String> terms) {
		return build(terms, indices(terms.size()));
	}

	/** Builds the automaton, reporting {@code values[t]} for a match of term {@code t}. */
	static AhoCorasick build(List<String> terms, int[] values) {
		return build(terms, values, MAX_CODE, MAX_BASE);
	}

	/** With smaller limits than the layout's, so that tests can make a small dictionary split. */
	static AhoCorasick build(List<String> terms, int maxCode, int maxBase) {
		return build(terms, indices(terms.size()), maxCode, maxBase);
	}

	private static int[] indices(int count) {
		int[] indices = new int[count];
		Arrays.setAll(indices, t -> t);
		return indices;
	}

	private static AhoCorasick build(List<String> terms, int[] values, int maxCode, int maxBase) {
		AhoCorasick whole = buildOne(terms, values, maxCode, maxBase);
		if (whole != null) {
			return whole;
		}
		if (terms.size() < 2) {
			throw new IllegalArgumentException("a single term longer than a trie can hold");
		}
		// too many nodes or characters for one trie: halves, each split further if needed (a term in both halves
		// would match twice, so repeats are left out as one trie leaves them out)
		List<String> distinct = new ArrayList<>(terms.size());
		Set<String> seen = new HashSet<>();
		for (String term : terms) {
			distinct.add(term != null && seen.add(term) ? term : null);
		}
		int half = terms.size() / 2;
		AhoCorasick low = build(distinct.subList(0, half), Arrays.copyOfRange(values, 0, half), maxCode, maxBase);
		AhoCorasick high = build(distinct.subList(half, terms.size()),
				Arrays.copyOfRange(values, half, terms.size()), maxCode, maxBase);
		return new AhoCorasick(new AhoCorasick[] { low, high });
	}

	/** One trie, or null when the terms need more codes or nodes than the limits allow. */
	private static AhoCorasick buildOne(List<String> terms, int[] values, int maxCode, int maxBase) {
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
		if (used.length > maxCode) {
			return null;
		}
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
		int[] nodeDepth = new int[capacity];
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
				nodeDepth[child] = i + 1;
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
		if (trieNodes > maxBase) {
			return null;
		}

		// 3. place the nodes breadth first; base: the first offset, used by no other node, where all children fit
		int[] base = new int[trieNodes];
		int[] position = new int[trieNodes];
		int[] queue = new int[trieNodes];
		BitSet taken = new BitSet();
		BitSet usedBase = new BitSet();
		int head = 0;
		int tail = 0;
		taken.set(0);
		queue[tail++] = 0;
		int[] childCodes = new int[alphabet];
		int searchFrom = 1;
		int top = 0;
		while (head < tail) {
			int trieNode = queue[head++];
			int k = 0;
			int minCode = Integer.MAX_VALUE;
			for (int c = firstChild[trieNode]; c >= 0; c = nextSibling[c]) {
				childCodes[k++] = nodeCode[c];
				minCode = Math.min(minCode, nodeCode[c]);
			}
			if (k == 0) {
				base[trieNode] = -1;
				continue;
			}
			searchFrom = taken.nextClearBit(searchFrom);
			int b;
			int p = taken.nextClearBit(Math.max(searchFrom, minCode));
			while (true) {
				b = p - minCode;
				boolean fits = !usedBase.get(b);
				for (int i = 0; i < k && fits; i++) {
					fits = !taken.get(b + childCodes[i]);
				}
				if (fits) {
					break;
				}
				p = taken.nextClearBit(p + 1);
			}
			if (b > maxBase) {
				return null;
			}
			base[trieNode] = b;
			usedBase.set(b);
			for (int c = firstChild[trieNode]; c >= 0; c = nextSibling[c]) {
				int t = b + nodeCode[c];
				taken.set(t);
				top = Math.max(top, t);
				position[c] = t;
				queue[tail++] = c;
			}
		}
		// the nodes without children share a base whose whole range of codes is empty cells
		int empty = Math.max(top, usedBase.length() - 1 + alphabet) + 1;
		if (empty > maxBase) {
			return null;
		}
		int length = empty + alphabet;
		int[] cells = new int[length];
		Arrays.fill(cells, CODE);
		for (int i = 0; i < trieNodes; i++) {
			int s = position[i];
			int b = base[i] < 0 ? empty : base[i];
			cells[s] = (i == 0 ? CODE : nodeCode[i]) | b << CODE_BITS | (ends[i] >= 0 ? Integer.MIN_VALUE : 0);
		}
		int rootBase = base[0] < 0 ? empty : base[0];

		// 4. failure links and output chains, in the same breadth-first order (a failure target is shallower)
		int[] term = new int[length];
		int[] outLink = new int[length];
		int[] fail = new int[length];
		Arrays.fill(term, -1);
		Arrays.fill(outLink, -1);
		for (int i = 0; i < trieNodes; i++) {
			term[position[i]] = ends[i];
		}
		for (int q = 0; q < tail; q++) {
			int trieNode = queue[q];
			int s = position[trieNode];
			for (int c = firstChild[trieNode]; c >= 0; c = nextSibling[c]) {
				int child = position[c];
				int f = s == 0 ? 0 : next(cells, fail, fail[s], nodeCode[c]);
				fail[child] = f;
				outLink[child] = term[f] >= 0 ? f : outLink[f];
			}
		}
		int[] entry = new int[65536];
		for (int c = 0; c < 65536; c++) {
			int k = code[c];
			int t = rootBase + k;
			entry[c] = k > 0 && (cells[t] & CODE) == k ? cells[t] : k | empty << CODE_BITS;
		}
		int[] valueAt = new int[length];
		int[] depth = new int[length];
		for (int i = 0; i < trieNodes; i++) {
			int s = position[i];
			valueAt[s] = ends[i] >= 0 ? values[ends[i]] : 0;
			depth[s] = nodeDepth[i];
		}
		return new AhoCorasick(entry, cells, rootBase, valueAt, fail, outLink, depth, trieNodes);
	}

	/** The node after reading code {@code k} in {@code state} (the Aho-Corasick step; 0 is the root). */
	private static int next(int[] cells, int[] fail, int state, int k) {
		if (k == 0) {
			return 0;
		}
		int s = state;
		while (true) {
			int t = (cells[s] >>> CODE_BITS & BASE) + k;
			if ((cells[t] & CODE) == k) {
				return t;
			}
			if (s == 0) {
				return 0;
			}
			s = fail[s];
		}
	}

	/** Reports every occurrence of every term in {@code text} (overlaps included), in no particular order. */
	public void scan(CharSequence text, MatchSink sink) {
		char[] chars = text.toString().toCharArray();
		scan(chars, chars.length, sink);
	}

	/** Like {@link #scan(CharSequence, MatchSink)}, over the first {@code length} characters of an array. */
	public void scan(char[] text, int length, MatchSink sink) {
		if (parts != null) {
			for (AhoCorasick part : parts) {
				part.scan(text, length, sink);
			}
			return;
		}
		if (length == 0) {
			return;
		}
		long[] starts = markStarts(text, length);
		int budget = WALK_BUDGET_PER_CHAR * length + 16;
		for (int w = 0; w < starts.length; w++) {
			for (long word = starts[w]; word != 0; word &= word - 1) {
				int i = w << 6 | Long.numberOfTrailingZeros(word);
				if (budget < 0) {
					automaton(text, i, length, sink);
					return;
				}
				budget -= walk(text, i, length, sink);
			}
		}
	}

	/** The Aho-Corasick pass alone over the whole text (what a scan falls back to), so that tests can check it. */
	void scanByAutomaton(CharSequence text, MatchSink sink) {
		char[] chars = text.toString().toCharArray();
		if (parts != null) {
			for (AhoCorasick part : parts) {
				part.scanByAutomaton(text, sink);
			}
			return;
		}
		automaton(chars, 0, chars.length, sink);
	}

	/** Pass 1: bit {@code i} set where a term may start (its first two characters lead to a node, or it is one). */
	private long[] markStarts(char[] text, int length) {
		int[] entry = this.entry;
		int[] cells = this.cells;
		long[] starts = new long[length + 63 >>> 6];
		int e1 = entry[text[0]];
		int last = length - 1;
		int i = 0;
		// 64 positions per word, the inner loop without a test for the word's end
		for (int w = 0; w < starts.length; w++) {
			int end = Math.min(last, i + 64);
			long word = 0;
			for (; i < end; i++) {
				int e2 = entry[text[i + 1]];
				int k2 = e2 & CODE;
				// 1 when the cell at base + k2 has code k2 (subtracting 1 from 0 sets the sign), or the first is a term
				word |= (long) (((cells[(e1 >>> CODE_BITS & BASE) + k2] & CODE ^ k2) - 1 | e1) >>> 31) << i;
				e1 = e2;
			}
			starts[w] = word;
		}
		starts[last >>> 6] |= (long) (e1 >>> 31) << last;
		return starts;
	}

	/** Pass 2: the terms starting at {@code i}; returns the steps taken beyond the first character. */
	private int walk(char[] text, int i, int length, MatchSink sink) {
		int[] entry = this.entry;
		int[] cells = this.cells;
		int first = entry[text[i]];
		if (first < 0) {
			sink.match(valueAt[rootBase + (first & CODE)], i, i + 1);
		}
		int b = first >>> CODE_BITS & BASE;
		int j = i + 1;
		for (; j < length; j++) {
			int k = entry[text[j]] & CODE;
			int t = b + k;
			int cell = cells[t];
			if ((cell & CODE) != k) {
				break;
			}
			if (cell < 0) {
				sink.match(valueAt[t], i, j + 1);
			}
			b = cell >>> CODE_BITS & BASE;
		}
		return j - i;
	}

	/** The Aho-Corasick pass from {@code from} (at the root) to the end: every match starting at or after it. */
	private void automaton(char[] text, int from, int length, MatchSink sink) {
		int[] cells = this.cells;
		int s = 0;
		for (int j = from; j < length; j++) {
			s = next(cells, fail, s, entry[text[j]] & CODE);
			for (int out = cells[s] < 0 ? s : outLink[s]; out >= 0; out = outLink[out]) {
				sink.match(valueAt[out], j + 1 - depth[out], j + 1);
			}
		}
	}

	/** The number of trie nodes (terms' distinct prefixes, and the root), over all tries. */
	public int nodeCount() {
		return nodes;
	}
}
