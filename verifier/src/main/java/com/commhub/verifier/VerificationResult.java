package com.commhub.verifier;

/**
 * What {@link Verifier} found. When {@link #valid()} is false, {@link #failedPosition()} is the FIRST broken chain
 * position and {@link #problem()} says why.
 *
 * @param entries sealed entries checked
 * @param checkpoints checkpoints checked
 * @param head the last sealed position (0 when the chain is empty)
 * @param headHash the entry hash at {@code head} (hex)
 * @param lastCheckpoint position of the last signed checkpoint, or 0 when there is none
 * @param unsignedTail sealed entries after the last checkpoint (protected by the chain only, not yet by a signature)
 * @param disposed entries checked whose content was removed by disposal (listed by a sealed certificate)
 */
public record VerificationResult(boolean valid, long entries, long checkpoints, long head, String headHash,
		long lastCheckpoint, long unsignedTail, Long failedPosition, Problem problem, String detail, long disposed) {

	public VerificationResult(boolean valid, long entries, long checkpoints, long head, String headHash,
			long lastCheckpoint, long unsignedTail, Long failedPosition, Problem problem, String detail) {
		this(valid, entries, checkpoints, head, headHash, lastCheckpoint, unsignedTail, failedPosition, problem,
				detail, 0);
	}

	/** Why verification failed. */
	public enum Problem {
		/** A hashed field or the (plain-text) content of the entry at this position differs from what was sealed. */
		CONTENT_CHANGED,
		/** No entry at this position, although later positions or a checkpoint exist (deleted or truncated). */
		ENTRY_MISSING,
		/** The entry at this position was sealed after a different predecessor (moved, swapped or duplicated). */
		ORDER_CHANGED,
		/** The checkpoint at this position is not signed by the given public key. */
		CHECKPOINT_SIGNATURE_INVALID,
		/**
		 * The chain is internally consistent but the entry hash at this checkpoint's position differs from the signed
		 * one: entries up to it were rewritten and re-hashed without the signing key.
		 */
		CHAIN_REWRITTEN,
		/**
		 * The entry at this position has lost its content (its content hash is still set) but no sealed disposal
		 * certificate lists it: removed outside disposal.
		 */
		CONTENT_REMOVED_WITHOUT_CERTIFICATE
	}

	public String summary() {
		String counts = "entries=" + entries + " disposed=" + disposed + " checkpoints=" + checkpoints + " head="
				+ head + " lastCheckpoint="
				+ lastCheckpoint + " unsignedTail=" + unsignedTail;
		if (valid) {
			return "OK " + counts + " headHash=" + headHash;
		}
		return "FAILED at position " + failedPosition + ": " + problem + " - " + detail + " (" + counts + ")";
	}
}
