package com.commhub.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PinyinTests {

	@Test
	void syllablesAreSeparatedBySpaces() {
		assertThat(Pinyin.of("张伟")).isEqualTo("zhang wei");
		assertThat(Pinyin.compact("张伟")).isEqualTo("zhangwei");
	}

	@Test
	void surnamesAreReadAsSurnames() {
		assertThat(Pinyin.of("单田芳")).startsWith("shan ");
		assertThat(Pinyin.of("曾国藩")).startsWith("zeng ");
		// only at the start of the name: 单 elsewhere keeps its common reading
		assertThat(Pinyin.of("王单")).isEqualTo("wang dan");
	}

	@Test
	void umlautIsWrittenAsV() {
		assertThat(Pinyin.of("吕")).isEqualTo("lv");
		assertThat(Pinyin.compact("吕梁")).isEqualTo("lvliang");
	}

	@Test
	void latinLettersAreKeptAndOtherCharactersDropped() {
		assertThat(Pinyin.of(" 李·Anna ")).isEqualTo("li anna");
		assertThat(Pinyin.of("")).isEmpty();
		assertThat(Pinyin.of(null)).isEmpty();
	}
}
