package com.commhub.directory.internal;

import java.time.Instant;
import java.util.List;

/** The dry-run report of one uploaded file: how many data rows it has and every problem found in them. */
public record ImportReport(long id, ImportKind kind, String fileName, ImportStatus status, int rows,
		List<ImportRowError> errors, Instant createdAt, Instant importedAt, Integer createdCount) {

	/** True when no row has an error; only then may the batch be imported. */
	public boolean valid() {
		return errors.isEmpty();
	}

	public boolean confirmable() {
		return status == ImportStatus.VALIDATED && errors.isEmpty();
	}
}
