package com.commhub.verifier;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The canonical encoding of archive entries and checkpoints: the ONE definition that the server's sealer uses to
 * compute hashes and sign checkpoints, and that the verifier uses to recompute them.
 *
 * <p>Entry encoding (version 2), every field in this fixed order:
 * <pre>
 *   str "commhub.archive.entry.v2"
 *   i64 position, i64 id,
 *   str kind, str subject_type, str subject_id, str parties, str classification,
 *   i64 occurred_at (microseconds since 1970-01-01T00:00:00Z),
 *   str summary, bin content_sha256, str attachment_hashes, str related
 * </pre>
 * {@code i64} is 8 bytes big-endian; {@code str} is the UTF-8 bytes, {@code bin} the raw bytes, each preceded by its
 * length as 4 bytes big-endian, or by {@code -1} (0xFFFFFFFF) and nothing else for SQL NULL. Text columns are taken
 * exactly as stored (parties, attachment hashes and related entries are stored as text, never re-formatted).
 * {@code leaf_hash = SHA-256(encoding)} and {@code entry_hash = SHA-256(leaf_hash || prev_hash)}, where
 * {@code prev_hash} is the previous position's entry hash and 32 zero bytes for position 1. The two levels let an
 * export prove a segment of the chain with only the leaf hashes of the entries it does not contain.
 *
 * <p>Checkpoint encoding (signed with Ed25519):
 * {@code str "commhub.archive.checkpoint.v1", i64 position, bin entry_hash, i64 signed_at (epoch microseconds)}.
 */
public final class CanonicalEncoding {

	public static final String ENTRY_VERSION = "commhub.archive.entry.v2";
	public static final String CHECKPOINT_VERSION = "commhub.archive.checkpoint.v1";
	public static final int HASH_LENGTH = 32;

	private static final byte[] GENESIS = new byte[HASH_LENGTH];

	private CanonicalEncoding() {
	}

	/** The previous hash of position 1. */
	public static byte[] genesis() {
		return GENESIS.clone();
	}

	public static byte[] entry(EntryRow row, long position) {
		Writer out = new Writer();
		out.str(ENTRY_VERSION);
		out.i64(position);
		out.i64(row.id());
		out.str(row.kind());
		out.str(row.subjectType());
		out.str(row.subjectId());
		out.str(row.parties());
		out.str(row.classification());
		out.i64(micros(row.occurredAt()));
		out.str(row.summary());
		out.bin(row.contentSha256());
		out.str(row.attachmentHashes());
		out.str(row.related());
		return out.bytes();
	}

	/** {@code SHA-256(entry(row, position))}: what an export shows for an entry it does not contain. */
	public static byte[] leafHash(EntryRow row, long position) {
		return sha256(entry(row, position));
	}

	/** {@code SHA-256(leafHash(row, position) || prevHash)}. */
	public static byte[] entryHash(EntryRow row, long position, byte[] prevHash) {
		return link(leafHash(row, position), prevHash);
	}

	/** {@code SHA-256(leafHash || prevHash)}: one link of the chain. */
	public static byte[] link(byte[] leafHash, byte[] prevHash) {
		MessageDigest digest = sha256();
		digest.update(leafHash);
		digest.update(prevHash);
		return digest.digest();
	}

	public static byte[] checkpoint(long position, byte[] entryHash, Instant signedAt) {
		Writer out = new Writer();
		out.str(CHECKPOINT_VERSION);
		out.i64(position);
		out.bin(entryHash);
		out.i64(micros(signedAt));
		return out.bytes();
	}

	public static long micros(Instant instant) {
		return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
	}

	/** Truncates to the microseconds PostgreSQL stores, so a value hashes the same before and after a round trip. */
	public static Instant truncate(Instant instant) {
		return Instant.ofEpochSecond(instant.getEpochSecond(), (instant.getNano() / 1_000) * 1_000L);
	}

	public static byte[] sha256(byte[] data) {
		return sha256().digest(data);
	}

	public static String hex(byte[] data) {
		return data == null ? "-" : HexFormat.of().formatHex(data);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static final class Writer {
		private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

		void i64(long value) {
			for (int shift = 56; shift >= 0; shift -= 8) {
				out.write((int) (value >>> shift));
			}
		}

		void i32(int value) {
			for (int shift = 24; shift >= 0; shift -= 8) {
				out.write(value >>> shift);
			}
		}

		void str(String value) {
			bin(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
		}

		void bin(byte[] value) {
			if (value == null) {
				i32(-1);
				return;
			}
			i32(value.length);
			out.writeBytes(value);
		}

		byte[] bytes() {
			return out.toByteArray();
		}
	}
}
