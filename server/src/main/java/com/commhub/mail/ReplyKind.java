package com.commhub.mail;

/** How a new mail answers an existing one (MAIL-2 threads). */
public enum ReplyKind {
	/** To the sender only. */
	REPLY,
	/** To the sender and every To/CC addressee except the viewer; never BCC. */
	REPLY_ALL,
	/** No addressees; the body and attachments are carried over. */
	FORWARD
}
