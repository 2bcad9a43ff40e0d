package com.commhub.archive.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.commhub.archive.ArchiveEntryId;
import com.commhub.archive.ArchiveRecordView;
import com.commhub.archive.NewArchiveEntry;
import com.commhub.archive.RecordKind;
import com.commhub.shared.Classification;
import com.commhub.verifier.CanonicalEncoding;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads stored entries for the scoped search and the record page; content through {@link ArchiveContents}. */
@Component
class ArchiveEntries {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcTemplate jdbc;
	private final ArchiveContents contents;

	ArchiveEntries(JdbcTemplate jdbc, ArchiveContents contents) {
		this.jdbc = jdbc;
		this.contents = contents;
	}

	/** An entry's recorded fields without its content. */
	record Entry(long id, RecordKind kind, String subjectType, String subjectId, String sender, List<String> recipients,
			List<String> organisations, Classification classification, Instant occurredAt, Instant recordedAt,
			String summary, boolean hasContent, String attachmentHashes, String related, Long position,
			byte[] entryHash, byte[] prevHash, Instant sealedAt) {

		List<String> parties() {
			List<String> all = new ArrayList<>();
			if (sender != null) {
				all.add(sender);
			}
			all.addAll(recipients);
			all.addAll(organisations);
			return all;
		}
	}

	Optional<Entry> find(long id) {
		return jdbc.query("""
				select id, kind, subject_type, subject_id, parties, classification, occurred_at, recorded_at, summary,
				       content is not null as has_content, attachment_hashes, related, position, entry_hash, prev_hash,
				       sealed_at
				from arc_entry where id = ?""", (rs, n) -> {
			Parties parties = parties(rs.getString("parties"));
			OffsetDateTime sealed = rs.getObject("sealed_at", OffsetDateTime.class);
			long position = rs.getLong("position");
			return new Entry(rs.getLong("id"), RecordKind.valueOf(rs.getString("kind")), rs.getString("subject_type"),
					rs.getString("subject_id"), parties.sender(), parties.recipients(), parties.organisations(),
					Classification.valueOf(rs.getString("classification")),
					rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
					rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("summary"),
					rs.getBoolean("has_content"), rs.getString("attachment_hashes"), rs.getString("related"),
					rs.wasNull() ? null : position, rs.getBytes("entry_hash"), rs.getBytes("prev_hash"),
					sealed == null ? null : sealed.toInstant());
		}, id).stream().findFirst();
	}

	/** The plain content as text (decrypted when confidential), or null when there is none. */
	String contentText(long id) {
		byte[] plain = contents.content(new ArchiveEntryId(id));
		return plain == null ? null : new String(plain, StandardCharsets.UTF_8);
	}

	/** The text that full-text search matches: summary, parties and, unless withheld, the content. */
	static String searchableText(String summary, List<String> parties, String content) {
		StringBuilder text = new StringBuilder(summary == null ? "" : summary);
		for (String party : parties) {
			text.append('\n').append(party);
		}
		if (content != null) {
			text.append('\n').append(content);
		}
		return text.toString();
	}

	/** @param referencedBy the entries in scope whose relations point at this one */
	ArchiveRecordView view(Entry entry, String content, List<Entry> referencedBy) {
		List<ArchiveRecordView.Related> incoming = new ArrayList<>();
		for (Entry other : referencedBy) {
			for (ArchiveRecordView.Related relation : related(other.related())) {
				if (relation.entryId() == entry.id()) {
					incoming.add(new ArchiveRecordView.Related(relation.relation(), other.id()));
				}
			}
		}
		return new ArchiveRecordView(entry.id(), entry.kind(), entry.subjectType(), entry.subjectId(), entry.sender(),
				entry.recipients(), entry.organisations(), entry.classification(), entry.occurredAt(),
				entry.recordedAt(), entry.summary(), content, strings(JSON.readTree(entry.attachmentHashes())),
				related(entry.related()), incoming, entry.position(), hex(entry.entryHash()), hex(entry.prevHash()),
				entry.sealedAt());
	}

	static List<ArchiveRecordView.Related> related(String json) {
		List<ArchiveRecordView.Related> related = new ArrayList<>();
		for (JsonNode node : JSON.readTree(json)) {
			related.add(new ArchiveRecordView.Related(NewArchiveEntry.Relation.valueOf(node.get("relation").asString()),
					node.get("entry").asLong()));
		}
		return related;
	}

	static List<Long> relatedIds(String json) {
		return related(json).stream().map(ArchiveRecordView.Related::entryId).distinct().toList();
	}

	record Parties(String sender, List<String> recipients, List<String> organisations) {
	}

	static Parties parties(String json) {
		JsonNode node = JSON.readTree(json);
		JsonNode sender = node.get("sender");
		return new Parties(sender == null || sender.isNull() ? null : sender.asString(), strings(node.get("recipients")),
				strings(node.get("organisations")));
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		if (array != null) {
			array.forEach(v -> values.add(v.asString()));
		}
		return values;
	}

	private static String hex(byte[] bytes) {
		return bytes == null ? null : CanonicalEncoding.hex(bytes);
	}
}
