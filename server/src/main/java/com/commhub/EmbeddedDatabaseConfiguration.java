package com.commhub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotatedTypeMetadata;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded default: when no {@code spring.datasource.url} is configured, CommHub starts a real PostgreSQL
 * (zonky's binaries from Maven Central) whose data lives under {@code commhub.embedded-db.data-dir} ({@code ./data/postgres})
 * and survives restarts. Never in the {@code prod} profile: there a missing database is a startup error, not a
 * silent fallback.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	static final class NoExternalDatabase implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String url = context.getEnvironment().getProperty("spring.datasource.url");
			return url == null || url.isBlank();
		}
	}

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(Environment environment,
			@Value("${commhub.embedded-db.data-dir:./data/postgres}") String dataDir,
			@Value("${commhub.embedded-db.port:0}") int port,
			@Value("${commhub.embedded-db.clean:false}") boolean clean) throws IOException {
		if (environment.acceptsProfiles(Profiles.of("prod"))) {
			throw new MissingExternalDatabaseException();
		}
		Path directory = Path.of(dataDir).toAbsolutePath().normalize();
		Files.createDirectories(directory.getParent());
		var builder = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(clean)
			// Spring closes it (destroyMethod) after the beans that still use it; zonky's own JVM hook would
			// stop PostgreSQL concurrently and make shutdown wait for connection timeouts
			.setRegisterShutdownHook(false)
			.setServerConfig("max_connections", "100")
			.setLocaleConfig("encoding", "UTF8");
		if (port > 0) {
			builder.setPort(port);
		}
		EmbeddedPostgres postgres = builder.start();
		log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), directory);
		return postgres;
	}

	@Bean
	DataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		dataSource.setMaximumPoolSize(20);
		dataSource.setPoolName("commhub-embedded");
		return dataSource;
	}

	/** Reported by {@link MissingExternalDatabaseFailureAnalyzer} in plain words. */
	static final class MissingExternalDatabaseException extends RuntimeException {

		MissingExternalDatabaseException() {
			super("The prod profile needs an external PostgreSQL database");
		}
	}

}
