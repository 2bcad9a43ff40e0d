package com.commhub.mail;

import java.util.List;

import com.commhub.compliance.Finding;

/**
 * What became of a send, in the shape of {@code chat.SendResult}. SENT: stored, archived and delivered
 * ({@code mail} is the sender's item in SENT). HELD_FOR_APPROVAL / QUARANTINED: stored and archived, shown to the
 * sender as pending in SENT, delivered only if compliance releases it. NEEDS_JUSTIFICATION (a compliance warning;
 * send again with a justification) and BLOCKED deliver nothing and keep the draft: {@code mail} is then the draft
 * (created from the request if there was none), so the composer can carry on with its id. {@code tip} is the
 * policy tip in the sender's language; {@code findings} carry masked snippets only.
 */
public record MailSendResult(Status status, MailView mail, String tip, List<Finding> findings) {

	public enum Status {
		SENT, HELD_FOR_APPROVAL, QUARANTINED, NEEDS_JUSTIFICATION, BLOCKED
	}

	public MailSendResult {
		findings = findings == null ? List.of() : List.copyOf(findings);
	}
}
