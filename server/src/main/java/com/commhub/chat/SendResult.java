package com.commhub.chat;

import java.util.List;

import com.commhub.compliance.Finding;

/**
 * What became of a post or an edit. SENT: stored, archived and delivered. HELD_FOR_APPROVAL / QUARANTINED: stored
 * and archived, visible to the sender as pending. The other two store nothing and keep the composer's text:
 * NEEDS_JUSTIFICATION (a compliance warning; post again with a justification) and BLOCKED. {@code tip} is the policy
 * tip in the sender's language, {@code findings} carry masked snippets only.
 */
public record SendResult(Status status, MessageView message, String tip, List<Finding> findings) {

	public enum Status {
		SENT, HELD_FOR_APPROVAL, QUARANTINED, NEEDS_JUSTIFICATION, BLOCKED
	}

	public SendResult {
		findings = findings == null ? List.of() : List.copyOf(findings);
	}
}
