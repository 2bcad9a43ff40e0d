/**
 * Attachments for chat and mail (CHAT-3, MAIL-1): uploads with size and type limits, magic-byte checks, SHA-256,
 * image thumbnails, and downloads gated by the uploader or a {@link com.commhub.files.FileReadGrant} that a content
 * module contributes (chat and mail grant read access to files on messages and mails their reader may see). Content
 * is kept by a {@link com.commhub.files.FileStorage} chosen by {@code commhub.files.storage} (local disk by default),
 * addressed by SHA-256 so the archive export can fetch the bytes of an archived attachment by its hash. Content
 * modules depend on this module, never the other way round.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Files",
		allowedDependencies = { "security", "shared", "archive" })
package com.commhub.files;
