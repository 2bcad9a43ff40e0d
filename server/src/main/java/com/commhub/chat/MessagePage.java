package com.commhub.chat;

import java.util.List;

/**
 * Messages of a conversation, oldest first. {@code hasMore} says whether older messages exist (for paging back with
 * {@code beforeSeq}) or, for a catch-up page, whether more changes follow {@code lastChangeSeq}.
 */
public record MessagePage(List<MessageView> messages, boolean hasMore, long lastChangeSeq) {
}
