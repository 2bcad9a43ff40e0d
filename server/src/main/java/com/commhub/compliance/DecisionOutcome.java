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
	QUARANTINED;

	/** The outcome of an action; {@code WARN} needs a justification and maps to an override. */
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
