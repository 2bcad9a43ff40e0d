package com.commhub.compliance;

/**
 * The second compliance call for content modules: inspect <em>and</em> keep the evidence, in the caller's
 * transaction (it refuses to run without one), so the evidence commits or rolls back with the content. Use it when
 * the sender actually sends; use {@link ComplianceInspector#inspect} for previews.
 * <p>
 * A {@code WARN} decision needs the sender's justification: without one the call throws a
 * {@link com.commhub.shared.BusinessRuleException} on field {@code justification} and records nothing; with one it is
 * recorded as {@link DecisionOutcome#OVERRIDDEN_WITH_JUSTIFICATION}. {@code ALLOW} decisions (no policy matched) are
 * not recorded ({@link RecordedDecision#evidenceId()} is {@code null}). Every recorded decision publishes
 * {@link ComplianceDecisionRecorded} synchronously (the archive records it in the same transaction).
 */
public interface ComplianceDecisions {

	/**
	 * @param subject what the content is (e.g. {@code chat-message}/{@code 42}), may be {@code null}
	 * @param justification the sender's reason to proceed despite a warning, may be {@code null} for other actions
	 */
	default RecordedDecision decide(InspectionRequest request, Subject subject, String justification) {
		return decide(request, subject, justification, null);
	}

	/**
	 * As above; a {@code REQUIRE_APPROVAL} decision is also put in the approval queue for {@code approver} (the
	 * sender's department head, which the caller resolves). Such a decision needs a subject and an approver, else
	 * the call throws a {@link com.commhub.shared.BusinessRuleException} on field {@code approver} and records nothing.
	 * The approver's decision reaches the content module through its {@link HeldItemHandler}.
	 */
	RecordedDecision decide(InspectionRequest request, Subject subject, String justification, Approver approver);

	/** The content the decision is about, in the calling module's terms. */
	record Subject(String type, String id) {
	}

	/** Who decides a held item: an employee (normally the sender's department head) and a display label. */
	record Approver(long employeeId, String label) {
	}

	/** The decision, what became of the content, and the evidence row ({@code null} for ALLOW). */
	record RecordedDecision(Decision decision, DecisionOutcome outcome, Long evidenceId) {
	}
}
