package com.commhub.chat;

import java.time.Instant;
import java.util.List;

/**
 * A delivered message mentions members ({@code mentionedEmployeeIds}: the members it reaches, departments expanded,
 * never the sender). Published with {@link MessagePosted} only when there is someone to tell, so that a plain post
 * writes nothing to the persistent event registry that guarantees its listeners (notifications) run.
 */
public record MembersMentioned(long conversationId, long messageId, long senderEmployeeId,
		List<Long> mentionedEmployeeIds, Instant postedAt) {

	public MembersMentioned {
		mentionedEmployeeIds = List.copyOf(mentionedEmployeeIds);
	}
}
