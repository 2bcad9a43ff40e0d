package com.commhub.archive.internal;

/**
 * What {@link ArchiveExportWriter#write} produced.
 *
 * @param records exported entries
 * @param bytes size of the ZIP written
 * @param manifestSha256 hex SHA-256 of {@code manifest.json} (also what {@code manifest.sig} signs)
 * @param segmentFrom first chain position of the proof (the smallest exported position)
 * @param segmentTo last chain position of the proof (= {@code checkpointPosition})
 * @param checkpointPosition the signed checkpoint that ends the proof
 * @param attachmentsIncluded attachments whose bytes are in the package
 * @param attachmentsNotAvailable attachments listed by hash only (no source had them, or the bytes did not match)
 */
public record ExportSummary(int records, long bytes, String manifestSha256, long segmentFrom, long segmentTo,
		long checkpointPosition, int attachmentsIncluded, int attachmentsNotAvailable) {
}
