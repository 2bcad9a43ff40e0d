package com.commhub.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Where export packages (ARC-5) get attachment bytes from. The archive itself keeps only each attachment's SHA-256
 * (it is part of the hashed entry); the module that stores files implements this. Several sources may exist; the
 * first that has the bytes wins. The export checks the bytes against the archived hash and leaves them out (marked
 * in the package) when they differ, so a source need not be trusted.
 */
public interface ArchiveAttachmentSource {

	/** The attachment with this hex SHA-256 (lower case), or empty when this source does not have it. */
	Optional<InputStream> open(String sha256) throws IOException;
}
