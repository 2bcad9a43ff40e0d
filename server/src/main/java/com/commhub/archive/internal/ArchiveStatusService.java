package com.commhub.archive.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import com.commhub.archive.ArchiveStatus;
import com.commhub.security.CurrentUser;
import com.commhub.security.Permission;
import com.commhub.verifier.VerificationResult;
import com.commhub.verifier.Verifier;

/**
 * The archive status (ARC-2) for holders of ARCHIVE_STATUS_VIEW. "verifies" is the cheap check: the last
 * checkpoint's signature, the signed hash at its position, and the chain from there to the head.
 */
@Service
public class ArchiveStatusService {

	private final JdbcTemplate jdbc;
	private final DataSource dataSource;
	private final ArchiveKeys keys;
	private final Clock clock;

	ArchiveStatusService(JdbcTemplate jdbc, DataSource dataSource, ArchiveKeys keys, Clock clock) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.keys = keys;
		this.clock = clock;
	}

	public static void requireView() {
		if (!CurrentUser.has(Permission.ARCHIVE_STATUS_VIEW)) {
			throw new AccessDeniedException("archive status");
		}
	}

	public ArchiveStatus status() {
		requireView();
		Map<String, Object> counts = jdbc.queryForMap("""
				select count(*) as entries, coalesce(max(position), 0) as sealed_up_to,
				       count(*) filter (where position is null) as unsealed,
				       min(recorded_at) filter (where position is null) as oldest_unsealed
				from arc_entry""");
		long unsealed = ((Number) counts.get("unsealed")).longValue();
		double lag = 0;
		Object oldest = counts.get("oldest_unsealed");
		if (unsealed > 0 && oldest != null) {
			OffsetDateTime since = oldest instanceof OffsetDateTime odt ? odt
					: ((java.sql.Timestamp) oldest).toInstant().atOffset(java.time.ZoneOffset.UTC);
			lag = Math.max(0, Duration.between(since.toInstant(), clock.instant()).toMillis() / 1000.0);
		}
		List<ArchiveStatus.LastCheckpoint> last = jdbc.query(
				"select position, signed_at from arc_checkpoint order by position desc limit 1",
				(rs, n) -> new ArchiveStatus.LastCheckpoint(rs.getLong(1),
						rs.getObject(2, OffsetDateTime.class).toInstant()));
		VerificationResult verification = verifySinceLastCheckpoint();
		return new ArchiveStatus(((Number) counts.get("entries")).longValue(),
				((Number) counts.get("sealed_up_to")).longValue(), unsealed, lag, last.isEmpty() ? null : last.getFirst(),
				verification.valid(), verification.summary(), keys.publicKeyId());
	}

	public String publicKeyPem() {
		return keys.publicKeyPem();
	}

	VerificationResult verifySinceLastCheckpoint() {
		try (Connection connection = dataSource.getConnection()) {
			String schema = jdbc.queryForObject("select current_schema()", String.class);
			return Verifier.verifySinceLastCheckpoint(connection, keys.publicKey(), schema);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("archive verification", ex);
		}
	}
}
