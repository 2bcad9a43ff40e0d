package com.commhub;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains why CommHub refused to start in {@code prod} without a database, and what to set. */
class MissingExternalDatabaseFailureAnalyzer
		extends AbstractFailureAnalyzer<EmbeddedDatabaseConfiguration.MissingExternalDatabaseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure,
			EmbeddedDatabaseConfiguration.MissingExternalDatabaseException cause) {
		return new FailureAnalysis(
				"CommHub refuses to start: the 'prod' profile is active but no external PostgreSQL database is "
						+ "configured. The embedded database is never used in production.",
				"Set SPRING_DATASOURCE_URL (e.g. jdbc:postgresql://db.example.cn:5432/commhub), "
						+ "SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD, or run without the prod profile "
						+ "to use the embedded database.",
				cause);
	}
}
