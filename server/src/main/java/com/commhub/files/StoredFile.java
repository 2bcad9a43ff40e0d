package com.commhub.files;

import java.time.Instant;

/**
 * An uploaded file's metadata. {@code contentType} is the checked type (for images: the type the bytes show);
 * {@code sha256} is the lower-case hex digest of the content (what the archive records); {@code image} says the
 * browser may show it inline; {@code thumbnail} says a thumbnail exists. {@code uploaderEmployeeId} is {@code null}
 * for accounts without an employee (the built-in administrator).
 */
public record StoredFile(long id, String name, String contentType, long size, String sha256, boolean image,
		boolean thumbnail, Long uploaderEmployeeId, long uploaderAccountId, Instant uploadedAt) {
}
