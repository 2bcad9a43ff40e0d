package com.commhub.verifier;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The layout of an export package (eDiscovery, ARC-5): the names and format ids that the server's writer and the
 * offline {@link ExportVerifier} share, and the message the server signs over the manifest.
 *
 * <pre>
 *   records/&lt;position&gt;/record.json   the entry's hashed fields exactly as stored, its content, hashes
 *   records/&lt;position&gt;/record.html   a readable rendering
 *   records/&lt;position&gt;/message.eml   RFC 5322 rendering (MAIL and EXTERNAL_MAIL only)
 *   attachments/&lt;sha256&gt;             attachment bytes, when the attachment source provides them
 *   index.html                        list of the records
 *   archive-public.pem                the archive's public key (informational only)
 *   manifest.json                     package metadata, every file's SHA-256, the chain proof
 *   manifest.sig                      Base64 Ed25519 signature over {@link #manifestSignatureMessage}
 * </pre>
 */
public final class ExportFormat {

	public static final String FORMAT = "commhub.archive.export.v1";
	public static final String RECORD_FORMAT = "commhub.archive.export.record.v1";
	public static final String MANIFEST = "manifest.json";
	public static final String MANIFEST_SIGNATURE = "manifest.sig";
	public static final String PUBLIC_KEY = "archive-public.pem";
	public static final String INDEX = "index.html";
	public static final String ATTACHMENTS = "attachments/";

	/** {@code content_status}: the plain content is in the record file. */
	public static final String CONTENT_INCLUDED = "included";
	/** {@code content_status}: the entry never had content ({@code content_sha256} is null). */
	public static final String CONTENT_NONE = "none";
	/** {@code content_status}: the entry had content that is no longer stored (disposed); only its hash remains. */
	public static final String CONTENT_NOT_AVAILABLE = "not_available";

	/** Attachment {@code status}: the bytes are in the package and match the archived hash. */
	public static final String ATTACHMENT_INCLUDED = "included";
	/** Attachment {@code status}: no attachment source could provide the bytes. */
	public static final String ATTACHMENT_NOT_AVAILABLE = "not_available";
	/** Attachment {@code status}: the source's bytes did not match the archived hash, so they were left out. */
	public static final String ATTACHMENT_MISMATCH = "source_mismatch";

	private static final byte[] SIGNATURE_DOMAIN = (FORMAT + ".manifest\n").getBytes(StandardCharsets.US_ASCII);

	private ExportFormat() {
	}

	public static String recordDirectory(long position) {
		return "records/" + position + "/";
	}

	public static String recordFile(long position) {
		return recordDirectory(position) + "record.json";
	}

	public static String attachmentFile(String sha256) {
		return ATTACHMENTS + sha256;
	}

	/**
	 * What the server signs with the archive key to vouch for the whole package: a fixed prefix (it can never be read
	 * as a checkpoint encoding, which starts with a length) followed by the manifest's raw SHA-256.
	 */
	public static byte[] manifestSignatureMessage(byte[] manifestSha256) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(SIGNATURE_DOMAIN.length + manifestSha256.length);
		out.writeBytes(SIGNATURE_DOMAIN);
		out.writeBytes(manifestSha256);
		return out.toByteArray();
	}
}
