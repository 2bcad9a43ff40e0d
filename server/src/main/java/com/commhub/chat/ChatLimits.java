package com.commhub.chat;

/**
 * Anti-flooding rules (CHAT-9), set by the communication officer: posts per person per minute, mentions per
 * message, and how many times the same text may be posted by one person within {@code duplicateWindowSeconds}
 * (mass posting across conversations).
 */
public record ChatLimits(int postsPerMinute, int mentionsPerMessage, int duplicatePosts, int duplicateWindowSeconds) {
}
