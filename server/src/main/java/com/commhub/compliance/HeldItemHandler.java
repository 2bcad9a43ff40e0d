package com.commhub.compliance;

/**
 * Implemented by a content module for the items compliance holds: when the named approver decides a
 * {@code REQUIRE_APPROVAL} item, or a communication officer reviews a {@code QUARANTINE} item, the compliance module
 * calls {@link #release} or {@link #discard} in that person's transaction. One bean per
 * {@link #subjectType()} (the {@link ComplianceDecisions.Subject#type()} the module passes to {@code decide}).
 */
public interface HeldItemHandler {

	/** The subject type this handler serves, e.g. {@code chat-message}. */
	String subjectType();

	/** Approved or released: deliver the held item. */
	void release(String subjectId);

	/** Rejected or discarded: the item is not delivered (the sender's draft may be kept). */
	void discard(String subjectId, String note);
}
