package com.commhub.verifier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One row of {@code arc_entry} as read from the database: what the sealer hashes and the verifier re-hashes.
 * {@link #COLUMNS} is the select list both use.
 */
public record EntryRow(long id, Long position, String kind, String subjectType, String subjectId, String parties,
		String classification, Instant occurredAt, String summary, byte[] content, String contentKeyId,
		byte[] contentSha256, String attachmentHashes, String related, byte[] prevHash, byte[] entryHash) {

	public static final String COLUMNS = "id, position, kind, subject_type, subject_id, parties, classification, "
			+ "occurred_at, summary, content, content_key_id, content_sha256, attachment_hashes, related, prev_hash, "
			+ "entry_hash";

	public static EntryRow read(ResultSet rs) throws SQLException {
		long position = rs.getLong("position");
		Long sealedPosition = rs.wasNull() ? null : position;
		return new EntryRow(rs.getLong("id"), sealedPosition, rs.getString("kind"), rs.getString("subject_type"),
				rs.getString("subject_id"), rs.getString("parties"), rs.getString("classification"),
				rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("summary"),
				rs.getBytes("content"), rs.getString("content_key_id"), rs.getBytes("content_sha256"),
				rs.getString("attachment_hashes"), rs.getString("related"), rs.getBytes("prev_hash"),
				rs.getBytes("entry_hash"));
	}

	/** Stored in plain text (not encrypted), so the verifier can check the content against its hash. */
	public boolean plainContent() {
		return content != null && contentKeyId == null;
	}
}
