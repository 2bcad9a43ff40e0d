package com.commhub.archive.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.commhub.archive.ArchiveEntryId;
import com.commhub.verifier.CanonicalEncoding;

/**
 * Reads an entry's plain content back (decrypting confidential content). A changed ciphertext fails AES-GCM's
 * tag check; a changed plain content fails its SHA-256. Access control is the caller's (approved access requests,
 * later); nothing outside the archive module reaches this yet.
 */
@Component
public class ArchiveContents {

	private final JdbcTemplate jdbc;
	private final ArchiveKeys keys;

	ArchiveContents(JdbcTemplate jdbc, ArchiveKeys keys) {
		this.jdbc = jdbc;
		this.keys = keys;
	}

	/** The plain content, or null when the entry has none; throws when it was tampered with. */
	public byte[] content(ArchiveEntryId id) {
		List<Object[]> rows = jdbc.query(
				"select content, content_nonce, content_key_id, content_sha256 from arc_entry where id = ?",
				(rs, n) -> new Object[] { rs.getBytes(1), rs.getBytes(2), rs.getString(3), rs.getBytes(4) },
				id.value());
		if (rows.isEmpty() || rows.getFirst()[0] == null) {
			return null;
		}
		Object[] row = rows.getFirst();
		byte[] plain;
		try {
			plain = row[2] == null ? (byte[]) row[0] : keys.decrypt((byte[]) row[0], (byte[]) row[1], (String) row[2]);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("archive entry " + id.value() + ": content fails its integrity check", ex);
		}
		if (!MessageDigest.isEqual(CanonicalEncoding.sha256(plain), (byte[]) row[3])) {
			throw new IllegalStateException("archive entry " + id.value() + ": content does not match its hash");
		}
		return plain;
	}
}
