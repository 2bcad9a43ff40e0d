package com.commhub.compliance;

/**
 * Implemented by a content module for the items it hands to the approval queue: when the named approver decides, the
 * compliance module calls {@link #release} or {@link #discard} in the approver's transaction. One bean per
 * {@link #subjectType()} (the {@link ComplianceDecisions.Subject#type()} the module passes to {@code decide}).
 */
public interface HeldItemHandler {

	/** The subject type this handler serves, e.g. {@code chat-message}. */
	String subjectType();

	/** The approver approved: deliver the held item. */
	void release(String subjectId);

	/** The approver rejected: the item is not delivered (the sender's draft may be kept). */
	void discard(String subjectId, String note);
}
