package com.commhub.archive;

import java.time.Instant;

/**
 * The archive's health (ARC-2): how many entries, how far sealed, the sealing lag, the last signed checkpoint and
 * whether the chain from that checkpoint to the head verifies.
 */
public record ArchiveStatus(long entries, long sealedUpTo, long unsealed, double sealingLagSeconds,
		LastCheckpoint lastCheckpoint, boolean verifies, String verification, String publicKeyId) {

	public record LastCheckpoint(long position, Instant signedAt) {
	}
}
