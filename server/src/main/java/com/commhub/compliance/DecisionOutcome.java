package com.commhub.compliance;

/** What became of the content after a recorded decision (the evidence's outcome). */
public enum DecisionOutcome {
	/** ALLOW or AUDIT: the content went out. */
	ALLOWED,
	/** WARN: the sender gave a justification and the content went out. */
	OVERRIDDEN_WITH_JUSTIFICATION,
	/** REQUIRE_APPROVAL: held until the sender's department head decides. */
	HELD_FOR_APPROVAL,
	/** BLOCK: refused, the sender's draft is kept. */
	BLOCKED,
	/** QUARANTINE: held for the communication officer's review. */
	QUARANTINED,
	/** A review of a held item: the department head approved it and it was delivered. */
	APPROVED,
	/** A review of a held item: the department head rejected it. */
	REJECTED,
	/** A review of a quarantined item: the communication officer released it and it was delivered. */
	RELEASED,
	/** A review of a quarantined item: the communication officer discarded it. */
	DISCARDED;

	/**
	 * The outcome of the sender's decision for an action; {@code WARN} needs a justification and maps to an override.
	 * (The review outcomes come from the approver's or officer's decision, never from an action.)
	 */
	public static DecisionOutcome of(PolicyAction action) {
		return switch (action) {
			case ALLOW, AUDIT -> ALLOWED;
			case WARN -> OVERRIDDEN_WITH_JUSTIFICATION;
			case REQUIRE_APPROVAL -> HELD_FOR_APPROVAL;
			case QUARANTINE -> QUARANTINED;
			case BLOCK -> BLOCKED;
		};
	}
}
