package com.commhub.compliance.internal;

import java.util.Arrays;

/**
 * The text every detector reads: full-width ASCII forms (U+FF01..U+FF5E) and the ideographic space become their
 * half-width forms (what NFKC does for that range), letters become lower case, and invisible characters often used to
 * split a value (zero-width space/joiners, BOM, soft hyphen) are dropped. {@link #originalStart}/{@link #originalEnd}
 * map offsets back to the original text.
 * <p>
 * Folding is one lookup per character in a 64K table, and the offset map exists only when a character was dropped
 * (otherwise offsets are the same in both texts); the normalised {@link String} is made only when a detector asks
 * for it. Detectors in this package scan {@link #chars()} directly.
 */
public final class NormalizedText {

	/** Each char's normalised form; 0 for the dropped ones (U+0000 itself maps to 0 and is kept). */
	private static final char[] FOLD = new char[65536];

	static {
		for (int i = 0; i < 65536; i++) {
			char c = (char) i;
			if (c >= '\uFF01' && c <= '\uFF5E') {
				c = (char) (c - 0xFEE0);
			}
			else if (c == '\u3000') {
				c = ' ';
			}
			if (c < 128) {
				if (c >= 'A' && c <= 'Z') {
					c = (char) (c + 32);
				}
			}
			else if (!Character.isSurrogate(c)) {
				c = Character.toLowerCase(c);
			}
			FOLD[i] = c;
		}
		for (char dropped : new char[] { '\u200B', '\u200C', '\u200D', '\uFEFF', '\u00AD' }) {
			FOLD[dropped] = 0;
		}
	}

	private final String original;
	private final char[] chars;
	/** Original offset of each normalised character (and the original length at the end); null = the same offsets. */
	private final int[] toOriginal;
	private String text;
	/** Bit c set when the character c (below 64: digits, space, punctuation) may occur; all set = not known. */
	private long charsBelow64 = -1L;

	private NormalizedText(String original, char[] chars, int[] toOriginal) {
		this.original = original;
		this.chars = chars;
		this.toOriginal = toOriginal;
	}

	public static NormalizedText of(String original) {
		String source = original == null ? "" : original;
		int length = source.length();
		char[] out = new char[length];
		// straight from the string until the first character that folds to 0 (usually the whole text), then with the
		// offset map (which keeps U+0000 itself)
		int i = 0;
		while (i < length) {
			char f = FOLD[source.charAt(i)];
			if (f == 0) {
				break;
			}
			out[i++] = f;
		}
		source.getChars(i, length, out, i);
		if (i == length) {
			return new NormalizedText(source, out, null);
		}
		int[] map = new int[length + 1];
		for (int k = 0; k < i; k++) {
			map[k] = k;
		}
		int n = i;
		for (; i < length; i++) {
			char c = out[i];
			char f = FOLD[c];
			if (f == 0 && c != 0) {
				continue;
			}
			map[n] = i;
			out[n++] = f;
		}
		map[n] = length;
		return new NormalizedText(source, Arrays.copyOf(out, n), Arrays.copyOf(map, n + 1));
	}

	/** The normalised text (made on first use). */
	public String text() {
		String value = text;
		if (value == null) {
			value = new String(chars);
			text = value;
		}
		return value;
	}

	/** The normalised characters, exactly {@link #length()} of them; callers must not modify them. */
	char[] chars() {
		return chars;
	}

	public String original() {
		return original;
	}

	public int length() {
		return chars.length;
	}

	public char charAt(int index) {
		return chars[index];
	}

	/** Records which characters below 64 occur (bit c for character c), as a pass over the text saw them. */
	void charsBelow64(long present) {
		charsBelow64 = present;
	}

	/** Whether the normalised text contains {@code literal}, without making the normalised string. */
	boolean contains(String literal) {
		int m = literal.length();
		if (m == 0) {
			return true;
		}
		for (int k = 0; k < m; k++) {
			char c = literal.charAt(k);
			if (c < 64 && (charsBelow64 & 1L << c) == 0) {
				return false;
			}
		}
		char first = literal.charAt(0);
		for (int i = 0, last = chars.length - m; i <= last; i++) {
			if (chars[i] != first) {
				continue;
			}
			int k = 1;
			while (k < m && chars[i + k] == literal.charAt(k)) {
				k++;
			}
			if (k == m) {
				return true;
			}
		}
		return false;
	}

	/** The original offset of the normalised character at {@code start}. */
	public int originalStart(int start) {
		return toOriginal == null ? start : toOriginal[start];
	}

	/** The original offset just after the normalised range ending (exclusive) at {@code end}. */
	public int originalEnd(int end) {
		return end == 0 ? 0 : toOriginal == null ? end : toOriginal[end - 1] + 1;
	}

	static boolean isAsciiDigit(char c) {
		return c >= '0' && c <= '9';
	}

	static boolean isAsciiAlnum(char c) {
		return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
	}
}
