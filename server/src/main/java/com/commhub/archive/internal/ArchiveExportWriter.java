package com.commhub.archive.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.commhub.archive.ArchiveAttachmentSource;
import com.commhub.archive.ArchiveEntryId;
import com.commhub.archive.RecordKind;
import com.commhub.security.Audit;
import com.commhub.security.AuditOutcome;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.NotFoundException;
import com.commhub.verifier.CanonicalEncoding;
import com.commhub.verifier.EntryRow;
import com.commhub.verifier.ExportFormat;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an export package (eDiscovery, ARC-5) as a ZIP stream: per record its hashed fields exactly as stored
 * (so the offline verifier can recompute the leaf hash), the plain content (confidential content decrypted), a
 * readable HTML page and for mail an .eml; the attachments a {@link ArchiveAttachmentSource} provides; an index; and
 * a manifest with every file's SHA-256 and the chain proof: the segment from the smallest exported position to the
 * first signed checkpoint at or after the largest, showing only leaf hashes for the entries not exported. The server
 * signs the manifest's hash with the archive key ({@code manifest.sig}). Layout: {@link ExportFormat}; verification:
 * {@code com.commhub.verifier.ExportVerifier}.
 *
 * <p>Access control is the caller's: the access-request flow calls this only for an approved request. Call it
 * outside a transaction if you can: it streams the segment in its own read transaction and seals, when needed, in a
 * separate one.
 */
@Component
public class ArchiveExportWriter {

	private static final Logger log = LoggerFactory.getLogger(ArchiveExportWriter.class);
	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
	private static final int CHUNK = 200;
	private static final int SEGMENT_FETCH_SIZE = 1000;
	private static final JsonMapper JSON = JsonMapper.builder().build();
	/** What the segment needs of an entry: everything hashed, but not the content itself. */
	private static final String SEGMENT_COLUMNS = "id, position, kind, subject_type, subject_id, parties, "
			+ "classification, occurred_at, summary, null::bytea as content, null::text as content_key_id, "
			+ "content_sha256, attachment_hashes, related, prev_hash, entry_hash";

	private final JdbcTemplate jdbc;
	private final JdbcTemplate streaming;
	private final TransactionTemplate readTransaction;
	private final TransactionTemplate separateTransaction;
	private final ArchiveSealer sealer;
	private final ArchiveKeys keys;
	private final ArchiveContents contents;
	private final ObjectProvider<ArchiveAttachmentSource> attachmentSources;
	private final MessageSource messages;
	private final Audit audit;
	private final Clock clock;

	ArchiveExportWriter(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactionManager,
			ArchiveSealer sealer, ArchiveKeys keys, ArchiveContents contents,
			ObjectProvider<ArchiveAttachmentSource> attachmentSources, MessageSource messages, Audit audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(SEGMENT_FETCH_SIZE);
		this.readTransaction = new TransactionTemplate(transactionManager);
		this.readTransaction.setReadOnly(true);
		this.separateTransaction = new TransactionTemplate(transactionManager);
		this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.sealer = sealer;
		this.keys = keys;
		this.contents = contents;
		this.attachmentSources = attachmentSources;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Writes the package for the given entries to {@code out} (which is flushed, not closed). Seals pending entries
	 * and signs a checkpoint first when no checkpoint covers the exported entries yet.
	 *
	 * @throws NotFoundException when an id does not exist
	 * @throws BusinessRuleException (CONFLICT, field {@code entryIds}) when an entry cannot be sealed (not committed)
	 * @throws IllegalStateException when the stored chain does not verify (run the verifier)
	 * @throws UncheckedIOException when writing to {@code out} fails
	 */
	public ExportSummary write(ExportRequest request, OutputStream out) {
		List<Long> ids = request.entryIds().stream().distinct().sorted().toList();
		Map<Long, Long> positions = sealedPositions(ids);
		long largest = positions.values().stream().filter(Objects::nonNull).mapToLong(Long::longValue).max().orElse(0);
		if (positions.containsValue(null) || firstCheckpointFrom(largest).isEmpty()) {
			separateTransaction.executeWithoutResult(status -> sealer.sealNow(true));
			positions = sealedPositions(ids);
		}
		for (Map.Entry<Long, Long> entry : positions.entrySet()) {
			if (entry.getValue() == null) {
				throw BusinessRuleException.conflict("entryIds", "archive.export.error.unsealed",
						Long.toString(entry.getKey()));
			}
		}
		List<Long> byPosition = new ArrayList<>(ids);
		Map<Long, Long> sealed = positions;
		byPosition.sort(Comparator.comparing(sealed::get));
		long from = sealed.get(byPosition.getFirst());
		long to = sealed.get(byPosition.getLast());
		Checkpoint end = firstCheckpointFrom(to)
			.orElseThrow(() -> new IllegalStateException("no signed checkpoint at or after position " + to));
		try {
			Package pkg = new Package(out, request, localeForRendering(), CanonicalEncoding.truncate(clock.instant()));
			for (int i = 0; i < byPosition.size(); i += CHUNK) {
				for (StoredEntry entry : load(byPosition.subList(i, Math.min(byPosition.size(), i + CHUNK)))) {
					pkg.record(entry);
				}
			}
			ExportSummary summary = pkg.finish(from, end, checkpointsBetween(from, end.position()));
			audit.record("archive.export", "archive-export", request.caseReference(), request.title(),
					AuditOutcome.SUCCESS, "records=" + summary.records() + " positions=" + summary.segmentFrom() + ".."
							+ summary.segmentTo() + " manifestSha256=" + summary.manifestSha256() + " purpose="
							+ request.purpose());
			return summary;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("writing the export package", ex);
		}
	}

	/** id → position (null while unsealed); throws NotFoundException for an unknown id. */
	private Map<Long, Long> sealedPositions(List<Long> ids) {
		Map<Long, Long> positions = new HashMap<>();
		jdbc.query("select id, position from arc_entry where id = any(?)", (ResultSet rs) -> {
			long id = rs.getLong(1);
			long position = rs.getLong(2);
			positions.put(id, rs.wasNull() ? null : position);
		}, (Object) ids.toArray(Long[]::new));
		for (Long id : ids) {
			if (!positions.containsKey(id)) {
				throw new NotFoundException("archive entry", id);
			}
		}
		return positions;
	}

	private Locale localeForRendering() {
		// inside a request: the user's language; from a job: the default UI language
		return LocaleContextHolder.getLocaleContext() != null && LocaleContextHolder.getLocaleContext().getLocale() != null
				? LocaleContextHolder.getLocale() : Locale.SIMPLIFIED_CHINESE;
	}

	record Checkpoint(long position, byte[] entryHash, Instant signedAt, byte[] signature, String keyId) {
	}

	private static Checkpoint checkpoint(ResultSet rs) throws SQLException {
		return new Checkpoint(rs.getLong("position"), rs.getBytes("entry_hash"),
				rs.getObject("signed_at", OffsetDateTime.class).toInstant(), rs.getBytes("signature"),
				rs.getString("key_id"));
	}

	private Optional<Checkpoint> firstCheckpointFrom(long position) {
		return jdbc.query("select position, entry_hash, signed_at, signature, key_id from arc_checkpoint "
				+ "where position >= ? order by position, id limit 1", (rs, n) -> checkpoint(rs), position)
			.stream()
			.findFirst();
	}

	private List<Checkpoint> checkpointsBetween(long from, long to) {
		return jdbc.query("select position, entry_hash, signed_at, signature, key_id from arc_checkpoint "
				+ "where position between ? and ? order by position, id", (rs, n) -> checkpoint(rs), from, to);
	}

	record StoredEntry(EntryRow row, Instant recordedAt, Instant sealedAt) {
	}

	private List<StoredEntry> load(List<Long> ids) {
		return jdbc.query("select " + EntryRow.COLUMNS + ", recorded_at, sealed_at from arc_entry where id = any(?) "
				+ "order by position", (rs, n) -> new StoredEntry(EntryRow.read(rs),
						rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
						rs.getObject("sealed_at", OffsetDateTime.class).toInstant()),
				(Object) ids.toArray(Long[]::new));
	}

	/** One attachment of one record, as listed in the record file and the manifest. */
	record Attachment(String sha256, String status, String file, long bytes) {
	}

	record Parties(String sender, List<String> recipients, List<String> organisations) {
	}

	static Parties parties(String json) {
		Map<String, Object> map = JSON.readValue(json, new TypeReference<Map<String, Object>>() {
		});
		return new Parties((String) map.get("sender"), strings(map.get("recipients")),
				strings(map.get("organisations")));
	}

	@SuppressWarnings("unchecked")
	private static List<String> strings(Object value) {
		return value instanceof List<?> list ? (List<String>) list : List.of();
	}

	static List<String> attachmentHashes(String json) {
		return JSON.readValue(json, new TypeReference<List<String>>() {
		});
	}

	static List<Map<String, Object>> related(String json) {
		return JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() {
		});
	}

	/** What the index and the manifest need of an exported record after its files are written. */
	record Written(long id, long position, String kind, String classification, Instant occurredAt, String summary,
			String directory, boolean eml, byte[] leafHash, byte[] entryHash, List<Attachment> attachments) {
	}

	/** One package being written: the ZIP stream, the files' hashes so far, and the exported records. */
	private final class Package {
		private final CountingStream counting;
		private final ZipOutputStream zip;
		private final ExportRequest request;
		private final Locale locale;
		private final Instant createdAt;
		private final ExportHtml html;
		private final Map<String, FileHash> files = new LinkedHashMap<>();
		private final List<Written> records = new ArrayList<>();
		private final Map<String, Attachment> attachments = new HashMap<>();

		Package(OutputStream out, ExportRequest request, Locale locale, Instant createdAt) {
			this.counting = new CountingStream(out);
			this.zip = new ZipOutputStream(counting, StandardCharsets.UTF_8);
			this.request = request;
			this.locale = locale;
			this.createdAt = createdAt;
			this.html = new ExportHtml(messages, locale, ZONE);
		}

		void record(StoredEntry stored) throws IOException {
			EntryRow row = stored.row();
			long position = row.position();
			byte[] leaf = CanonicalEncoding.leafHash(row, position);
			if (row.prevHash() == null || row.entryHash() == null
					|| !MessageDigest.isEqual(CanonicalEncoding.link(leaf, row.prevHash()), row.entryHash())) {
				throw new IllegalStateException("archive entry " + row.id() + " at position " + position
						+ " no longer hashes to its sealed hash; run the verifier before exporting");
			}
			byte[] plain = row.contentSha256() == null ? null : contents.content(new ArchiveEntryId(row.id()));
			String text = plain == null ? null : utf8(plain);
			String contentStatus = row.contentSha256() == null ? ExportFormat.CONTENT_NONE
					: plain == null ? ExportFormat.CONTENT_NOT_AVAILABLE : ExportFormat.CONTENT_INCLUDED;
			List<Attachment> recordAttachments = new ArrayList<>();
			for (String sha256 : attachmentHashes(row.attachmentHashes())) {
				recordAttachments.add(attachment(sha256));
			}
			String directory = ExportFormat.recordDirectory(position);

			StringBuilder json = new StringBuilder(1024).append("{\n");
			field(json, "format", Json.string(ExportFormat.RECORD_FORMAT));
			field(json, "id", Long.toString(row.id()));
			field(json, "position", Long.toString(position));
			field(json, "kind", Json.string(row.kind()));
			field(json, "subject_type", Json.string(row.subjectType()));
			field(json, "subject_id", Json.string(row.subjectId()));
			field(json, "parties", Json.string(row.parties()));
			field(json, "classification", Json.string(row.classification()));
			field(json, "occurred_at", Json.string(row.occurredAt().toString()));
			field(json, "summary", Json.string(row.summary()));
			field(json, "content_sha256", hexOrNull(row.contentSha256()));
			field(json, "attachment_hashes", Json.string(row.attachmentHashes()));
			field(json, "related", Json.string(row.related()));
			field(json, "content_status", Json.string(contentStatus));
			if (plain != null && text != null) {
				field(json, "content_encoding", Json.string("utf-8"));
				field(json, "content", Json.string(text));
			}
			else if (plain != null) {
				field(json, "content_encoding", Json.string("base64"));
				field(json, "content", Json.string(Base64.getEncoder().encodeToString(plain)));
			}
			else {
				field(json, "content", "null");
			}
			field(json, "recorded_at", Json.string(stored.recordedAt().toString()));
			field(json, "sealed_at", Json.string(stored.sealedAt().toString()));
			field(json, "prev_hash", hexOrNull(row.prevHash()));
			field(json, "leaf_hash", hexOrNull(leaf));
			field(json, "entry_hash", hexOrNull(row.entryHash()));
			json.append("  \"attachments\": ").append(attachmentsJson(recordAttachments, "    ")).append("\n}\n");
			file(directory + "record.json", json.toString().getBytes(StandardCharsets.UTF_8));

			Parties parties = parties(row.parties());
			boolean mail = RecordKind.MAIL.name().equals(row.kind()) || RecordKind.EXTERNAL_MAIL.name().equals(row.kind());
			if (mail) {
				String body = text != null ? text
						: messages.getMessage(plain == null ? "archive.export.content." + contentStatus
								: "archive.export.content.binary", null, locale);
				file(directory + "message.eml", EmlRenderer.render(new EmlRenderer.Mail(row.id(), position,
						row.classification(), parties.sender(), parties.recipients(), row.occurredAt(), row.summary(),
						body, attachmentHashes(row.attachmentHashes())), ZONE));
			}
			Written written = new Written(row.id(), position, row.kind(), row.classification(), row.occurredAt(),
					row.summary(), directory, mail, leaf, row.entryHash(), recordAttachments);
			file(directory + "record.html", html.record(written, row, parties, related(row.related()), text,
					contentStatus, plain != null && text == null).getBytes(StandardCharsets.UTF_8));
			records.add(written);
		}

		/** The attachment's bytes from the first source that has them, checked against the archived hash. */
		private Attachment attachment(String sha256) throws IOException {
			Attachment known = attachments.get(sha256);
			if (known != null) {
				return known;
			}
			Attachment result = new Attachment(sha256, ExportFormat.ATTACHMENT_NOT_AVAILABLE, null, -1);
			for (ArchiveAttachmentSource source : attachmentSources.orderedStream().toList()) {
				// spooled to a temporary file (owner-only) first: bytes that do not match the archived hash never
				// enter the package
				Path temporary = Files.createTempFile("commhub-export-", ".bin");
				try {
					MessageDigest digest = sha256();
					try {
						Optional<InputStream> opened = source.open(sha256);
						if (opened.isEmpty()) {
							continue;
						}
						try (InputStream in = opened.get();
								OutputStream copy = new DigestOutputStream(Files.newOutputStream(temporary), digest)) {
							in.transferTo(copy);
						}
					}
					catch (IOException ex) {
						// the package says the attachment is not available; an unreadable file must not stop an export
						log.warn("Attachment {} could not be read from {}; exported as not available", sha256,
								source.getClass().getName(), ex);
						continue;
					}
					if (!CanonicalEncoding.hex(digest.digest()).equals(sha256)) {
						result = new Attachment(sha256, ExportFormat.ATTACHMENT_MISMATCH, null, -1);
						continue;
					}
					String path = ExportFormat.attachmentFile(sha256);
					try (InputStream in = Files.newInputStream(temporary)) {
						file(path, in);
					}
					result = new Attachment(sha256, ExportFormat.ATTACHMENT_INCLUDED, path, files.get(path).bytes());
					break;
				}
				finally {
					Files.deleteIfExists(temporary);
				}
			}
			attachments.put(sha256, result);
			return result;
		}

		ExportSummary finish(long from, Checkpoint end, List<Checkpoint> checkpoints) throws IOException {
			file(ExportFormat.INDEX, html.index(request, createdAt, records).getBytes(StandardCharsets.UTF_8));
			file(ExportFormat.PUBLIC_KEY, keys.publicKeyPem().getBytes(StandardCharsets.US_ASCII));
			MessageDigest digest = sha256();
			zip.putNextEntry(entry(ExportFormat.MANIFEST));
			Writer manifest = new OutputStreamWriter(new DigestOutputStream(new Unclosable(zip), digest),
					StandardCharsets.UTF_8);
			writeManifest(manifest, from, end, checkpoints);
			manifest.flush();
			zip.closeEntry();
			byte[] manifestSha256 = digest.digest();
			byte[] signature = keys.sign(ExportFormat.manifestSignatureMessage(manifestSha256));
			zip.putNextEntry(entry(ExportFormat.MANIFEST_SIGNATURE));
			zip.write((Base64.getEncoder().encodeToString(signature) + "\n").getBytes(StandardCharsets.US_ASCII));
			zip.closeEntry();
			zip.finish();
			counting.flush();
			int included = (int) attachments.values()
				.stream()
				.filter(a -> ExportFormat.ATTACHMENT_INCLUDED.equals(a.status()))
				.count();
			return new ExportSummary(records.size(), counting.count, CanonicalEncoding.hex(manifestSha256), from,
					end.position(), end.position(), included, attachments.size() - included);
		}

		private void writeManifest(Writer out, long from, Checkpoint end, List<Checkpoint> checkpoints)
				throws IOException {
			out.write("{\n");
			out.write("  \"format\": " + Json.string(ExportFormat.FORMAT) + ",\n");
			out.write("  \"package\": {\n");
			out.write("    \"title\": " + Json.string(request.title()) + ",\n");
			out.write("    \"case_reference\": " + Json.string(request.caseReference()) + ",\n");
			out.write("    \"requested_by\": " + Json.string(request.requestedBy()) + ",\n");
			out.write("    \"approved_by\": " + Json.string(request.approvedBy()) + ",\n");
			out.write("    \"purpose\": " + Json.string(request.purpose()) + ",\n");
			out.write("    \"created_at\": " + Json.string(createdAt.toString()) + ",\n");
			out.write("    \"records\": " + records.size() + "\n");
			out.write("  },\n");
			out.write("  \"public_key\": {\n");
			out.write("    \"file\": " + Json.string(ExportFormat.PUBLIC_KEY) + ",\n");
			out.write("    \"key_id\": " + Json.string(keys.publicKeyId()) + ",\n");
			out.write("    \"note\": " + Json.string("Informational only. Verify with the archive public key you "
					+ "obtained from the archive operator out of band, never with this copy.") + "\n");
			out.write("  },\n");
			out.write("  \"files\": [");
			String separator = "\n";
			for (Map.Entry<String, FileHash> file : files.entrySet()) {
				out.write(separator + "    {\"path\": " + Json.string(file.getKey()) + ", \"sha256\": \""
						+ file.getValue().sha256() + "\", \"bytes\": " + file.getValue().bytes() + "}");
				separator = ",\n";
			}
			out.write("\n  ],\n");
			out.write("  \"records\": [");
			separator = "\n";
			for (Written record : records) {
				out.write(separator + "    {\"id\": " + record.id() + ", \"position\": " + record.position()
						+ ", \"kind\": " + Json.string(record.kind()) + ", \"file\": "
						+ Json.string(ExportFormat.recordFile(record.position())) + ", \"leaf_hash\": \""
						+ CanonicalEncoding.hex(record.leafHash()) + "\", \"entry_hash\": \""
						+ CanonicalEncoding.hex(record.entryHash()) + "\", \"attachments\": "
						+ attachmentsJson(record.attachments(), null) + "}");
				separator = ",\n";
			}
			out.write("\n  ],\n");
			out.write("  \"chain\": {\n");
			out.write("    \"encoding\": " + Json.string(CanonicalEncoding.ENTRY_VERSION) + ",\n");
			out.write("    \"hash\": \"leaf_hash = SHA-256(encoding); entry_hash = SHA-256(leaf_hash || prev_hash)\",\n");
			out.write("    \"from\": " + from + ",\n");
			out.write("    \"to\": " + end.position() + ",\n");
			Map<Long, Written> exported = new HashMap<>();
			for (Written record : records) {
				exported.put(record.position(), record);
			}
			Map<Long, Checkpoint> checkpointAt = new HashMap<>();
			for (Checkpoint checkpoint : checkpoints) {
				checkpointAt.putIfAbsent(checkpoint.position(), checkpoint);
			}
			writeSegment(out, from, end, exported, checkpointAt);
			out.write("    \"checkpoints\": [");
			separator = "\n";
			for (Checkpoint checkpoint : checkpoints) {
				out.write(separator + "      {\"position\": " + checkpoint.position() + ", \"entry_hash\": \""
						+ CanonicalEncoding.hex(checkpoint.entryHash()) + "\", \"signed_at\": "
						+ Json.string(checkpoint.signedAt().toString()) + ", \"signature\": \""
						+ Base64.getEncoder().encodeToString(checkpoint.signature()) + "\", \"key_id\": "
						+ Json.string(checkpoint.keyId()) + "}");
				separator = ",\n";
			}
			out.write("\n    ]\n");
			out.write("  }\n");
			out.write("}\n");
		}

		/**
		 * Streams positions from..end from the database (one read transaction, cursor-fetched), re-checking the links
		 * as it goes, and writes each position's leaf hash — or the record reference for an exported one.
		 */
		private void writeSegment(Writer out, long from, Checkpoint end, Map<Long, Written> exported,
				Map<Long, Checkpoint> checkpointAt) {
			readTransaction.executeWithoutResult(status -> {
				long[] expected = { from };
				byte[][] prev = { null };
				streaming.query("select " + SEGMENT_COLUMNS + " from arc_entry where position between ? and ? "
						+ "order by position", (ResultSet rs) -> {
							EntryRow row = EntryRow.read(rs);
							long position = row.position();
							if (position != expected[0]) {
								throw new IllegalStateException("archive chain: position " + expected[0]
										+ " is missing; run the verifier before exporting");
							}
							byte[] leaf = CanonicalEncoding.leafHash(row, position);
							try {
								if (prev[0] == null) {
									out.write("    \"prev_hash\": \"" + CanonicalEncoding.hex(row.prevHash()) + "\",\n");
									out.write("    \"segment\": [\n");
								}
								else {
									out.write(",\n");
								}
								byte[] link = prev[0] == null ? row.entryHash() : CanonicalEncoding.link(leaf, prev[0]);
								if (!MessageDigest.isEqual(CanonicalEncoding.link(leaf, row.prevHash()), row.entryHash())
										|| !MessageDigest.isEqual(link, row.entryHash())) {
									throw new IllegalStateException("archive chain broken at position " + position
											+ "; run the verifier before exporting");
								}
								Checkpoint checkpoint = checkpointAt.get(position);
								if (checkpoint != null && !MessageDigest.isEqual(checkpoint.entryHash(), link)) {
									throw new IllegalStateException("archive chain differs from the checkpoint at "
											+ "position " + position + "; run the verifier before exporting");
								}
								Written record = exported.get(position);
								out.write("      {\"position\": " + position + (record == null ? ""
										: ", \"record\": " + Json.string(ExportFormat.recordFile(position)))
										+ ", \"leaf_hash\": \"" + CanonicalEncoding.hex(leaf) + "\"}");
							}
							catch (IOException ex) {
								throw new UncheckedIOException(ex);
							}
							prev[0] = row.entryHash();
							expected[0]++;
						}, from, end.position());
				if (expected[0] != end.position() + 1) {
					throw new IllegalStateException("archive chain: position " + expected[0]
							+ " is missing; run the verifier before exporting");
				}
			});
			try {
				out.write("\n    ],\n");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private void file(String path, byte[] bytes) throws IOException {
			zip.putNextEntry(entry(path));
			zip.write(bytes);
			zip.closeEntry();
			files.put(path, new FileHash(CanonicalEncoding.hex(CanonicalEncoding.sha256(bytes)), bytes.length));
		}

		private void file(String path, InputStream in) throws IOException {
			MessageDigest digest = sha256();
			zip.putNextEntry(entry(path));
			long bytes = in.transferTo(new DigestOutputStream(new Unclosable(zip), digest));
			zip.closeEntry();
			files.put(path, new FileHash(CanonicalEncoding.hex(digest.digest()), bytes));
		}

		private ZipEntry entry(String path) {
			ZipEntry entry = new ZipEntry(path);
			entry.setTime(createdAt.toEpochMilli());
			return entry;
		}
	}

	record FileHash(String sha256, long bytes) {
	}

	private static void field(StringBuilder json, String name, String value) {
		json.append("  \"").append(name).append("\": ").append(value).append(",\n");
	}

	private static String attachmentsJson(List<Attachment> attachments, String indent) {
		if (attachments.isEmpty()) {
			return "[]";
		}
		StringBuilder out = new StringBuilder("[");
		for (int i = 0; i < attachments.size(); i++) {
			Attachment a = attachments.get(i);
			out.append(i == 0 ? "" : ",").append(indent == null ? " " : "\n" + indent);
			out.append("{\"sha256\": \"").append(a.sha256()).append("\", \"status\": ").append(Json.string(a.status()));
			if (a.file() != null) {
				out.append(", \"file\": ").append(Json.string(a.file())).append(", \"bytes\": ").append(a.bytes());
			}
			out.append('}');
		}
		return out.append(indent == null ? "]" : "\n" + indent.substring(2) + "]").toString();
	}

	private static String hexOrNull(byte[] value) {
		return value == null ? "null" : "\"" + CanonicalEncoding.hex(value) + "\"";
	}

	/** The content as text when it is valid UTF-8 (then it round-trips to the same bytes), else null. */
	static String utf8(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Counts what reaches the caller's stream. */
	private static final class CountingStream extends FilterOutputStream {
		long count;

		CountingStream(OutputStream out) {
			super(out);
		}

		@Override
		public void write(int b) throws IOException {
			out.write(b);
			count++;
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out.write(b, off, len);
			count += len;
		}

		@Override
		public void close() throws IOException {
			flush(); // the caller owns the stream
		}
	}

	/** Lets a writer wrap the open ZIP entry without closing the ZIP when it is closed. */
	private static final class Unclosable extends FilterOutputStream {
		Unclosable(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out.write(b, off, len);
		}

		@Override
		public void close() throws IOException {
			flush();
		}
	}
}
