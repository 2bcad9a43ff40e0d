package com.commhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Production never falls back to the embedded database: with the {@code prod} profile and no
 * {@code SPRING_DATASOURCE_URL}, CommHub refuses to start and says what to set. No database is started.
 */
class ProdProfileIT {

	@Test
	void prodWithoutExternalDatabaseRefusesToStart() {
		var application = new SpringApplicationBuilder(CommHubApplication.class)
			.profiles("prod")
			.properties("server.port=0");

		// command-line arguments outrank the environment, so an exported SPRING_DATASOURCE_URL (CI's
		// external-database run) cannot turn this into a successful start
		Throwable failure = catchThrowable(() -> application.run("--server.port=0", "--spring.datasource.url=",
				"--spring.main.banner-mode=off"));

		assertThat(failure).isNotNull();
		assertThat(failure).hasRootCauseInstanceOf(EmbeddedDatabaseConfiguration.MissingExternalDatabaseException.class);

		FailureAnalysis analysis = new MissingExternalDatabaseFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("prod");
		assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL");
	}
}
