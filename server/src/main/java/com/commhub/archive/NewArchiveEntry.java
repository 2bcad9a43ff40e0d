package com.commhub.archive;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.commhub.shared.Classification;

/**
 * What to archive. {@code content} may be null (nothing beyond the summary); it is stored encrypted when the
 * classification is {@link Classification#confidential() confidential}. Attachment hashes are hex SHA-256.
 */
public record NewArchiveEntry(RecordKind kind, String subjectType, String subjectId, Parties parties,
		Classification classification, Instant occurredAt, String summary, byte[] content,
		List<String> attachmentHashes, List<Related> related) {

	public NewArchiveEntry {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(subjectType, "subjectType");
		Objects.requireNonNull(subjectId, "subjectId");
		Objects.requireNonNull(classification, "classification");
		Objects.requireNonNull(occurredAt, "occurredAt");
		parties = parties == null ? Parties.NONE : parties;
		summary = summary == null ? "" : summary;
		attachmentHashes = attachmentHashes == null ? List.of() : List.copyOf(attachmentHashes);
		related = related == null ? List.of() : List.copyOf(related);
	}

	/** An entry whose content is text (stored as UTF-8). */
	public static NewArchiveEntry text(RecordKind kind, String subjectType, String subjectId, Parties parties,
			Classification classification, Instant occurredAt, String summary, String content) {
		return new NewArchiveEntry(kind, subjectType, subjectId, parties, classification, occurredAt, summary,
				content == null ? null : content.getBytes(StandardCharsets.UTF_8), List.of(), List.of());
	}

	public NewArchiveEntry withAttachments(List<String> hashes) {
		return new NewArchiveEntry(kind, subjectType, subjectId, parties, classification, occurredAt, summary, content,
				hashes, related);
	}

	public NewArchiveEntry withRelated(List<Related> relations) {
		return new NewArchiveEntry(kind, subjectType, subjectId, parties, classification, occurredAt, summary, content,
				attachmentHashes, relations);
	}

	/** Sender, recipients and organisations involved, as display strings (e.g. "HT1020 王芳"). */
	public record Parties(String sender, List<String> recipients, List<String> organisations) {

		public static final Parties NONE = new Parties(null, List.of(), List.of());

		public Parties {
			recipients = recipients == null ? List.of() : List.copyOf(recipients);
			organisations = organisations == null ? List.of() : List.copyOf(organisations);
		}

		public static Parties of(String sender, String... recipients) {
			return new Parties(sender, List.of(recipients), List.of());
		}
	}

	/** How this entry relates to an earlier one. */
	public enum Relation {
		EDIT_OF,
		RECALL_OF,
		REPLY_TO
	}

	public record Related(Relation relation, ArchiveEntryId entry) {

		public Related {
			Objects.requireNonNull(relation, "relation");
			Objects.requireNonNull(entry, "entry");
		}
	}
}
