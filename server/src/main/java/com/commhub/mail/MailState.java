package com.commhub.mail;

/**
 * Where a mail stands. DRAFT: only its author sees it (folder DRAFTS). SENT: delivered to every recipient.
 * HELD_FOR_APPROVAL / QUARANTINED: stored and archived, seen by the sender alone (in Sent, marked pending) until
 * compliance releases it (→ SENT, delivered then) or discards it (→ DISCARDED, the archive keeps it).
 */
public enum MailState {
	DRAFT, SENT, HELD_FOR_APPROVAL, QUARANTINED, DISCARDED;

	public boolean pending() {
		return this == HELD_FOR_APPROVAL || this == QUARANTINED;
	}
}
