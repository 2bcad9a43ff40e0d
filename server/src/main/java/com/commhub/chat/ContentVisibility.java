package com.commhub.chat;

/**
 * Whether the viewer sees a message's content (CLS-3). OPEN_ONCE: a read-once message the viewer has not opened
 * yet (text and html are empty until {@link ChatManagement#open}); CONSUMED: a read-once message already opened, or
 * an expired one (the archive keeps it regardless). The sender always sees their own message.
 */
public enum ContentVisibility {
	VISIBLE, OPEN_ONCE, CONSUMED
}
