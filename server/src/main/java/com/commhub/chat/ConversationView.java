package com.commhub.chat;

import java.time.Instant;

import com.commhub.shared.Classification;

/**
 * A conversation as its member sees it; the booleans say what the viewer may do. {@code lastChangeSeq} is the
 * conversation's change counter (every post, release, edit, recall and reaction increments it; clients catch up
 * from it). For DIRECT conversations the title is the other person's name.
 */
public record ConversationView(long id, ConversationKind kind, String title, String topic,
		Classification classification, ConversationPolicy postingPolicy, ConversationPolicy invitePolicy,
		Long departmentId, Long directoryGroupId, long memberCount, long lastSeq, long lastChangeSeq, long readSeq,
		boolean owner, boolean mayPost, boolean mayInvite, boolean mayManage, Instant createdAt) {
}
