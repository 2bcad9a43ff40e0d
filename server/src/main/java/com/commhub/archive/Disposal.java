package com.commhub.archive;

import java.time.Instant;
import java.util.UUID;

/**
 * One disposal batch (ARC-3): the entries whose content it removed are listed in its certificate, an archive entry
 * of kind {@link RecordKind#DISPOSAL_CERTIFICATE} ({@code certificatePosition} null until sealed) whose summary
 * gives the counts per kind.
 */
public record Disposal(long id, UUID runId, int batch, Instant disposedAt, String disposedBy, String reason,
		int entryCount, long certificateEntryId, Long certificatePosition, String certificateSummary) {
}
