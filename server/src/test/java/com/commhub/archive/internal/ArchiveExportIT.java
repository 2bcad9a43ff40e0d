package com.commhub.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.commhub.Api;
import com.commhub.IntegrationTest;
import com.commhub.Personas;
import com.commhub.archive.ArchiveAttachmentSource;
import com.commhub.archive.ArchiveRecorder;
import com.commhub.archive.NewArchiveEntry;
import com.commhub.archive.RecordKind;
import com.commhub.security.Audit;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.Classification;
import com.commhub.shared.NotFoundException;
import com.commhub.verifier.CanonicalEncoding;
import com.commhub.verifier.EntryRow;
import com.commhub.verifier.ExportFormat;
import com.commhub.verifier.ExportVerificationResult;
import com.commhub.verifier.ExportVerificationResult.Problem;
import com.commhub.verifier.ExportVerifier;
import com.commhub.verifier.Pem;
import com.commhub.verifier.Verifier;

/**
 * Export packages (ARC-5) from real recorded, sealed entries, checked by the offline verifier; and the verifier
 * catching tampered packages, naming the file or position.
 */
@IntegrationTest
class ArchiveExportIT {

	@Autowired
	ArchiveRecorder recorder;
	@Autowired
	PlatformTransactionManager transactionManager;
	@Autowired
	JdbcTemplate jdbc;
	@Autowired
	DataSource dataSource;
	@Autowired
	ArchiveSealer sealer;
	@Autowired
	ArchiveKeys keys;
	@Autowired
	ArchiveContents contents;
	@Autowired
	MessageSource messages;
	@Autowired
	Audit audit;
	@Autowired
	Clock clock;
	@Autowired
	ArchiveExportWriter springWriter;
	@LocalServerPort
	int port;

	final String run = UUID.randomUUID().toString().substring(0, 8);
	final byte[] attachment = ("附件内容 " + run).getBytes(StandardCharsets.UTF_8);
	final String attachmentSha = CanonicalEncoding.hex(CanonicalEncoding.sha256(attachment));
	final String missingSha = CanonicalEncoding.hex(CanonicalEncoding.sha256(("缺失 " + run).getBytes(StandardCharsets.UTF_8)));
	final String mailSubject = "关于第三季度<script>alert('x')</script>报告的通知 " + run;
	final String mailBody = "各位同事：\n请查收第三季度报告。Quarter report " + run;
	final String secret = "机密：收购价格为 12.5 亿元 " + run;
	final String outOfScope = "不导出的摘要 " + run;

	Path directory;
	long mail;
	long skipped;
	long confidential;
	long announcement;
	ArchiveExportWriter writer;

	@BeforeEach
	void setUp() throws IOException {
		directory = Files.createDirectories(Path.of("target", "archive-exports", run));
		mail = record(new NewArchiveEntry(RecordKind.MAIL, "mail", "m-" + run,
				NewArchiveEntry.Parties.of("HT1020 王芳", "HT1040 张伟", "li.na@example.com 李娜"), Classification.INTERNAL,
				Instant.now(), mailSubject, mailBody.getBytes(StandardCharsets.UTF_8), List.of(attachmentSha, missingSha),
				List.of()));
		skipped = record(NewArchiveEntry.text(RecordKind.CHAT_MESSAGE, "chat", "c-" + run,
				NewArchiveEntry.Parties.of("HT1041 其他", "HT1040"), Classification.INTERNAL, Instant.now(), outOfScope,
				"不应离开归档 " + run));
		confidential = record(NewArchiveEntry.text(RecordKind.CHAT_MESSAGE, "chat", "s-" + run,
				NewArchiveEntry.Parties.of("HT1010 部门负责人", "HT1020 王芳"), Classification.CONFIDENTIAL, Instant.now(),
				"机密讨论 " + run, secret));
		announcement = record(NewArchiveEntry.text(RecordKind.ANNOUNCEMENT, "announcement", "a-" + run,
				NewArchiveEntry.Parties.of("HT1010 部门负责人"), Classification.PUBLIC, Instant.now(), "公告 " + run, null)
			.withRelated(List.of(new NewArchiveEntry.Related(NewArchiveEntry.Relation.REPLY_TO,
					new com.commhub.archive.ArchiveEntryId(mail)))));
		// has one attachment; fails reading the other, which must not stop the export
		ArchiveAttachmentSource files = sha256 -> {
			if (sha256.equals(missingSha)) {
				throw new IOException("disk gone");
			}
			return Optional.ofNullable(sha256.equals(attachmentSha) ? new ByteArrayInputStream(attachment) : null);
		};
		writer = new ArchiveExportWriter(jdbc, dataSource, transactionManager, sealer, keys, contents,
				new StaticListableBeanFactory(Map.of("files", files)).getBeanProvider(ArchiveAttachmentSource.class),
				messages, audit, clock);
	}

	private long record(NewArchiveEntry entry) {
		return new TransactionTemplate(transactionManager).execute(status -> recorder.record(entry)).value();
	}

	private ExportRequest request(Long... ids) {
		return new ExportRequest("调查导出 " + run, "CASE-" + run, "HT1030 审计员", "HT1030 审计员", "内部调查 " + run,
				List.of(ids));
	}

	private Path export() throws IOException {
		Path zip = directory.resolve("package.zip");
		try (OutputStream out = Files.newOutputStream(zip)) {
			ExportSummary summary = writer.write(request(confidential, mail, announcement, mail), out);
			assertThat(summary.records()).isEqualTo(3);
			assertThat(summary.bytes()).isEqualTo(Files.size(zip));
			assertThat(summary.attachmentsIncluded()).isEqualTo(1);
			assertThat(summary.attachmentsNotAvailable()).isEqualTo(1);
			assertThat(summary.segmentFrom()).isEqualTo(position(mail));
			assertThat(summary.checkpointPosition()).isGreaterThanOrEqualTo(position(announcement))
				.isEqualTo(summary.segmentTo());
		}
		return zip;
	}

	private long position(long id) {
		return jdbc.queryForObject("select position from arc_entry where id = ?", Long.class, id);
	}

	@Test
	void exportsRecordedEntriesThatTheOfflineVerifierAccepts() throws Exception {
		Path zip = export();

		ExportVerificationResult result = ExportVerifier.verify(zip, keys.publicKey());
		assertThat(result.failures()).isEmpty();
		assertThat(result.records()).isEqualTo(3);
		assertThat(result.attachmentsIncluded()).isEqualTo(1);
		assertThat(result.attachmentsNotIncluded()).isEqualTo(1);

		// the command line, with the public key the auditor got out of band
		Path pem = directory.resolve("trusted.pem");
		Files.writeString(pem, keys.publicKeyPem());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int exit = Verifier.run(new String[] { "--export", zip.toString(), "--public-key", pem.toString() },
				new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
		assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("OK export records=3");

		Map<String, byte[]> files = read(zip);
		String mailDir = ExportFormat.recordDirectory(position(mail));
		String secretDir = ExportFormat.recordDirectory(position(confidential));
		assertThat(files).containsKeys(mailDir + "record.json", mailDir + "record.html", mailDir + "message.eml",
				secretDir + "record.json", secretDir + "record.html", ExportFormat.INDEX, ExportFormat.MANIFEST,
				ExportFormat.MANIFEST_SIGNATURE, ExportFormat.PUBLIC_KEY, ExportFormat.attachmentFile(attachmentSha));
		assertThat(files).doesNotContainKeys(secretDir + "message.eml", ExportFormat.attachmentFile(missingSha));
		assertThat(files.get(ExportFormat.attachmentFile(attachmentSha))).isEqualTo(attachment);

		// confidential content is decrypted into the record
		assertThat(text(files, secretDir + "record.json")).contains(secret).contains("\"classification\": \"CONFIDENTIAL\"");
		// out-of-scope entries leave only their leaf hash: no summary, parties or content anywhere in the package
		for (Map.Entry<String, byte[]> file : files.entrySet()) {
			assertThat(new String(file.getValue(), StandardCharsets.UTF_8)).as(file.getKey())
				.doesNotContain(outOfScope)
				.doesNotContain("HT1041 其他")
				.doesNotContain("不应离开归档");
		}
		String manifest = text(files, ExportFormat.MANIFEST);
		assertThat(manifest).contains("\"position\": " + position(skipped) + ", \"leaf_hash\": \"")
			.contains("\"not_available\"")
			.contains("\"case_reference\": \"CASE-" + run + "\"");

		// HTML: UTF-8, CJK fonts, archived text escaped
		String html = text(files, mailDir + "record.html");
		assertThat(html).contains("<meta charset=\"utf-8\">", "Noto Sans CJK SC", "关于第三季度", "各位同事：",
				"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "HT1020 王芳").doesNotContain("<script>");
		String index = text(files, ExportFormat.INDEX);
		assertThat(index).contains("调查导出 " + run, "&lt;script&gt;", mailDir + "record.html", secretDir + "record.html")
			.doesNotContain("<script>");

		// .eml: ASCII only, folded encoded words that decode to the Chinese subject, Base64 UTF-8 body
		byte[] emlBytes = files.get(mailDir + "message.eml");
		String eml = new String(emlBytes, StandardCharsets.US_ASCII);
		for (byte b : emlBytes) {
			assertThat(b & 0xff).isLessThan(0x80);
		}
		String headers = eml.substring(0, eml.indexOf("\r\n\r\n"));
		for (String line : headers.split("\r\n")) {
			assertThat(line.length()).as(line).isLessThanOrEqualTo(78);
		}
		assertThat(decodeHeader(headers, "Subject")).isEqualTo(mailSubject);
		assertThat(decodeHeader(headers, "From")).isEqualTo("HT1020 王芳 <HT1020@commhub.invalid>");
		assertThat(decodeHeader(headers, "To"))
			.isEqualTo("HT1040 张伟 <HT1040@commhub.invalid>, 李娜 <li.na@example.com>");
		assertThat(headers).contains("Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: base64",
				"X-CommHub-Attachment-SHA256:\r\n " + attachmentSha);
		String body = eml.substring(eml.indexOf("\r\n\r\n") + 4).replaceAll("\\s", "");
		assertThat(new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8)).isEqualTo(mailBody);
	}

	@Test
	void tamperedPackagesFailNamingTheFileOrPosition() throws Exception {
		Path zip = export();
		String mailFile = ExportFormat.recordFile(position(mail));
		String secretFile = ExportFormat.recordFile(position(confidential));

		// one changed byte in a record's content
		Path changedContent = rewrite(zip, "content", (name, bytes) -> name.equals(mailFile)
				? replaceOnce(bytes, "Quarter report", "Quarter rePort") : bytes);
		ExportVerificationResult result = ExportVerifier.verify(changedContent, keys.publicKey());
		assertThat(result.has(Problem.FILE_CHANGED, mailFile)).as(result.summary()).isTrue();
		assertThat(result.has(Problem.CONTENT_CHANGED, mailFile)).as(result.summary()).isTrue();
		assertThat(cli(changedContent, keys.publicKeyPem())).isEqualTo(Verifier.FAILED);

		// a removed record file
		Path removed = rewrite(zip, "removed", (name, bytes) -> name.equals(secretFile) ? null : bytes);
		result = ExportVerifier.verify(removed, keys.publicKey());
		assertThat(result.has(Problem.FILE_MISSING, secretFile)).as(result.summary()).isTrue();

		// a changed summary with the manifest's file hash recomputed: the chain still catches it
		Path rehashed = rewriteConsistently(zip, mailFile, "第三季度", "第四季度");
		result = ExportVerifier.verify(rehashed, keys.publicKey());
		assertThat(result.has(Problem.RECORD_CHANGED, mailFile)).as(result.summary()).isTrue();
		assertThat(result.has(Problem.PACKAGE_SIGNATURE_INVALID, ExportFormat.MANIFEST_SIGNATURE)).isTrue();
		assertThat(result.has(Problem.FILE_CHANGED, mailFile)).isFalse();

		// an extra file, and a package without its signature
		Map<String, byte[]> extraFiles = read(zip);
		extraFiles.remove(ExportFormat.MANIFEST_SIGNATURE);
		extraFiles.put("records/evil.html", "<p>untracked</p>".getBytes(StandardCharsets.UTF_8));
		Path extra = directory.resolve("extra.zip");
		write(extra, extraFiles);
		result = ExportVerifier.verify(extra, keys.publicKey());
		assertThat(result.has(Problem.FILE_NOT_LISTED, "records/evil.html")).as(result.summary()).isTrue();
		assertThat(result.has(Problem.PACKAGE_SIGNATURE_INVALID, ExportFormat.MANIFEST_SIGNATURE)).isTrue();

		// a changed record with every hash the package itself holds recomputed: only the signed checkpoint is left
		long end = ExportVerifier.verify(zip, keys.publicKey()).segmentTo();
		Path rewritten = rewriteWithAllHashes(zip, announcement, "公告 " + run, "公告 " + run + "（已改）");
		result = ExportVerifier.verify(rewritten, keys.publicKey());
		assertThat(result.has(Problem.CHAIN_BROKEN, "position " + end)).as(result.summary()).isTrue();
		assertThat(result.failures()).extracting(ExportVerificationResult.Failure::problem)
			.containsOnly(Problem.CHAIN_BROKEN, Problem.CHECKPOINT_MISSING, Problem.PACKAGE_SIGNATURE_INVALID);

		// a changed leaf hash of an entry that is not exported
		long skippedPosition = position(skipped);
		Path leafChanged = rewrite(zip, "leaf", (name, bytes) -> name.equals(ExportFormat.MANIFEST)
				? changeLeafHash(bytes, skippedPosition) : bytes);
		result = ExportVerifier.verify(leafChanged, keys.publicKey());
		assertThat(result.has(Problem.CHAIN_BROKEN, "position " + position(confidential))).as(result.summary())
			.isTrue();
		assertThat(result.has(Problem.PACKAGE_SIGNATURE_INVALID, ExportFormat.MANIFEST_SIGNATURE)).isTrue();

		// a replaced checkpoint signature
		Path forged = rewrite(zip, "signature", (name, bytes) -> name.equals(ExportFormat.MANIFEST)
				? replaceSignatures(bytes) : bytes);
		result = ExportVerifier.verify(forged, keys.publicKey());
		assertThat(result.has(Problem.CHECKPOINT_SIGNATURE_INVALID, "position " + end)).as(result.summary()).isTrue();
		assertThat(result.has(Problem.CHECKPOINT_MISSING, "position " + end)).isTrue();

		// another public key than the archive's
		String otherKey = Pem.encode(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic());
		result = ExportVerifier.verify(zip, Pem.decode(otherKey));
		assertThat(result.has(Problem.CHECKPOINT_SIGNATURE_INVALID, "position " + end)).as(result.summary()).isTrue();
		assertThat(result.has(Problem.PACKAGE_SIGNATURE_INVALID, ExportFormat.MANIFEST_SIGNATURE)).isTrue();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(cli(zip, otherKey, out)).isEqualTo(Verifier.FAILED);
		assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("FAILED export")
			.contains("position " + end + ": CHECKPOINT_SIGNATURE_INVALID");

		// an unreadable key is a usage error, not a verdict
		Path garbage = directory.resolve("garbage.pem");
		Files.writeString(garbage, "not a key");
		assertThat(Verifier.run(new String[] { "--export", zip.toString(), "--public-key", garbage.toString() },
				new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream())))
			.isEqualTo(Verifier.ERROR);
	}

	@Test
	void disposedContentIsExportedAsItsHashOnly() throws Exception {
		// expired (chat: 3 years) and with parties no legal hold of another test names
		long disposed = record(NewArchiveEntry.text(RecordKind.CHAT_MESSAGE, "chat", "d-" + run,
				NewArchiveEntry.Parties.of("X" + run + " 过期", "Y" + run), Classification.INTERNAL,
				Instant.now().minus(Duration.ofDays(365L * 4)), "过期消息 " + run, "已过保留期限的内容 " + run));
		sealer.sealNow(true);
		new Api(port).post(Personas.COMMUNICATION_OFFICER, "/api/v1/archive/disposals")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("reason", "export test " + run))
			.retrieve()
			.toBodilessEntity();
		assertThat(jdbc.queryForObject("select content is null from arc_entry where id = ?", Boolean.class, disposed))
			.isTrue();

		Path zip = directory.resolve("disposed.zip");
		try (OutputStream out = Files.newOutputStream(zip)) {
			writer.write(request(disposed, mail), out);
		}
		ExportVerificationResult result = ExportVerifier.verify(zip, keys.publicKey());
		assertThat(result.failures()).isEmpty();
		assertThat(result.contentNotIncluded()).isEqualTo(1);
		Map<String, byte[]> files = read(zip);
		String directory = ExportFormat.recordDirectory(position(disposed));
		assertThat(text(files, directory + "record.json")).contains("\"content_status\": \"not_available\"")
			.contains("\"content\": null")
			.doesNotContain("已过保留期限的内容");
		assertThat(text(files, directory + "record.html"))
			.contains(ExportHtml.escape(messages.getMessage("archive.export.content.not_available", null,
					Locale.SIMPLIFIED_CHINESE)));
	}

	@Test
	void refusesUnknownAndUncommittedEntries() {
		assertThatThrownBy(() -> springWriter.write(request(Long.MAX_VALUE), OutputStream.nullOutputStream()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
			long uncommitted = recorder.record(NewArchiveEntry.text(RecordKind.CHAT_MESSAGE, "chat", "u-" + run,
					NewArchiveEntry.Parties.NONE, Classification.INTERNAL, Instant.now(), "未提交 " + run, null)).value();
			try {
				springWriter.write(request(mail, uncommitted), OutputStream.nullOutputStream());
			}
			finally {
				status.setRollbackOnly();
			}
		})).isInstanceOfSatisfying(BusinessRuleException.class,
				ex -> assertThat(ex.messageCode()).isEqualTo("archive.export.error.unsealed"));
		assertThatThrownBy(() -> request()).isInstanceOf(BusinessRuleException.class);
	}

	private int cli(Path zip, String pem) throws IOException {
		return cli(zip, pem, new ByteArrayOutputStream());
	}

	private int cli(Path zip, String pem, ByteArrayOutputStream out) throws IOException {
		Path keyFile = Files.createTempFile(directory, "key-", ".pem");
		Files.writeString(keyFile, pem);
		return Verifier.run(new String[] { "--export", zip.toString(), "--public-key", keyFile.toString() },
				new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
	}

	private static Map<String, byte[]> read(Path zip) throws IOException {
		Map<String, byte[]> files = new LinkedHashMap<>();
		try (ZipFile file = new ZipFile(zip.toFile())) {
			for (ZipEntry entry : java.util.Collections.list(file.entries())) {
				try (InputStream in = file.getInputStream(entry)) {
					files.put(entry.getName(), in.readAllBytes());
				}
			}
		}
		return files;
	}

	private static String text(Map<String, byte[]> files, String name) {
		return new String(files.get(name), StandardCharsets.UTF_8);
	}

	private static void write(Path zip, Map<String, byte[]> files) throws IOException {
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
			for (Map.Entry<String, byte[]> file : files.entrySet()) {
				out.putNextEntry(new ZipEntry(file.getKey()));
				out.write(file.getValue());
				out.closeEntry();
			}
		}
	}

	/** A copy of the package with each file passed through {@code change} (null drops the file). */
	private Path rewrite(Path zip, String name, BiFunction<String, byte[], byte[]> change) throws IOException {
		Map<String, byte[]> files = new LinkedHashMap<>();
		for (Map.Entry<String, byte[]> file : read(zip).entrySet()) {
			byte[] bytes = change.apply(file.getKey(), file.getValue());
			if (bytes != null) {
				files.put(file.getKey(), bytes);
			}
		}
		Path copy = directory.resolve(name + ".zip");
		write(copy, files);
		return copy;
	}

	/** Changes a record file and fixes its SHA-256 in the manifest, as an attacker without the key would. */
	private Path rewriteConsistently(Path zip, String file, String from, String to) throws IOException {
		Map<String, byte[]> files = read(zip);
		byte[] original = files.get(file);
		byte[] changed = replaceOnce(original, from, to);
		String oldHash = CanonicalEncoding.hex(CanonicalEncoding.sha256(original));
		String newHash = CanonicalEncoding.hex(CanonicalEncoding.sha256(changed));
		return rewrite(zip, "rehashed", (name, bytes) -> name.equals(file) ? changed
				: name.equals(ExportFormat.MANIFEST) ? replaceOnce(bytes, "\"sha256\": \"" + oldHash + "\", \"bytes\": "
						+ original.length, "\"sha256\": \"" + newHash + "\", \"bytes\": " + changed.length) : bytes);
	}

	/**
	 * Changes an exported record's summary and replaces its leaf and entry hash wherever the package holds them, and
	 * the record file's SHA-256: everything an attacker without the signing key can do.
	 */
	private Path rewriteWithAllHashes(Path zip, long id, String from, String to) throws IOException {
		EntryRow row = jdbc.queryForObject("select " + EntryRow.COLUMNS + " from arc_entry where id = ?",
				(rs, n) -> EntryRow.read(rs), id);
		EntryRow changed = new EntryRow(row.id(), row.position(), row.kind(), row.subjectType(), row.subjectId(),
				row.parties(), row.classification(), row.occurredAt(), row.summary().replace(from, to), row.content(),
				row.contentKeyId(), row.contentSha256(), row.attachmentHashes(), row.related(), row.prevHash(),
				row.entryHash());
		String oldLeaf = CanonicalEncoding.hex(CanonicalEncoding.leafHash(row, row.position()));
		String newLeaf = CanonicalEncoding.hex(CanonicalEncoding.leafHash(changed, row.position()));
		String oldEntry = CanonicalEncoding.hex(row.entryHash());
		String newEntry = CanonicalEncoding.hex(CanonicalEncoding.entryHash(changed, row.position(), row.prevHash()));
		String file = ExportFormat.recordFile(row.position());
		byte[] original = read(zip).get(file);
		byte[] record = replaceAll(replaceOnce(original, from, to), Map.of(oldLeaf, newLeaf, oldEntry, newEntry));
		// in the manifest: the leaf hashes and the record list's entry hash, not the signed checkpoint's
		Map<String, String> replacements = new LinkedHashMap<>();
		replacements.put(oldLeaf, newLeaf);
		replacements.put(oldEntry + "\", \"attachments\"", newEntry + "\", \"attachments\"");
		replacements.put("\"sha256\": \"" + CanonicalEncoding.hex(CanonicalEncoding.sha256(original)) + "\", \"bytes\": "
				+ original.length, "\"sha256\": \"" + CanonicalEncoding.hex(CanonicalEncoding.sha256(record))
						+ "\", \"bytes\": " + record.length);
		return rewrite(zip, "all-hashes", (name, bytes) -> name.equals(file) ? record
				: name.equals(ExportFormat.MANIFEST) ? replaceAll(bytes, replacements) : bytes);
	}

	private static byte[] replaceAll(byte[] bytes, Map<String, String> replacements) {
		String text = new String(bytes, StandardCharsets.UTF_8);
		for (Map.Entry<String, String> replacement : replacements.entrySet()) {
			if (text.contains(replacement.getKey())) {
				text = text.replace(replacement.getKey(), replacement.getValue());
			}
		}
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] replaceOnce(byte[] bytes, String from, String to) {
		String text = new String(bytes, StandardCharsets.UTF_8);
		assertThat(text).contains(from);
		return text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)).getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] changeLeafHash(byte[] manifest, long position) {
		String text = new String(manifest, StandardCharsets.UTF_8);
		Matcher leaf = Pattern.compile("\\{\"position\": " + position + ", \"leaf_hash\": \"([0-9a-f])").matcher(text);
		assertThat(leaf.find()).isTrue();
		char flipped = leaf.group(1).equals("0") ? '1' : '0';
		return (text.substring(0, leaf.start(1)) + flipped + text.substring(leaf.end(1))).getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] replaceSignatures(byte[] manifest) {
		byte[] random = new byte[64];
		new java.security.SecureRandom().nextBytes(random);
		return new String(manifest, StandardCharsets.UTF_8)
			.replaceAll("\"signature\": \"[^\"]+\"", "\"signature\": \"" + Base64.getEncoder().encodeToString(random) + "\"")
			.getBytes(StandardCharsets.UTF_8);
	}

	/** The header's value with folding removed and RFC 2047 words decoded (each word holds whole characters). */
	private static String decodeHeader(String headers, String name) {
		Matcher header = Pattern.compile("(?m)^" + name + ": (.*(?:\r\n .*)*)").matcher(headers);
		assertThat(header.find()).as(name).isTrue();
		String value = header.group(1).replace("\r\n ", " ");
		Matcher word = Pattern.compile("=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]*)\\?=(?: (?==\\?))?").matcher(value);
		StringBuilder out = new StringBuilder();
		while (word.find()) {
			word.appendReplacement(out, Matcher.quoteReplacement(
					new String(Base64.getDecoder().decode(word.group(1)), StandardCharsets.UTF_8)));
		}
		word.appendTail(out);
		return out.toString().replace(",  ", ", ");
	}
}
