package com.commhub.compliance;

/** The kind of channel a piece of content leaves through; policies are scoped by it. */
public enum Channel {
	CHAT, MAIL, ANNOUNCEMENT, EXTERNAL_MAIL, FILE
}
