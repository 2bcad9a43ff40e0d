package com.commhub.chat;

/** A held message of {@code senderEmployeeId} was released (it then also gets a {@link MessagePosted}) or discarded. */
public record PendingMessageDecided(long conversationId, long messageId, long senderEmployeeId, MessageState state) {
}
