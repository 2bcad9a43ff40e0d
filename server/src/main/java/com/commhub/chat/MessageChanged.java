package com.commhub.chat;

import java.util.List;

/** A visible message was edited, recalled or reacted to, or a thread reply changed its root's reply count. */
public record MessageChanged(long conversationId, long messageId, long changeSeq, Change change,
		List<Long> memberEmployeeIds) {

	public enum Change {
		EDITED, RECALLED, REACTED, REPLIED
	}

	public MessageChanged {
		memberEmployeeIds = List.copyOf(memberEmployeeIds);
	}
}
