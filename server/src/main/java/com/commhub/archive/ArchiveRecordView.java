package com.commhub.archive;

import java.time.Instant;
import java.util.List;

import com.commhub.shared.Classification;

/**
 * One archived record opened under an access request: what was recorded, its content (decrypted when confidential;
 * null when it had none or it was disposed of) and where it sits in the chain ({@code position} and hashes are null
 * until it is sealed). {@code related} are the entries it points at, {@code referencedBy} the entries in the same
 * scope that point at it (its edits, recalls and replies).
 */
public record ArchiveRecordView(long entryId, RecordKind kind, String subjectType, String subjectId, String sender,
		List<String> recipients, List<String> organisations, Classification classification, Instant occurredAt,
		Instant recordedAt, String summary, String content, List<String> attachmentHashes, List<Related> related,
		List<Related> referencedBy, Long position, String entryHash, String prevHash, Instant sealedAt) {

	public record Related(NewArchiveEntry.Relation relation, long entryId) {
	}
}
