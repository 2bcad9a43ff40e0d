package com.commhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Guards the two languages: every bundle has the same keys in Chinese and English, every {@code #{key}} used in a
 * template exists, and no template contains hard-coded Chinese text.
 */
class MessagesTests {

	static final Path RESOURCES = Path.of("src/main/resources");
	static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)[}(]");
	static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	@Test
	void chineseAndEnglishBundlesHaveTheSameKeys() throws IOException {
		for (Path zh : bundles()) {
			Path en = zh.resolveSibling(zh.getFileName().toString().replace(".properties", "_en.properties"));
			assertThat(en).as("English bundle for %s", zh).exists();
			assertThat(load(en).stringPropertyNames()).as("keys of %s", en)
				.containsExactlyInAnyOrderElementsOf(load(zh).stringPropertyNames());
		}
	}

	@Test
	void everyKeyUsedInTemplatesExists() throws IOException {
		Set<String> keys = new HashSet<>();
		for (Path zh : bundles()) {
			keys.addAll(load(zh).stringPropertyNames());
		}
		List<String> missing = new ArrayList<>();
		for (Path template : templates()) {
			Matcher matcher = MESSAGE_KEY.matcher(Files.readString(template));
			while (matcher.find()) {
				if (!keys.contains(matcher.group(1))) {
					missing.add(RESOURCES.relativize(template) + ": " + matcher.group(1));
				}
			}
		}
		assertThat(missing).as("message keys used in templates but not defined").isEmpty();
	}

	@Test
	void templatesHaveNoHardCodedChinese() throws IOException {
		List<String> offenders = new ArrayList<>();
		for (Path template : templates()) {
			List<String> lines = Files.readAllLines(template);
			for (int i = 0; i < lines.size(); i++) {
				if (HAN.matcher(lines.get(i)).find()) {
					offenders.add(RESOURCES.relativize(template) + ":" + (i + 1) + ": " + lines.get(i).strip());
				}
			}
		}
		assertThat(offenders).as("Chinese text belongs in i18n/*.properties").isEmpty();
	}

	private static List<Path> bundles() throws IOException {
		try (Stream<Path> files = Files.list(RESOURCES.resolve("i18n"))) {
			return files.filter(p -> p.toString().endsWith(".properties") && !p.toString().contains("_")).toList();
		}
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
			return files.filter(p -> p.toString().endsWith(".html")).toList();
		}
	}

	private static Properties load(Path file) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}
}
