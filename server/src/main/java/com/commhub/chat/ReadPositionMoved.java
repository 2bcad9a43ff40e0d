package com.commhub.chat;

import java.util.List;

/** A member's read position moved forward: read receipts of the messages up to {@code readSeq} changed. */
public record ReadPositionMoved(long conversationId, long employeeId, long readSeq, List<Long> memberEmployeeIds) {

	public ReadPositionMoved {
		memberEmployeeIds = List.copyOf(memberEmployeeIds);
	}
}
