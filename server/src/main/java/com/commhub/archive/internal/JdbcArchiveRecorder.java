package com.commhub.archive.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.commhub.archive.ArchiveEntryId;
import com.commhub.archive.ArchiveRecorder;
import com.commhub.archive.NewArchiveEntry;
import com.commhub.verifier.CanonicalEncoding;

/**
 * Inserts one unsealed {@code arc_entry} row in the caller's transaction. Confidential content is encrypted with
 * AES-256-GCM; {@code content_sha256} is always the hash of the plain content.
 */
@Service
class JdbcArchiveRecorder implements ArchiveRecorder {

	private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

	private final JdbcClient jdbc;
	private final ArchiveKeys keys;
	private final Clock clock;

	JdbcArchiveRecorder(JdbcClient jdbc, ArchiveKeys keys, Clock clock) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.clock = clock;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public ArchiveEntryId record(NewArchiveEntry entry) {
		byte[] content = entry.content();
		byte[] sha256 = content == null ? null : CanonicalEncoding.sha256(content);
		byte[] stored = content;
		byte[] nonce = null;
		String keyId = null;
		if (content != null && entry.classification().confidential()) {
			ArchiveKeys.Sealed sealed = keys.encrypt(content);
			stored = sealed.ciphertext();
			nonce = sealed.nonce();
			keyId = sealed.keyId();
		}
		Long id = jdbc.sql("""
				insert into arc_entry (kind, subject_type, subject_id, parties, classification, occurred_at, recorded_at,
				    summary, content, content_key_id, content_nonce, content_sha256, attachment_hashes, related)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(entry.kind().name(), entry.subjectType(), entry.subjectId(), parties(entry.parties()),
					entry.classification().name(), OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC),
					OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), entry.summary(), stored, keyId, nonce,
					sha256, attachments(entry.attachmentHashes()), related(entry.related()))
			.query(Long.class)
			.single();
		return new ArchiveEntryId(id);
	}

	static String parties(NewArchiveEntry.Parties parties) {
		return "{\"sender\":" + Json.string(parties.sender()) + ",\"recipients\":" + Json.strings(parties.recipients())
				+ ",\"organisations\":" + Json.strings(parties.organisations()) + "}";
	}

	static String attachments(List<String> hashes) {
		List<String> normalised = new ArrayList<>();
		for (String hash : hashes) {
			String value = hash == null ? "" : hash.trim().toLowerCase(Locale.ROOT);
			if (!SHA256_HEX.matcher(value).matches()) {
				throw new IllegalArgumentException("attachment hash must be hex SHA-256: " + hash);
			}
			normalised.add(value);
		}
		return Json.strings(normalised);
	}

	static String related(List<NewArchiveEntry.Related> related) {
		StringBuilder out = new StringBuilder("[");
		for (int i = 0; i < related.size(); i++) {
			NewArchiveEntry.Related r = related.get(i);
			out.append(i == 0 ? "" : ",")
				.append("{\"relation\":\"")
				.append(r.relation().name())
				.append("\",\"entry\":")
				.append(r.entry().value())
				.append('}');
		}
		return out.append(']').toString();
	}
}
