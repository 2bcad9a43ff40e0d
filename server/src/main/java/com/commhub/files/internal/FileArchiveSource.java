package com.commhub.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.commhub.archive.ArchiveAttachmentSource;

/**
 * Gives the archive export the bytes of an archived attachment by its SHA-256 (the hash chat and mail put in their
 * archive entries). The export checks the bytes against the hash itself.
 */
@Component
class FileArchiveSource implements ArchiveAttachmentSource {

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	private final FileService files;

	FileArchiveSource(FileService files) {
		this.files = files;
	}

	@Override
	public Optional<InputStream> open(String sha256) throws IOException {
		if (sha256 == null || !SHA256.matcher(sha256).matches()) {
			return Optional.empty();
		}
		return files.openBySha256(sha256);
	}
}
