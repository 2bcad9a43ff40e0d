package com.commhub.compliance.internal;

/**
 * The text every detector reads: full-width ASCII forms (U+FF01..U+FF5E) and the ideographic space become their
 * half-width forms (what NFKC does for that range), letters become lower case, and invisible characters often used to
 * split a value (zero-width space/joiners, BOM, soft hyphen) are dropped. {@link #originalStart}/{@link #originalEnd}
 * map offsets back to the original text.
 */
public final class NormalizedText {

	private final String original;
	private final String text;
	private final int[] toOriginal;

	private NormalizedText(String original, String text, int[] toOriginal) {
		this.original = original;
		this.text = text;
		this.toOriginal = toOriginal;
	}

	public static NormalizedText of(String original) {
		String source = original == null ? "" : original;
		int length = source.length();
		char[] out = new char[length];
		int[] map = new int[length + 1];
		int n = 0;
		for (int i = 0; i < length; i++) {
			char c = source.charAt(i);
			if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\uFEFF' || c == '\u00AD') {
				continue;
			}
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
			out[n] = c;
			map[n] = i;
			n++;
		}
		map[n] = length;
		int[] toOriginal = new int[n + 1];
		System.arraycopy(map, 0, toOriginal, 0, n + 1);
		return new NormalizedText(source, new String(out, 0, n), toOriginal);
	}

	public String text() {
		return text;
	}

	public String original() {
		return original;
	}

	public int length() {
		return text.length();
	}

	public char charAt(int index) {
		return text.charAt(index);
	}

	/** The original offset of the normalised character at {@code start}. */
	public int originalStart(int start) {
		return toOriginal[start];
	}

	/** The original offset just after the normalised range ending (exclusive) at {@code end}. */
	public int originalEnd(int end) {
		return end == 0 ? 0 : toOriginal[end - 1] + 1;
	}

	static boolean isAsciiDigit(char c) {
		return c >= '0' && c <= '9';
	}

	static boolean isAsciiAlnum(char c) {
		return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
	}
}
