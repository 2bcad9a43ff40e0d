package com.commhub.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionTemplate;

import com.commhub.archive.ArchiveEntryId;
import com.commhub.archive.ArchiveRecorder;
import com.commhub.archive.NewArchiveEntry;
import com.commhub.archive.RecordKind;
import com.commhub.shared.Classification;
import com.commhub.verifier.Pem;
import com.commhub.verifier.VerificationResult;
import com.commhub.verifier.Verifier;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Backup and restore as documented in docs/operations/backup-restore.md (ARC-2: archived content is backed up and can
 * be restored with its chain intact). Each test builds its own archive (the real recorder, keys and sealer on a
 * database of its own), backs it up with the documented commands, restores into a fresh database and verifies the
 * restored chain with the standalone verifier and the public key from the backed-up key directory.
 */
class BackupRestoreIT {

	private static final String SECRET = "并购谈判底价:每股 12.80 元";

	@TempDir
	Path work;

	/** Embedded default: stop, archive {@code data/postgres} and {@code data/keys} with tar, restore, start, verify. */
	@Test
	void coldBackupOfTheEmbeddedDataDirectoryRestoresAVerifiableChain() throws Exception {
		Path data = Files.createDirectories(work.resolve("data"));
		Written written;
		try (EmbeddedPostgres postgres = embedded(data.resolve("postgres"))) {
			written = writeArchive(dataSource(postgres.getJdbcUrl("postgres", "postgres")), data.resolve("keys"));
		}
		// the database and the keys go to separate archives (the keys never travel with a database backup)
		Path database = work.resolve("commhub-db.tgz");
		Path keys = work.resolve("commhub-keys.tgz");
		run(List.of("tar", "-C", data.toString(), "-czf", database.toString(), "postgres"));
		run(List.of("tar", "-C", data.toString(), "-czf", keys.toString(), "keys"));

		Path restored = Files.createDirectories(work.resolve("restored"));
		run(List.of("tar", "-C", restored.toString(), "-xzf", database.toString()));
		run(List.of("tar", "-C", restored.toString(), "-xzf", keys.toString()));
		try (EmbeddedPostgres postgres = embedded(restored.resolve("postgres"))) {
			String url = postgres.getJdbcUrl("postgres", "postgres");
			assertRestored(url, "postgres", restored.resolve("keys"), written);
		}
	}

	/**
	 * External PostgreSQL: {@code pg_dump -Fc} and {@code pg_restore} into a fresh database. Runs where the suite runs on
	 * an external server (CI's second pass) and the machine's pg_dump has the server's major version.
	 */
	@Test
	void logicalDumpOfAnExternalDatabaseRestoresIntoAFreshDatabase() throws Exception {
		String serverUrl = System.getenv("SPRING_DATASOURCE_URL");
		assumeTrue(serverUrl != null && serverUrl.startsWith("jdbc:postgresql://"), "no external PostgreSQL");
		String user = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres");
		String password = System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "");
		Matcher host = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/.*").matcher(serverUrl);
		assumeTrue(host.matches(), "unrecognised JDBC URL");
		String port = host.group(2) == null ? "5432" : host.group(2);
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String source = "commhub_backup_src_" + suffix;
		String target = "commhub_backup_dst_" + suffix;
		String admin = serverUrl.replaceFirst("/[^/?]*(\\?.*)?$", "/postgres");
		try (Connection connection = DriverManager.getConnection(admin, user, password)) {
			int serverMajor = connection.getMetaData().getDatabaseMajorVersion();
			assumeTrue(pgDumpMajor() == serverMajor, "pg_dump's major version differs from the server's");
			try (Statement statement = connection.createStatement()) {
				statement.execute("create database " + source);
				statement.execute("create database " + target);
			}
			try {
				String sourceUrl = serverUrl.replaceFirst("/[^/?]*(\\?.*)?$", "/" + source);
				Written written = writeArchive(new DriverManagerDataSource(sourceUrl, user, password), work.resolve("keys"));
				Path dump = work.resolve("commhub.dump");
				Map<String, String> env = Map.of("PGPASSWORD", password);
				run(List.of("pg_dump", "-Fc", "-h", host.group(1), "-p", port, "-U", user, "-d", source, "-f",
						dump.toString()), env);
				run(List.of("pg_restore", "--no-owner", "-h", host.group(1), "-p", port, "-U", user, "-d", target,
						dump.toString()), env);
				String targetUrl = serverUrl.replaceFirst("/[^/?]*(\\?.*)?$", "/" + target);
				assertRestored(targetUrl, user, work.resolve("keys"), written, password);
			}
			finally {
				try (Statement statement = connection.createStatement()) {
					statement.execute("drop database if exists " + source + " with (force)");
					statement.execute("drop database if exists " + target + " with (force)");
				}
			}
		}
	}

	/** What the source archive held, to compare with the restored one. */
	private record Written(VerificationResult verification, ArchiveEntryId confidential) {
	}

	private Written writeArchive(DataSource dataSource, Path keys) {
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		try (AnnotationConfigApplicationContext context = archiveContext(dataSource, keys)) {
			ArchiveRecorder recorder = context.getBean(ArchiveRecorder.class);
			TransactionTemplate transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
			List<ArchiveEntryId> confidential = new ArrayList<>();
			for (int batch = 0; batch < 5; batch++) {
				int b = batch;
				transactions.executeWithoutResult(status -> {
					for (int i = 0; i < 10; i++) {
						boolean secret = i == 0;
						ArchiveEntryId id = recorder.record(NewArchiveEntry.text(RecordKind.CHAT_MESSAGE, "chat-message",
								"backup-" + b + "-" + i, NewArchiveEntry.Parties.of("HT1020 王磊", "HT1040 林浩然"),
								secret ? Classification.CONFIDENTIAL : Classification.INTERNAL,
								Instant.parse("2026-11-20T08:00:00Z").plusSeconds(b * 60L + i),
								"备份测试消息 " + b + "-" + i, secret ? SECRET : "第" + b + "批第" + i + "条:下午三点开会"));
						if (secret) {
							confidential.add(id);
						}
					}
				});
			}
			context.getBean(ArchiveSealer.class).sealNow(true);
			try (Connection connection = dataSource.getConnection()) {
				VerificationResult result = Verifier.verify(connection, context.getBean(ArchiveKeys.class).publicKey());
				assertThat(result.valid()).as(result.summary()).isTrue();
				assertThat(result.entries()).isEqualTo(50);
				return new Written(result, confidential.getFirst());
			}
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void assertRestored(String url, String user, Path keys, Written written) throws Exception {
		assertRestored(url, user, keys, written, "");
	}

	private void assertRestored(String url, String user, Path keys, Written written, String password) throws Exception {
		var publicKey = Pem.decode(Files.readString(keys.resolve(ArchiveKeys.PUBLIC_KEY_FILE), StandardCharsets.US_ASCII));
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			connection.setReadOnly(true);
			VerificationResult restored = Verifier.verify(connection, publicKey);
			assertThat(restored.valid()).as(restored.summary()).isTrue();
			assertThat(restored.entries()).isEqualTo(written.verification().entries());
			assertThat(restored.headHash()).isEqualTo(written.verification().headHash());
			assertThat(restored.lastCheckpoint()).isEqualTo(written.verification().lastCheckpoint());
		}
		// confidential content is readable only with the backed-up content key
		DataSource dataSource = new DriverManagerDataSource(url, user, password);
		try (AnnotationConfigApplicationContext context = archiveContext(dataSource, keys)) {
			byte[] content = context.getBean(ArchiveContents.class).content(written.confidential());
			assertThat(new String(content, StandardCharsets.UTF_8)).isEqualTo(SECRET);
		}
	}

	private static AnnotationConfigApplicationContext archiveContext(DataSource dataSource, Path keys) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance());
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("backup-test", Map.of("commhub.archive.key-dir", keys.toString())));
		context.registerBean(DataSource.class, () -> dataSource);
		context.register(ArchiveConfiguration.class);
		context.refresh();
		return context;
	}

	/** The real archive beans as the server wires them; no scheduling (the test seals explicitly). */
	@Configuration(proxyBeanMethods = false)
	@EnableTransactionManagement
	@Import({ ArchiveKeys.class, JdbcArchiveRecorder.class, ArchiveSealer.class, ArchiveContents.class })
	static class ArchiveConfiguration {

		@Bean
		JdbcTemplate jdbcTemplate(DataSource dataSource) {
			return new JdbcTemplate(dataSource);
		}

		@Bean
		JdbcClient jdbcClient(JdbcTemplate jdbcTemplate) {
			return JdbcClient.create(jdbcTemplate);
		}

		@Bean
		PlatformTransactionManager transactionManager(DataSource dataSource) {
			return new JdbcTransactionManager(dataSource);
		}

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}
	}

	/** Initialises the directory when it is empty, reuses it otherwise, and never deletes it (as the server does). */
	private static EmbeddedPostgres embedded(Path directory) throws IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.setLocaleConfig("encoding", "UTF8")
			.start();
	}

	private static DataSource dataSource(String url) {
		return new DriverManagerDataSource(url, "postgres", "");
	}

	private static int pgDumpMajor() {
		try {
			Process process = new ProcessBuilder("pg_dump", "--version").redirectErrorStream(true).start();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor(30, TimeUnit.SECONDS);
			Matcher version = Pattern.compile("(\\d+)\\.\\d+").matcher(out);
			return version.find() ? Integer.parseInt(version.group(1)) : -1;
		}
		catch (IOException | InterruptedException ex) {
			return -1;
		}
	}

	private static void run(List<String> command) throws Exception {
		run(command, Map.of());
	}

	private static void run(List<String> command, Map<String, String> env) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(env);
		Process process = builder.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
	}
}
