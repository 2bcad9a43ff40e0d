package com.commhub.verifier;

import java.util.List;

/**
 * What {@link ExportVerifier} found in an export package. Valid only when {@link #failures()} is empty; otherwise
 * every failure names the file or chain position and why.
 *
 * @param records exported records checked against the chain
 * @param files files checked against the manifest
 * @param segmentFrom first position of the chain proof
 * @param segmentTo last position of the chain proof (a signed checkpoint)
 * @param checkpoints checkpoints whose signatures were checked
 * @param attachmentsIncluded attachments present and matching their archived hash
 * @param attachmentsNotIncluded attachments listed by hash only
 * @param contentNotIncluded records whose content is no longer in the archive (only its hash is proven)
 */
public record ExportVerificationResult(long records, long files, long segmentFrom, long segmentTo, long checkpoints,
		long attachmentsIncluded, long attachmentsNotIncluded, long contentNotIncluded, List<Failure> failures) {

	/** Why a package failed. */
	public enum Problem {
		/** manifest.json is missing, not JSON, or lacks a required field. */
		MANIFEST_INVALID,
		/** manifest.sig is missing or not the archive key's signature over the manifest (the manifest was changed). */
		PACKAGE_SIGNATURE_INVALID,
		/** A file listed in the manifest is not in the package. */
		FILE_MISSING,
		/** A file's SHA-256 or size differs from the manifest. */
		FILE_CHANGED,
		/** The package holds a file the manifest does not list. */
		FILE_NOT_LISTED,
		/** A record file is not valid or disagrees with the manifest about what it is. */
		RECORD_INVALID,
		/** A record's hashed fields do not hash to the leaf hash in the chain proof. */
		RECORD_CHANGED,
		/** A record's content does not match its (hashed) content_sha256. */
		CONTENT_CHANGED,
		/** An included attachment does not match its archived hash, or the list differs from the hashed one. */
		ATTACHMENT_CHANGED,
		/** The segment is not consecutive, or its links do not reach a record's or checkpoint's entry hash. */
		CHAIN_BROKEN,
		/** A checkpoint is not signed by the given public key. */
		CHECKPOINT_SIGNATURE_INVALID,
		/** The segment does not end at a signed checkpoint. */
		CHECKPOINT_MISSING
	}

	/** @param where a file path in the package, or "position N" */
	public record Failure(String where, Problem problem, String detail) {

		@Override
		public String toString() {
			return where + ": " + problem + " - " + detail;
		}
	}

	public ExportVerificationResult {
		failures = List.copyOf(failures);
	}

	public boolean valid() {
		return failures.isEmpty();
	}

	public boolean has(Problem problem, String where) {
		return failures.stream().anyMatch(f -> f.problem() == problem && f.where().equals(where));
	}

	public String summary() {
		String counts = "records=" + records + " files=" + files + " segment=" + segmentFrom + ".." + segmentTo
				+ " checkpoints=" + checkpoints + " attachmentsIncluded=" + attachmentsIncluded
				+ " attachmentsNotIncluded=" + attachmentsNotIncluded + " contentNotIncluded=" + contentNotIncluded;
		if (valid()) {
			return "OK export " + counts;
		}
		StringBuilder out = new StringBuilder("FAILED export (" + failures.size() + " problem"
				+ (failures.size() == 1 ? "" : "s") + ") " + counts);
		for (Failure failure : failures) {
			out.append(System.lineSeparator()).append("  ").append(failure);
		}
		return out.toString();
	}
}
