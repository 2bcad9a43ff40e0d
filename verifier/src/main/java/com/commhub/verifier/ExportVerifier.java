package com.commhub.verifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import com.commhub.verifier.ExportVerificationResult.Failure;
import com.commhub.verifier.ExportVerificationResult.Problem;

/**
 * Verifies an export package ({@link ExportFormat}) offline, with nothing but the package and the archive's public
 * key — the one the auditor obtained out of band, never the copy inside the package:
 * <ol>
 * <li>{@code manifest.sig} is the key's signature over the manifest's SHA-256 (the server vouches for the package);
 * <li>every file's SHA-256 and size match the manifest, and the package holds no unlisted file;
 * <li>each record's hashed fields (exactly as stored) hash to the leaf hash it was exported with, its content matches
 * its {@code content_sha256}, and its included attachments match their archived hashes;
 * <li>the segment links from {@code prev_hash} through every position (records' recomputed leaf hashes, the other
 * positions' listed leaf hashes) to the entry hash of each checkpoint, whose Ed25519 signatures are checked; the
 * segment must end at a signed checkpoint.
 * </ol>
 * Step 4 does not depend on the server's word about the package: it proves the records are those sealed in the
 * archive at their positions, unchanged since the checkpoint was signed.
 */
public final class ExportVerifier {

	private static final int MAX_FAILURES = 200;

	private ExportVerifier() {
	}

	/** {@code --export package.zip --public-key key.pem}: prints the summary; exit code 0 OK, 1 failed, 2 error. */
	public static int run(String packageFile, String keyFile, PrintStream out, PrintStream err) {
		PublicKey key;
		try {
			key = Pem.decode(Files.readString(Path.of(keyFile), StandardCharsets.US_ASCII));
		}
		catch (IOException | GeneralSecurityException | IllegalArgumentException ex) {
			err.println("cannot read the public key " + keyFile + ": " + ex.getMessage());
			return Verifier.ERROR;
		}
		try {
			ExportVerificationResult result = verify(Path.of(packageFile), key);
			out.println(result.summary());
			return result.valid() ? Verifier.OK : Verifier.FAILED;
		}
		catch (ZipException ex) {
			out.println("FAILED export: " + packageFile + " is not a readable ZIP file: " + ex.getMessage());
			return Verifier.FAILED;
		}
		catch (IOException ex) {
			err.println("cannot read " + packageFile + ": " + ex.getMessage());
			return Verifier.ERROR;
		}
	}

	public static ExportVerificationResult verify(Path packageFile, PublicKey key) throws IOException {
		try (ZipFile zip = new ZipFile(packageFile.toFile(), StandardCharsets.UTF_8)) {
			Check check = new Check(zip, key);
			check.run();
			return check.result();
		}
	}

	/** A manifest or record lacks a field or has one of the wrong type. */
	private static final class Malformed extends IllegalArgumentException {
		Malformed(String message) {
			super(message);
		}
	}

	private record RecordCheck(String file, long position, byte[] leaf, byte[] entryHash) {
	}

	private record Checkpoint(long position, byte[] entryHash, Instant signedAt, byte[] signature) {
	}

	private static final class Check {
		private final ZipFile zip;
		private final PublicKey key;
		private final Map<String, ZipEntry> entries = new LinkedHashMap<>();
		private final Map<String, String> fileHashes = new HashMap<>();
		private final List<Failure> failures = new ArrayList<>();
		private final Set<String> reported = new HashSet<>();
		private final Map<Long, RecordCheck> records = new TreeMap<>();
		private final Set<String> attachmentsIncluded = new HashSet<>();
		private final Set<String> attachmentsNotIncluded = new HashSet<>();
		private long files;
		private long contentNotIncluded;
		private long checkpointsChecked;
		private long from;
		private long to;

		Check(ZipFile zip, PublicKey key) {
			this.zip = zip;
			this.key = key;
		}

		ExportVerificationResult result() {
			return new ExportVerificationResult(records.size(), files, from, to, checkpointsChecked,
					attachmentsIncluded.size(), attachmentsNotIncluded.size(), contentNotIncluded, failures);
		}

		void run() throws IOException {
			for (ZipEntry entry : Collections.list(zip.entries())) {
				if (entry.isDirectory()) {
					continue;
				}
				if (entries.putIfAbsent(entry.getName(), entry) != null) {
					fail(entry.getName(), Problem.FILE_NOT_LISTED, "the ZIP holds this name more than once");
				}
			}
			byte[] manifestBytes = read(ExportFormat.MANIFEST);
			if (manifestBytes == null) {
				fail(ExportFormat.MANIFEST, Problem.MANIFEST_INVALID, "the package has no manifest");
				return;
			}
			checkPackageSignature(manifestBytes);
			Map<String, Object> manifest;
			try {
				manifest = object(JsonReader.parse(new String(manifestBytes, StandardCharsets.UTF_8)), "manifest");
				if (!ExportFormat.FORMAT.equals(manifest.get("format"))) {
					throw new Malformed("format is not " + ExportFormat.FORMAT);
				}
			}
			catch (IllegalArgumentException ex) {
				fail(ExportFormat.MANIFEST, Problem.MANIFEST_INVALID, ex.getMessage());
				return;
			}
			try {
				checkFiles(manifest);
				checkRecords(manifest);
				checkChain(object(manifest.get("chain"), "chain"));
			}
			catch (IllegalArgumentException | DateTimeParseException ex) {
				fail(ExportFormat.MANIFEST, Problem.MANIFEST_INVALID, ex.getMessage());
			}
		}

		private void checkPackageSignature(byte[] manifestBytes) throws IOException {
			byte[] signature = read(ExportFormat.MANIFEST_SIGNATURE);
			if (signature == null) {
				fail(ExportFormat.MANIFEST_SIGNATURE, Problem.PACKAGE_SIGNATURE_INVALID, "the package is not signed");
				return;
			}
			boolean valid;
			try {
				valid = signatureValid(ExportFormat.manifestSignatureMessage(CanonicalEncoding.sha256(manifestBytes)),
						Base64.getDecoder().decode(new String(signature, StandardCharsets.US_ASCII).strip()));
			}
			catch (IllegalArgumentException ex) {
				valid = false;
			}
			if (!valid) {
				fail(ExportFormat.MANIFEST_SIGNATURE, Problem.PACKAGE_SIGNATURE_INVALID,
						"not the given public key's signature over manifest.json (the manifest was changed after "
								+ "the archive signed it, or it was signed with another key)");
			}
		}

		private void checkFiles(Map<String, Object> manifest) throws IOException {
			Set<String> listed = new HashSet<>();
			for (Object item : list(manifest.get("files"), "files")) {
				Map<String, Object> file = object(item, "files[]");
				String path = string(file, "path");
				String sha256 = string(file, "sha256");
				long bytes = number(file, "bytes");
				if (!listed.add(path)) {
					throw new Malformed("files lists " + path + " twice");
				}
				ZipEntry entry = entries.get(path);
				if (entry == null) {
					fail(path, Problem.FILE_MISSING, "listed in the manifest but not in the package");
					continue;
				}
				long[] size = new long[1];
				String actual = hash(entry, size);
				if (!actual.equals(sha256)) {
					fail(path, Problem.FILE_CHANGED, "its SHA-256 is " + actual + ", the manifest says " + sha256);
				}
				else if (size[0] != bytes) {
					fail(path, Problem.FILE_CHANGED, "it has " + size[0] + " bytes, the manifest says " + bytes);
				}
				files++;
			}
			for (String name : entries.keySet()) {
				if (!listed.contains(name) && !name.equals(ExportFormat.MANIFEST)
						&& !name.equals(ExportFormat.MANIFEST_SIGNATURE)) {
					fail(name, Problem.FILE_NOT_LISTED, "the package holds a file the manifest does not list");
				}
			}
		}

		private void checkRecords(Map<String, Object> manifest) throws IOException {
			for (Object item : list(manifest.get("records"), "records")) {
				Map<String, Object> listed = object(item, "records[]");
				String file = string(listed, "file");
				long position = number(listed, "position");
				long id = number(listed, "id");
				byte[] bytes = read(file);
				if (bytes == null) {
					fail(file, Problem.FILE_MISSING, "the record at position " + position + " is not in the package");
					records.put(position, new RecordCheck(file, position, null, null));
					continue;
				}
				try {
					records.put(position, checkRecord(file, position, id,
							object(JsonReader.parse(new String(bytes, StandardCharsets.UTF_8)), file)));
				}
				catch (IllegalArgumentException | DateTimeParseException ex) {
					fail(file, Problem.RECORD_INVALID, ex.getMessage());
					records.put(position, new RecordCheck(file, position, null, null));
				}
			}
		}

		private RecordCheck checkRecord(String file, long position, long id, Map<String, Object> record)
				throws IOException {
			if (!ExportFormat.RECORD_FORMAT.equals(record.get("format"))) {
				throw new Malformed("format is not " + ExportFormat.RECORD_FORMAT);
			}
			if (number(record, "position") != position || number(record, "id") != id) {
				fail(file, Problem.RECORD_INVALID, "the record says entry " + record.get("id") + " at position "
						+ record.get("position") + ", the manifest entry " + id + " at position " + position);
			}
			byte[] contentSha256 = optionalHex(record, "content_sha256");
			EntryRow row = new EntryRow(number(record, "id"), position, string(record, "kind"),
					string(record, "subject_type"), string(record, "subject_id"), string(record, "parties"),
					string(record, "classification"), Instant.parse(string(record, "occurred_at")),
					string(record, "summary"), null, null, contentSha256, string(record, "attachment_hashes"),
					string(record, "related"), null, null);
			byte[] leaf = CanonicalEncoding.leafHash(row, position);
			byte[] exportedLeaf = optionalHex(record, "leaf_hash");
			if (exportedLeaf != null && !MessageDigest.isEqual(leaf, exportedLeaf)) {
				fail(file, Problem.RECORD_CHANGED, "its hashed fields hash to " + CanonicalEncoding.hex(leaf)
						+ ", not to the leaf hash " + CanonicalEncoding.hex(exportedLeaf) + " it was exported with");
			}
			checkContent(file, record, contentSha256);
			checkAttachments(file, record, row.attachmentHashes());
			return new RecordCheck(file, position, leaf, optionalHex(record, "entry_hash"));
		}

		private void checkContent(String file, Map<String, Object> record, byte[] contentSha256) {
			Object content = record.get("content");
			if (content == null) {
				if (contentSha256 != null) {
					contentNotIncluded++;
				}
				return;
			}
			if (!(content instanceof String text)) {
				throw new Malformed("content is not a string");
			}
			byte[] bytes = "base64".equals(record.get("content_encoding")) ? Base64.getDecoder().decode(text)
					: text.getBytes(StandardCharsets.UTF_8);
			if (contentSha256 == null) {
				fail(file, Problem.CONTENT_CHANGED, "it has content but the archived entry has none");
			}
			else if (!MessageDigest.isEqual(CanonicalEncoding.sha256(bytes), contentSha256)) {
				fail(file, Problem.CONTENT_CHANGED, "the content's SHA-256 is "
						+ CanonicalEncoding.hex(CanonicalEncoding.sha256(bytes)) + ", not the archived content_sha256 "
						+ CanonicalEncoding.hex(contentSha256));
			}
		}

		private void checkAttachments(String file, Map<String, Object> record, String hashedList) throws IOException {
			List<Object> hashed = list(JsonReader.parse(hashedList), "attachment_hashes");
			List<Object> listed = list(record.get("attachments"), "attachments");
			List<Object> listedHashes = new ArrayList<>();
			for (Object item : listed) {
				listedHashes.add(object(item, "attachments[]").get("sha256"));
			}
			if (!listedHashes.equals(hashed)) {
				fail(file, Problem.ATTACHMENT_CHANGED, "it lists attachments " + listedHashes
						+ " but its hashed attachment_hashes are " + hashed);
			}
			for (Object item : listed) {
				Map<String, Object> attachment = object(item, "attachments[]");
				String sha256 = string(attachment, "sha256");
				if (!ExportFormat.ATTACHMENT_INCLUDED.equals(attachment.get("status"))) {
					attachmentsNotIncluded.add(sha256);
					continue;
				}
				String path = string(attachment, "file");
				ZipEntry entry = entries.get(path);
				if (entry == null) {
					fail(path, Problem.FILE_MISSING, "attachment " + sha256 + " of " + file + " is not in the package");
					continue;
				}
				String actual = fileHashes.containsKey(path) ? fileHashes.get(path) : hash(entry, new long[1]);
				if (!actual.equals(sha256)) {
					fail(path, Problem.ATTACHMENT_CHANGED, "its SHA-256 is " + actual + ", the archived attachment hash "
							+ "of " + file + " is " + sha256);
				}
				else {
					attachmentsIncluded.add(sha256);
				}
			}
		}

		private void checkChain(Map<String, Object> chain) {
			from = number(chain, "from");
			to = number(chain, "to");
			byte[] prev = hex(chain, "prev_hash");
			Map<Long, List<Checkpoint>> checkpoints = new HashMap<>();
			for (Object item : list(chain.get("checkpoints"), "checkpoints")) {
				Map<String, Object> map = object(item, "checkpoints[]");
				Checkpoint checkpoint = new Checkpoint(number(map, "position"), hex(map, "entry_hash"),
						Instant.parse(string(map, "signed_at")), base64(map, "signature"));
				checkpoints.computeIfAbsent(checkpoint.position(), p -> new ArrayList<>()).add(checkpoint);
			}
			long expected = from;
			long linkedUpTo = from - 1;
			long signedUpTo = from - 1;
			boolean signedEnd = false;
			Set<Long> referenced = new HashSet<>();
			for (Object item : list(chain.get("segment"), "segment")) {
				Map<String, Object> link = object(item, "segment[]");
				long position = number(link, "position");
				String where = "position " + position;
				if (position != expected) {
					fail(where, Problem.CHAIN_BROKEN, "the segment skips or repeats positions: expected " + expected);
					return;
				}
				byte[] listedLeaf = optionalHex(link, "leaf_hash");
				RecordCheck record = records.get(position);
				byte[] leaf = listedLeaf;
				boolean recordChanged = false;
				if (link.get("record") != null) {
					String file = string(link, "record");
					if (record == null || !record.file().equals(file)) {
						fail(where, Problem.RECORD_INVALID, "the segment refers to " + file
								+ " but the manifest lists no such record at this position");
					}
					else {
						referenced.add(position);
						if (record.leaf() != null) {
							leaf = record.leaf();
							if (listedLeaf != null && !MessageDigest.isEqual(listedLeaf, record.leaf())) {
								recordChanged = true;
								fail(file, Problem.RECORD_CHANGED, "its hashed fields hash to "
										+ CanonicalEncoding.hex(record.leaf()) + ", the chain proof has "
										+ CanonicalEncoding.hex(listedLeaf) + " at " + where);
							}
						}
					}
				}
				else if (record != null) {
					fail(where, Problem.RECORD_INVALID, record.file() + " is exported at this position but the segment "
							+ "does not refer to it");
				}
				if (leaf == null) {
					fail(where, Problem.CHAIN_BROKEN, "no leaf hash for this position; the chain cannot be followed");
					return;
				}
				byte[] hash = CanonicalEncoding.link(leaf, prev);
				if (record != null && record.entryHash() != null && record.leaf() != null) {
					if (MessageDigest.isEqual(hash, record.entryHash())) {
						linkedUpTo = position;
					}
					else {
						if (!recordChanged) {
							fail(where, Problem.CHAIN_BROKEN, "following the segment from prev_hash gives "
									+ CanonicalEncoding.hex(hash) + " here, but " + record.file() + " was sealed with "
									+ CanonicalEncoding.hex(record.entryHash()) + ": this record's hashed fields or "
									+ (linkedUpTo + 1 == position ? "the prev_hash before it"
											: "a leaf hash between positions " + (linkedUpTo + 1) + " and "
													+ (position - 1) + " (or the prev_hash before them)")
									+ " were changed");
						}
						// go on from the record's own entry hash, so that later breaks are located on their own
						// (the package has failed already)
						hash = record.entryHash();
						linkedUpTo = position;
					}
				}
				for (Checkpoint checkpoint : checkpoints.getOrDefault(position, List.of())) {
					checkpointsChecked++;
					boolean signed = signatureValid(CanonicalEncoding.checkpoint(checkpoint.position(),
							checkpoint.entryHash(), checkpoint.signedAt()), checkpoint.signature());
					if (!signed) {
						fail(where, Problem.CHECKPOINT_SIGNATURE_INVALID,
								"the checkpoint is not signed by the given public key");
					}
					if (!MessageDigest.isEqual(checkpoint.entryHash(), hash)) {
						fail(where, Problem.CHAIN_BROKEN, "following the segment from prev_hash gives "
								+ CanonicalEncoding.hex(hash) + " here, but the checkpoint signs "
								+ CanonicalEncoding.hex(checkpoint.entryHash()) + ": a record or leaf hash between "
								+ "positions " + (signedUpTo + 1) + " and " + position + " was changed");
					}
					else if (signed) {
						signedUpTo = position;
						signedEnd |= position == to;
					}
				}
				prev = hash;
				expected++;
			}
			if (expected - 1 != to) {
				fail("position " + expected, Problem.CHAIN_BROKEN, "the segment ends at position " + (expected - 1)
						+ " but the manifest says it runs to " + to);
			}
			if (!signedEnd) {
				fail("position " + to, Problem.CHECKPOINT_MISSING,
						"the segment does not end at a checkpoint that is signed by the given key and matches the chain");
			}
			for (RecordCheck record : records.values()) {
				if (!referenced.contains(record.position())) {
					fail(record.file(), Problem.RECORD_INVALID, "position " + record.position()
							+ " is not proven by the segment " + from + ".." + to);
				}
			}
		}

		private boolean signatureValid(byte[] message, byte[] signature) {
			try {
				Signature verifier = Signature.getInstance("Ed25519");
				verifier.initVerify(key);
				verifier.update(message);
				return signature != null && verifier.verify(signature);
			}
			catch (GeneralSecurityException ex) {
				return false;
			}
		}

		private byte[] read(String path) throws IOException {
			ZipEntry entry = entries.get(path);
			if (entry == null) {
				return null;
			}
			try (InputStream in = zip.getInputStream(entry)) {
				return in.readAllBytes();
			}
		}

		private String hash(ZipEntry entry, long[] size) throws IOException {
			MessageDigest digest;
			try {
				digest = MessageDigest.getInstance("SHA-256");
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
			byte[] buffer = new byte[65536];
			try (InputStream in = zip.getInputStream(entry)) {
				for (int n; (n = in.read(buffer)) > 0;) {
					digest.update(buffer, 0, n);
					size[0] += n;
				}
			}
			String hex = CanonicalEncoding.hex(digest.digest());
			fileHashes.put(entry.getName(), hex);
			return hex;
		}

		private void fail(String where, Problem problem, String detail) {
			if (failures.size() < MAX_FAILURES && reported.add(where + "\u0000" + problem)) {
				failures.add(new Failure(where, problem, detail));
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> object(Object value, String what) {
		if (value instanceof Map<?, ?> map) {
			return (Map<String, Object>) map;
		}
		throw new Malformed(what + " is not a JSON object");
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object value, String what) {
		if (value instanceof List<?> list) {
			return (List<Object>) list;
		}
		throw new Malformed(what + " is not a JSON array");
	}

	private static String string(Map<String, Object> map, String name) {
		if (map.get(name) instanceof String value) {
			return value;
		}
		throw new Malformed("\"" + name + "\" is missing or not a string");
	}

	private static long number(Map<String, Object> map, String name) {
		if (map.get(name) instanceof Long value) {
			return value;
		}
		throw new Malformed("\"" + name + "\" is missing or not an integer");
	}

	private static byte[] hex(Map<String, Object> map, String name) {
		try {
			return HexFormat.of().parseHex(string(map, name));
		}
		catch (IllegalArgumentException ex) {
			throw new Malformed("\"" + name + "\" is not hex");
		}
	}

	private static byte[] optionalHex(Map<String, Object> map, String name) {
		return map.get(name) == null ? null : hex(map, name);
	}

	private static byte[] base64(Map<String, Object> map, String name) {
		try {
			return Base64.getDecoder().decode(string(map, name));
		}
		catch (IllegalArgumentException ex) {
			throw new Malformed("\"" + name + "\" is not Base64");
		}
	}
}
