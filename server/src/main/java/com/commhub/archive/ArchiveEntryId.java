package com.commhub.archive;

/** The id of a recorded archive entry ({@code arc_entry.id}); its chain position is assigned later by the sealer. */
public record ArchiveEntryId(long value) {
}
