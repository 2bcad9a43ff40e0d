/**
 * Internal chat (CHAT-1..9): direct conversations, groups, department channels and project groups whose membership
 * follows the directory; messages with a sanitised Markdown subset, mentions, threads, reactions, edit and recall;
 * read receipts from per-member read positions (watermarks); rate limits. Every message goes through
 * {@code compliance} before it is stored and is archived in the same transaction; real-time delivery, notifications
 * and indexing follow the events published here after commit. {@link com.commhub.chat.ChatManagement} is the command
 * facade, {@link com.commhub.chat.ChatQueries} the reads; both check access through {@code ChatAccess}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Chat",
		allowedDependencies = { "security", "shared", "directory", "compliance", "archive", "files" })
package com.commhub.chat;
