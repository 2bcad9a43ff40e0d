package com.commhub.chat;

import java.util.List;

/** Members joined or left a conversation (owners, or the directory for department channels and project groups). */
public record MembershipChanged(long conversationId, List<Long> addedEmployeeIds, List<Long> removedEmployeeIds) {

	public MembershipChanged {
		addedEmployeeIds = List.copyOf(addedEmployeeIds);
		removedEmployeeIds = List.copyOf(removedEmployeeIds);
	}
}
