package com.commhub.mail;

/** The address field a recipient was reached through. BCC recipients are shown only to the sender and themselves. */
public enum RecipientField {
	TO, CC, BCC
}
