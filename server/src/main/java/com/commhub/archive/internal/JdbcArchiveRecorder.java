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
 * Inserts unsealed {@code arc_entry} rows in the caller's transaction, one statement per call. Confidential content
 * is encrypted with AES-256-GCM; {@code content_sha256} is always the hash of the plain content.
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
		return insert(List.of(entry)).getFirst();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public List<ArchiveEntryId> recordAll(List<NewArchiveEntry> entries) {
		return entries.isEmpty() ? List.of() : insert(entries);
	}

	/**
	 * One statement for any number of entries: each column travels as one array parameter, so the statement text
	 * (and the server's prepared plan) is the same for every batch size, and a transaction of twenty entries costs
	 * one round trip instead of twenty.
	 */
	private List<ArchiveEntryId> insert(List<NewArchiveEntry> entries) {
		int n = entries.size();
		String[] kinds = new String[n];
		String[] subjectTypes = new String[n];
		String[] subjectIds = new String[n];
		String[] parties = new String[n];
		String[] classifications = new String[n];
		String[] occurredAt = new String[n];
		String[] summaries = new String[n];
		byte[][] contents = new byte[n][];
		String[] keyIds = new String[n];
		byte[][] nonces = new byte[n][];
		byte[][] hashes = new byte[n][];
		String[] attachments = new String[n];
		String[] related = new String[n];
		for (int i = 0; i < n; i++) {
			NewArchiveEntry entry = entries.get(i);
			byte[] content = entry.content();
			kinds[i] = entry.kind().name();
			subjectTypes[i] = entry.subjectType();
			subjectIds[i] = entry.subjectId();
			parties[i] = parties(entry.parties());
			classifications[i] = entry.classification().name();
			// ISO-8601 text, exact to the microsecond (what timestamptz keeps)
			occurredAt[i] = CanonicalEncoding.truncate(entry.occurredAt()).toString();
			summaries[i] = entry.summary();
			hashes[i] = content == null ? null : CanonicalEncoding.sha256(content);
			contents[i] = content;
			if (content != null && entry.classification().confidential()) {
				ArchiveKeys.Sealed sealed = keys.encrypt(content);
				contents[i] = sealed.ciphertext();
				nonces[i] = sealed.nonce();
				keyIds[i] = sealed.keyId();
			}
			attachments[i] = attachments(entry.attachmentHashes());
			related[i] = related(entry.related());
		}
		List<Long> ids = new ArrayList<>(jdbc.sql(INSERT)
			.params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), kinds, subjectTypes, subjectIds, parties,
					classifications, occurredAt, summaries, contents, keyIds, nonces, hashes, attachments, related)
			.query(Long.class)
			.list());
		if (ids.size() != n) {
			throw new IllegalStateException("inserted " + ids.size() + " archive entries instead of " + n);
		}
		// the ids are drawn from the sequence row by row in input order; RETURNING promises no order, so sort
		ids.sort(null);
		return ids.stream().map(ArchiveEntryId::new).toList();
	}

	private static final String INSERT = """
			insert into arc_entry (kind, subject_type, subject_id, parties, classification, occurred_at, recorded_at,
			    summary, content, content_key_id, content_nonce, content_sha256, attachment_hashes, related)
			select kind, subject_type, subject_id, parties, classification, occurred_at::timestamptz, r.recorded_at,
			    summary, content, content_key_id, content_nonce, content_sha256, attachment_hashes, related
			from (select ?::timestamptz as recorded_at) r,
			     unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bytea[],
			            ?::text[], ?::bytea[], ?::bytea[], ?::text[], ?::text[])
			         with ordinality as e(kind, subject_type, subject_id, parties, classification, occurred_at, summary,
			            content, content_key_id, content_nonce, content_sha256, attachment_hashes, related, ord)
			order by e.ord
			returning id""";

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
