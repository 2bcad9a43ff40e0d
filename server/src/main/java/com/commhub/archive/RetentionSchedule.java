package com.commhub.archive;

import java.time.Instant;

/**
 * How long records of one kind are kept after they occurred (ARC-3). {@code retentionDays} null = permanently.
 * {@code minimumDays} is the shortest period allowed (180 for security records, Cybersecurity Law art. 21);
 * {@code fixed} kinds (disposal certificates) are always permanent.
 */
public record RetentionSchedule(RecordKind kind, Integer retentionDays, int minimumDays, boolean fixed,
		Instant updatedAt, String updatedBy) {
}
