package com.commhub.chat;

import java.util.List;

/** CHAT-4: who has read a message and who has not (the sender excluded), from the members' read positions. */
public record Receipts(long messageId, long seq, List<MemberView> read, List<MemberView> unread) {
}
