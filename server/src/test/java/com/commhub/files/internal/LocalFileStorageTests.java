package com.commhub.files.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local storage on a real directory: atomic placement, deduplication, strict keys. */
class LocalFileStorageTests {

	@TempDir
	Path dir;

	@Test
	void storesOnceByKeyAndReadsBack() throws IOException {
		LocalFileStorage storage = storage();
		String key = "ab".repeat(32);
		storage.put(key, source("第一份"));
		Path second = source("第二份");
		storage.put(key, second);

		assertThat(second).doesNotExist();
		try (InputStream in = storage.open(key).orElseThrow()) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("第一份");
		}
		assertThat(dir.resolve("files/ab/ab/" + key)).exists();
		assertThat(storage.exists(key)).isTrue();
		assertThat(storage.exists(key + ".thumb")).isFalse();
		assertThat(storage.open("cd".repeat(32))).isEmpty();
		assertThat(dir.resolve("files/tmp")).isEmptyDirectory();
	}

	@Test
	void concurrentWritersOfTheSameKeyLeaveOneWholeObject() throws Exception {
		LocalFileStorage storage = storage();
		byte[] content = "同一内容".repeat(100_000).getBytes(StandardCharsets.UTF_8);
		String key = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
		List<Callable<Void>> writers = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			Path source = Files.write(dir.resolve("upload-" + i), content);
			writers.add(() -> {
				storage.put(key, source);
				return null;
			});
		}
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (Future<Void> result : pool.invokeAll(writers)) {
				result.get();
			}
		}
		try (InputStream in = storage.open(key).orElseThrow()) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
		assertThat(dir.resolve("files/tmp")).isEmptyDirectory();
	}

	@Test
	void keysCannotNameAPathOutsideTheDirectory() {
		LocalFileStorage storage = storage();
		for (String bad : List.of("../../etc/passwd", "AB".repeat(32), "ab".repeat(31), "ab".repeat(32) + ".exe", "")) {
			assertThatThrownBy(() -> storage.open(bad)).isInstanceOf(IllegalArgumentException.class);
		}
	}

	private LocalFileStorage storage() {
		FileProperties properties = new FileProperties();
		properties.setDir(dir.resolve("files"));
		return new LocalFileStorage(properties);
	}

	private Path source(String text) throws IOException {
		return Files.writeString(Files.createTempFile(dir, "src-", ".bin"), text);
	}
}
