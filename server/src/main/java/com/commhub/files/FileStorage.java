package com.commhub.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where file bytes live, chosen by {@code commhub.files.storage} matching {@link #id()} ({@code local}: a directory
 * on this node's disk). Objects are immutable and addressed by key: the content's hex SHA-256, or that followed by
 * {@code .thumb} for its thumbnail. Storing a key that exists keeps the existing object (deduplication); a reader
 * never sees a half-written object.
 */
public interface FileStorage {

	/** The value of {@code commhub.files.storage} that selects this storage. */
	String id();

	/**
	 * Stores the bytes of {@code source} (a temporary file the caller owns; it may be moved away) under {@code key},
	 * unless an object with this key exists already.
	 */
	void put(String key, Path source) throws IOException;

	/** The object's bytes, or empty when there is none with this key. */
	Optional<InputStream> open(String key) throws IOException;

	boolean exists(String key) throws IOException;
}
