package com.commhub.compliance;

/**
 * What a policy does with matching content, in ascending severity. Among matching policies the most severe action
 * wins (see docs/modules/compliance.md).
 */
public enum PolicyAction {
	/** Let it pass. */
	ALLOW,
	/** Let it pass and keep the decision as evidence. */
	AUDIT,
	/** Show the policy tip; the sender must give a justification to proceed. */
	WARN,
	/** Hold the item until the sender's department head approves it. */
	REQUIRE_APPROVAL,
	/** Hold the item for the communication officer's review. */
	QUARANTINE,
	/** Refuse; the sender's draft is kept. */
	BLOCK;

	public int severity() {
		return ordinal();
	}

	public boolean moreSevereThan(PolicyAction other) {
		return compareTo(other) > 0;
	}
}
