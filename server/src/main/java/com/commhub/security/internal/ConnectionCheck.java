package com.commhub.security.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.commhub.security.ConnectionCredentials;

/**
 * Answers for many connections at once: one query for all browser sessions (Spring Session JDBC's table), and
 * tokens from {@link ApiTokenService#usable} (cached; a check is not a use of the token).
 */
@Component
class ConnectionCheck implements ConnectionCredentials {

	private final JdbcClient jdbc;
	private final ApiTokenService tokens;
	private final Clock clock;

	ConnectionCheck(JdbcClient jdbc, ApiTokenService tokens, Clock clock) {
		this.jdbc = jdbc;
		this.tokens = tokens;
		this.clock = clock;
	}

	@Override
	public Set<String> liveSessions(Collection<String> sessionIds) {
		if (sessionIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("""
				select trim(session_id) from spring_session
				 where session_id = any(cast(? as text[])) and expiry_time > ?""")
			.params(sessionIds.toArray(String[]::new), clock.millis())
			.query(String.class)
			.list());
	}

	@Override
	public boolean tokenUsable(String secret) {
		return tokens.usable(secret);
	}
}
