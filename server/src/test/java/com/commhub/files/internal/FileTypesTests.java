package com.commhub.files.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Names, extensions and magic bytes: the decisions an upload's type rests on. */
class FileTypesTests {

	@Test
	void namesKeepOnlyTheLastSegmentWithoutControlOrBidiCharacters() {
		assertThat(FileService.cleanName("../../etc/passwd.txt")).isEqualTo("passwd.txt");
		assertThat(FileService.cleanName("C:\\Users\\王芳\\报告.docx")).isEqualTo("报告.docx");
		// U+202E (right-to-left override) makes "报告gpj.exe" look like "报告exe.jpg"
		assertThat(FileService.cleanName("报告\u202Egpj.exe")).isEqualTo("报告gpj.exe");
		assertThat(FileService.cleanName("a\u0000b\r\n.txt")).isEqualTo("ab.txt");
		assertThat(FileService.cleanName("  季度 报告.pdf  ")).isEqualTo("季度 报告.pdf");
		assertThat(FileService.cleanName("..")).isEmpty();
		assertThat(FileService.cleanName(null)).isEmpty();
		String longName = "长".repeat(300) + ".xlsx";
		String cleaned = FileService.cleanName(longName);
		assertThat(cleaned.codePointCount(0, cleaned.length())).isEqualTo(255);
		assertThat(cleaned).endsWith(".xlsx");
	}

	@Test
	void theLastExtensionDecidesAndTrailingDotsDoNotHideIt() {
		assertThat(FileTypes.executableExtension("报告.pdf.exe")).isTrue();
		assertThat(FileTypes.executableExtension("setup.EXE")).isTrue();
		assertThat(FileTypes.executableExtension("setup.exe. . ")).isTrue();
		assertThat(FileTypes.executableExtension("logo.svg")).isTrue();
		assertThat(FileTypes.executableExtension("notes.exe.txt")).isFalse();
		assertThat(FileTypes.byExtension("照片.JPG")).contains("image/jpeg");
		assertThat(FileTypes.byExtension("README")).isEmpty();
		assertThat(FileTypes.byExtension("archive.")).isEmpty();
	}

	@Test
	void magicBytesNameTheFormat() {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 };
		byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 };
		byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
		assertThat(FileTypes.imageTypeOf(png)).contains("image/png");
		assertThat(FileTypes.imageTypeOf(jpeg)).contains("image/jpeg");
		assertThat(FileTypes.imageTypeOf("GIF89a".getBytes(StandardCharsets.US_ASCII))).contains("image/gif");
		assertThat(FileTypes.imageTypeOf(webp)).contains("image/webp");
		assertThat(FileTypes.imageTypeOf("<svg>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(FileTypes.imageTypeOf(new byte[0])).isEmpty();

		assertThat(FileTypes.contradicts("application/pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII))).isFalse();
		assertThat(FileTypes.contradicts("application/pdf", "hello".getBytes(StandardCharsets.US_ASCII))).isTrue();
		assertThat(FileTypes.contradicts("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
				new byte[] { 'P', 'K', 3, 4 })).isFalse();
		assertThat(FileTypes.contradicts("text/plain", png)).isFalse();

		assertThat(FileTypes.executable("MZ\u0090".getBytes(StandardCharsets.ISO_8859_1))).isTrue();
		assertThat(FileTypes.executable(new byte[] { 0x7F, 'E', 'L', 'F' })).isTrue();
		assertThat(FileTypes.executable(new byte[] { (byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE })).isTrue();
		assertThat(FileTypes.executable("#!/usr/bin/env python".getBytes(StandardCharsets.US_ASCII))).isTrue();
		assertThat(FileTypes.executable("\uFEFF#!/bin/sh".getBytes(StandardCharsets.UTF_8))).isTrue();
		assertThat(FileTypes.executable("# 标题".getBytes(StandardCharsets.UTF_8))).isFalse();
	}

	@Test
	void declaredTypesAreNormalised() {
		assertThat(FileTypes.normalise(" Image/PNG; charset=binary")).isEqualTo("image/png");
		assertThat(FileTypes.normalise(null)).isEmpty();
		assertThat(FileTypes.canonicalImageType("image/jpg")).isEqualTo("image/jpeg");
		assertThat(FileTypes.extensionsOf(Set.of("image/png", "application/pdf"))).isEqualTo("pdf, png");
	}

	@Test
	void downloadNamesAreRfc5987WithAnAsciiFallback() {
		assertThat(FileResponses.contentDisposition("attachment", "季度报告 \"终稿\";.pdf"))
			.isEqualTo("attachment; filename=\"____ _____.pdf\"; filename*=UTF-8''"
					+ "%E5%AD%A3%E5%BA%A6%E6%8A%A5%E5%91%8A%20%22%E7%BB%88%E7%A8%BF%22%3B.pdf");
	}
}
