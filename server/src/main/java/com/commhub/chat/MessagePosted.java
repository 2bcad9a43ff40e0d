package com.commhub.chat;

import java.time.Instant;
import java.util.List;

/**
 * A message became visible to the members of its conversation (sent, or released by compliance), committed with
 * its archive entry. {@code mentionedEmployeeIds} are the members reached by mentions (departments expanded).
 */
public record MessagePosted(long conversationId, long messageId, long seq, long changeSeq, Long threadRootId,
		long senderEmployeeId, List<Long> memberEmployeeIds, List<Long> mentionedEmployeeIds, Instant postedAt) {

	public MessagePosted {
		memberEmployeeIds = List.copyOf(memberEmployeeIds);
		mentionedEmployeeIds = List.copyOf(mentionedEmployeeIds);
	}
}
