package com.commhub.archive;

import java.util.List;

/**
 * The one call every module uses to archive what happened (ARC-1). It must run inside the caller's transaction
 * (it refuses to run without one): the entry commits or rolls back with the business write. Entries are never
 * changed afterwards; an edit or a recall is a new entry that points at the original through
 * {@link NewArchiveEntry#related()}.
 */
public interface ArchiveRecorder {

	ArchiveEntryId record(NewArchiveEntry entry);

	/**
	 * Records several entries at once, with the same guarantees as {@link #record}, in one round trip to the
	 * database. Returns their ids in the order of {@code entries}; the ids ascend in that order.
	 */
	List<ArchiveEntryId> recordAll(List<NewArchiveEntry> entries);
}
