package com.commhub.archive;

/**
 * The one call every module uses to archive what happened (ARC-1). It must run inside the caller's transaction
 * (it refuses to run without one): the entry commits or rolls back with the business write. Entries are never
 * changed afterwards; an edit or a recall is a new entry that points at the original through
 * {@link NewArchiveEntry#related()}.
 */
public interface ArchiveRecorder {

	ArchiveEntryId record(NewArchiveEntry entry);
}
