package com.commhub.compliance.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An Aho-Corasick automaton in flat int arrays, built once per dictionary version and matched in one pass.
 * Edges of node {@code s} are {@code edgeChar/edgeTarget[edgeStart[s] .. edgeStart[s+1])}, sorted by character and
 * found by binary search; the root has a dense 64K table. {@code fail} is the failure link, {@code term} the term
 * that ends at a node (or -1) and {@code outLink} the nearest node on the failure chain that ends a term (or -1).
 * Terms must already be normalised ({@link NormalizedText}). Immutable and thread-safe once built.
 */
public final class AhoCorasick {

	/** Receives matches: term index and the [start, end) range in the scanned text. */
	@FunctionalInterface
	public interface MatchSink {
		void match(int term, int start, int end);
	}

	private final int[] rootNext;
	private final int[] edgeStart;
	private final char[] edgeChar;
	private final int[] edgeTarget;
	private final int[] fail;
	private final int[] term;
	private final int[] outLink;
	private final int[] termLength;

	private AhoCorasick(int[] rootNext, int[] edgeStart, char[] edgeChar, int[] edgeTarget, int[] fail, int[] term,
			int[] outLink, int[] termLength) {
		this.rootNext = rootNext;
		this.edgeStart = edgeStart;
		this.edgeChar = edgeChar;
		this.edgeTarget = edgeTarget;
		this.fail = fail;
		this.term = term;
		this.outLink = outLink;
		this.termLength = termLength;
	}

	/** Builds the automaton; empty terms are ignored, duplicates keep the first index. */
	public static AhoCorasick build(List<String> terms) {
		// 1. trie with hash maps (build time only)
		List<Map<Character, Integer>> children = new ArrayList<>();
		List<Integer> ends = new ArrayList<>();
		children.add(new HashMap<>());
		ends.add(-1);
		int[] lengths = new int[terms.size()];
		for (int t = 0; t < terms.size(); t++) {
			String word = terms.get(t);
			lengths[t] = word == null ? 0 : word.length();
			if (word == null || word.isEmpty()) {
				continue;
			}
			int node = 0;
			for (int i = 0; i < word.length(); i++) {
				Integer next = children.get(node).get(word.charAt(i));
				if (next == null) {
					next = children.size();
					children.add(new HashMap<>());
					ends.add(-1);
					children.get(node).put(word.charAt(i), next);
				}
				node = next;
			}
			if (ends.get(node) < 0) {
				ends.set(node, t);
			}
		}
		int nodes = children.size();
		// 2. flatten edges, sorted by character
		int[] edgeStart = new int[nodes + 1];
		int edges = 0;
		for (int s = 0; s < nodes; s++) {
			edgeStart[s] = edges;
			edges += children.get(s).size();
		}
		edgeStart[nodes] = edges;
		char[] edgeChar = new char[edges];
		int[] edgeTarget = new int[edges];
		for (int s = 0; s < nodes; s++) {
			Character[] keys = children.get(s).keySet().toArray(new Character[0]);
			Arrays.sort(keys);
			int at = edgeStart[s];
			for (Character key : keys) {
				edgeChar[at] = key;
				edgeTarget[at] = children.get(s).get(key);
				at++;
			}
		}
		int[] rootNext = new int[65536];
		for (int e = edgeStart[0]; e < edgeStart[1]; e++) {
			rootNext[edgeChar[e]] = edgeTarget[e];
		}
		int[] term = new int[nodes];
		for (int s = 0; s < nodes; s++) {
			term[s] = ends.get(s);
		}
		// 3. failure and output links, breadth first
		int[] fail = new int[nodes];
		int[] outLink = new int[nodes];
		Arrays.fill(outLink, -1);
		int[] queue = new int[nodes];
		int head = 0;
		int tail = 0;
		for (int e = edgeStart[0]; e < edgeStart[1]; e++) {
			fail[edgeTarget[e]] = 0;
			queue[tail++] = edgeTarget[e];
		}
		AhoCorasick partial = new AhoCorasick(rootNext, edgeStart, edgeChar, edgeTarget, fail, term, outLink, lengths);
		while (head < tail) {
			int s = queue[head++];
			for (int e = edgeStart[s]; e < edgeStart[s + 1]; e++) {
				char c = edgeChar[e];
				int child = edgeTarget[e];
				int f = fail[s];
				int next;
				while ((next = partial.step(f, c)) < 0) {
					f = fail[f];
				}
				fail[child] = next == child ? 0 : next;
				outLink[child] = term[fail[child]] >= 0 ? fail[child] : outLink[fail[child]];
				queue[tail++] = child;
			}
		}
		return partial;
	}

	/** The goto function: the next node, or -1 (never -1 at the root). */
	private int step(int state, char c) {
		if (state == 0) {
			return rootNext[c];
		}
		int low = edgeStart[state];
		int high = edgeStart[state + 1] - 1;
		while (low <= high) {
			int mid = (low + high) >>> 1;
			char m = edgeChar[mid];
			if (m < c) {
				low = mid + 1;
			}
			else if (m > c) {
				high = mid - 1;
			}
			else {
				return edgeTarget[mid];
			}
		}
		return -1;
	}

	/** Reports every occurrence of every term in {@code text} (overlaps included), in one pass. */
	public void scan(CharSequence text, MatchSink sink) {
		int state = 0;
		for (int i = 0, n = text.length(); i < n; i++) {
			char c = text.charAt(i);
			int next;
			while ((next = step(state, c)) < 0) {
				state = fail[state];
			}
			state = next;
			int out = term[state] >= 0 ? state : outLink[state];
			while (out >= 0) {
				int t = term[out];
				sink.match(t, i + 1 - termLength[t], i + 1);
				out = outLink[out];
			}
		}
	}

	public int nodeCount() {
		return fail.length;
	}
}
