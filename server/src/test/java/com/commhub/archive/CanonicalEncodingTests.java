package com.commhub.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import com.commhub.verifier.CanonicalEncoding;
import com.commhub.verifier.EntryRow;

/**
 * Pins the documented canonical encoding (docs/modules/archive.md) with vectors computed by an independent
 * implementation of the specification (a few lines of Python with struct.pack and hashlib): a change to the
 * encoding would silently break every existing chain, so it must fail here first.
 */
class CanonicalEncodingTests {

	private static final Instant AT = Instant.parse("2026-01-02T03:04:05.123456Z");

	private static byte[] prev() {
		byte[] prev = new byte[32];
		for (int i = 0; i < prev.length; i++) {
			prev[i] = (byte) i;
		}
		return prev;
	}

	@Test
	void entryHashMatchesTheSpecification() {
		byte[] contentSha = CanonicalEncoding.sha256("你好".getBytes(StandardCharsets.UTF_8));
		EntryRow row = new EntryRow(42, 7L, "MAIL", "mail", "m-1", "{\"sender\":\"王芳\",\"recipients\":[],\"organisations\":[]}",
				"CONFIDENTIAL", AT, "主题", null, null, contentSha, "[]", null, null, null);
		assertThat(CanonicalEncoding.hex(CanonicalEncoding.entryHash(row, 7, prev())))
			.isEqualTo("36368e4b53645b4eb4d9dfb7b3478fd3a65e47fcdd698f5926f45aeea591f96f");
	}

	@Test
	void checkpointEncodingMatchesTheSpecification() {
		assertThat(HexFormat.of().formatHex(CanonicalEncoding.checkpoint(7, prev(), AT))).isEqualTo(
				"0000001d636f6d6d6875622e617263686976652e636865636b706f696e742e76310000000000000007000000200001020304"
						+ "05060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f0006475ef64ed580");
	}

	@Test
	void positionIsPartOfTheHash() {
		EntryRow row = new EntryRow(1, null, "MAIL", "mail", "m-1", "{}", "PUBLIC", AT, "", null, null, null, "[]",
				"[]", null, null);
		assertThat(CanonicalEncoding.entryHash(row, 1, CanonicalEncoding.genesis()))
			.isNotEqualTo(CanonicalEncoding.entryHash(row, 2, CanonicalEncoding.genesis()));
	}
}
