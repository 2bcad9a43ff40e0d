package com.commhub.files.internal;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code commhub.files.*}: which storage keeps the bytes ({@code storage}, default {@code local}), where the local
 * storage writes ({@code dir}), the largest upload ({@code max-size}, default 20MB; keep
 * {@code spring.servlet.multipart.max-file-size} above it), the allowed content types ({@code allowed-types}) and
 * the largest image (in pixels) that gets a thumbnail ({@code max-image-pixels}; larger images are refused).
 */
@ConfigurationProperties("commhub.files")
public class FileProperties {

	/** Images, PDF, Office and OpenDocument files, plain text, CSV and ZIP. */
	public static final List<String> DEFAULT_ALLOWED_TYPES = List.of("image/png", "image/jpeg", "image/gif",
			"image/webp", "application/pdf", "text/plain", "text/csv", "application/zip", "application/msword",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.ms-excel",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-powerpoint",
			"application/vnd.openxmlformats-officedocument.presentationml.presentation",
			"application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
			"application/vnd.oasis.opendocument.presentation");

	private String storage = "local";
	private Path dir = Path.of("data", "files");
	private DataSize maxSize = DataSize.ofMegabytes(20);
	private Set<String> allowedTypes = new LinkedHashSet<>(DEFAULT_ALLOWED_TYPES);
	private long maxImagePixels = 40_000_000L;
	private int thumbnailSize = 320;

	public String getStorage() {
		return storage;
	}

	public void setStorage(String storage) {
		this.storage = storage;
	}

	public Path getDir() {
		return dir;
	}

	public void setDir(Path dir) {
		this.dir = dir;
	}

	public DataSize getMaxSize() {
		return maxSize;
	}

	public void setMaxSize(DataSize maxSize) {
		this.maxSize = maxSize;
	}

	public Set<String> getAllowedTypes() {
		return allowedTypes;
	}

	public void setAllowedTypes(Set<String> allowedTypes) {
		Set<String> normalised = new LinkedHashSet<>();
		allowedTypes.forEach(type -> normalised.add(type.trim().toLowerCase(java.util.Locale.ROOT)));
		this.allowedTypes = normalised;
	}

	public long getMaxImagePixels() {
		return maxImagePixels;
	}

	public void setMaxImagePixels(long maxImagePixels) {
		this.maxImagePixels = maxImagePixels;
	}

	public int getThumbnailSize() {
		return thumbnailSize;
	}

	public void setThumbnailSize(int thumbnailSize) {
		this.thumbnailSize = thumbnailSize;
	}
}
