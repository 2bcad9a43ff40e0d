package com.commhub.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.commhub.files.FileStorage;

/**
 * {@code commhub.files.storage=local}: objects as files under {@code commhub.files.dir}, in two levels of
 * directories named by the first hex digits of the key ({@code ab/cd/abcd…}). A write goes to {@code tmp/} on the
 * same disk first and is then renamed into place atomically, so a reader sees the whole object or none; an existing
 * key is kept (same key, same bytes). The directory is local to this node: several nodes need a shared volume.
 */
@Component
class LocalFileStorage implements FileStorage {

	static final String ID = "local";

	private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}(\\.thumb)?");

	private final Path root;
	private final Path staging;

	LocalFileStorage(FileProperties properties) {
		this.root = properties.getDir().toAbsolutePath().normalize();
		this.staging = root.resolve("tmp");
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public void put(String key, Path source) throws IOException {
		Path target = path(key);
		if (Files.exists(target)) {
			Files.deleteIfExists(source);
			return;
		}
		Files.createDirectories(staging);
		Files.createDirectories(target.getParent());
		Path staged = staging.resolve(UUID.randomUUID() + ".part");
		try {
			// a move within one disk is a rename; from another disk (the system temp dir) it copies
			Files.move(source, staged, StandardCopyOption.REPLACE_EXISTING);
			try {
				Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				throw new IOException("the files directory " + root + " does not support atomic renames", ex);
			}
		}
		finally {
			Files.deleteIfExists(staged);
		}
	}

	@Override
	public Optional<InputStream> open(String key) throws IOException {
		try {
			return Optional.of(Files.newInputStream(path(key)));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
	}

	@Override
	public boolean exists(String key) {
		return Files.isRegularFile(path(key));
	}

	/** Keys are checked strictly: nothing a caller passes can name a path outside the directory. */
	private Path path(String key) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("not a storage key: " + key);
		}
		return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
	}
}
