package com.commhub.directory.internal;

import java.util.Locale;
import java.util.Map;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Name → pinyin with pinyin4j. Surnames with a reading that differs from the character's common one (单 Shàn,
 * 曾 Zēng, 仇 Qiú …) are read as surnames when they start the name; 吕 becomes "lv" as in Chinese mail addresses.
 */
final class Pinyin {

	private static final Map<Character, String> SURNAME_READINGS = Map.ofEntries(Map.entry('单', "shan"),
			Map.entry('曾', "zeng"), Map.entry('仇', "qiu"), Map.entry('解', "xie"), Map.entry('区', "ou"),
			Map.entry('朴', "piao"), Map.entry('查', "zha"), Map.entry('覃', "qin"), Map.entry('尉', "yu"),
			Map.entry('盖', "ge"), Map.entry('缪', "miao"), Map.entry('翟', "zhai"), Map.entry('乐', "yue"),
			Map.entry('厍', "she"), Map.entry('长', "chang"), Map.entry('重', "chong"), Map.entry('沈', "shen"),
			Map.entry('柏', "bai"), Map.entry('秘', "bi"), Map.entry('召', "shao"), Map.entry('石', "shi"));

	private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

	static {
		FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
		FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
		FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
	}

	private Pinyin() {
	}

	/** Syllables separated by spaces, e.g. "wang fang"; Latin letters are kept, other characters dropped. */
	static String of(String name) {
		StringBuilder out = new StringBuilder();
		String trimmed = name == null ? "" : name.trim();
		for (int i = 0; i < trimmed.length(); i++) {
			char c = trimmed.charAt(i);
			String syllable;
			if (i == 0 && SURNAME_READINGS.containsKey(c)) {
				syllable = SURNAME_READINGS.get(c);
			}
			else if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
				syllable = reading(c);
			}
			else if (Character.isLetterOrDigit(c) && c < 128) {
				syllable = String.valueOf(c).toLowerCase(Locale.ROOT);
				if (!out.isEmpty() && Character.isLetterOrDigit(out.charAt(out.length() - 1))
						&& (i > 0 && trimmed.charAt(i - 1) < 128)) {
					out.append(syllable);
					continue;
				}
			}
			else {
				continue;
			}
			if (syllable == null) {
				continue;
			}
			if (!out.isEmpty()) {
				out.append(' ');
			}
			out.append(syllable);
		}
		return out.toString();
	}

	/** The pinyin without spaces, e.g. "wangfang". */
	static String compact(String name) {
		return of(name).replace(" ", "");
	}

	private static String reading(char c) {
		try {
			String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
			return readings == null || readings.length == 0 ? null : readings[0];
		}
		catch (BadHanyuPinyinOutputFormatCombination ex) {
			throw new IllegalStateException(ex);
		}
	}
}
