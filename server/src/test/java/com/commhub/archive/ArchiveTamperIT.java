package com.commhub.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import com.commhub.IntegrationTest;
import com.commhub.archive.internal.ArchiveKeys;
import com.commhub.archive.internal.ArchiveSealer;
import com.commhub.verifier.CanonicalEncoding;
import com.commhub.verifier.EntryRow;
import com.commhub.verifier.VerificationResult;
import com.commhub.verifier.VerificationResult.Problem;
import com.commhub.verifier.Verifier;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Tampering on purpose (ARC-2). The shared test database must keep verifying for everyone, so each test copies the
 * sealed chain (arc_entry, arc_checkpoint, in one snapshot) into a schema of its own, tampers there through a
 * separate JDBC connection (the copies carry no append-only trigger, as if a DBA had dropped it), and asserts that
 * the verifier names the first broken position and why.
 */
@IntegrationTest
class ArchiveTamperIT {

	@Autowired
	ArchiveRecorder recorder;
	@Autowired
	PlatformTransactionManager transactionManager;
	@Autowired
	JdbcTemplate jdbc;
	@Autowired
	ArchiveSealer sealer;
	@Autowired
	ArchiveKeys keys;
	@Autowired
	DataSource dataSource;

	ArchiveTestSupport support;
	List<Long> first;
	List<Long> second;
	String schema;

	@BeforeEach
	void writeSealAndCopy() throws SQLException {
		support = new ArchiveTestSupport(recorder, transactionManager, jdbc, sealer);
		first = support.recordMany(1, 6);
		support.sealAndCheckpoint();
		second = support.recordMany(10, 8);
		support.sealAndCheckpoint();
		support.recordMany(20, 3);
		sealer.sealNow(false);
		schema = "tamper_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String source = jdbc.queryForObject("select current_schema()", String.class);
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			try (Statement statement = connection.createStatement()) {
				statement.execute("create schema " + schema);
				statement.execute("create table " + schema + ".arc_entry as select * from " + source + ".arc_entry");
				statement.execute(
						"create table " + schema + ".arc_checkpoint as select * from " + source + ".arc_checkpoint");
			}
			connection.commit();
			connection.setAutoCommit(true);
			connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
		}
	}

	@AfterEach
	void dropCopy() {
		jdbc.execute("drop schema if exists " + schema + " cascade");
	}

	@Test
	void theUntouchedCopyVerifies() throws SQLException {
		VerificationResult result = verify();
		assertThat(result.valid()).as(result.summary()).isTrue();
		assertThat(result.head()).isGreaterThanOrEqualTo(position(second.getLast()));
		assertThat(result.checkpoints()).isPositive();
	}

	@Test
	void oneChangedByteOfContentIsNamed() throws SQLException {
		long position = position(second.get(3));
		tamper("update %s.arc_entry set content = set_byte(content, 0, get_byte(content, 0) # 1) where position = "
				+ position);
		assertFailure(verify(), position, Problem.CONTENT_CHANGED);
	}

	@Test
	void aChangedSummaryIsNamed() throws SQLException {
		long position = position(first.get(2));
		tamper("update %s.arc_entry set summary = summary || '!' where position = " + position);
		assertFailure(verify(), position, Problem.CONTENT_CHANGED);
	}

	@Test
	void aDeletedEntryIsNamed() throws SQLException {
		long position = position(second.get(4));
		tamper("delete from %s.arc_entry where position = " + position);
		assertFailure(verify(), position, Problem.ENTRY_MISSING);
	}

	@Test
	void swappedEntriesAreNamed() throws SQLException {
		long a = position(second.get(1));
		long b = position(second.get(5));
		tamper("update %s.arc_entry set position = case position when " + a + " then " + b + " else " + a
				+ " end where position in (" + a + ", " + b + ")");
		assertFailure(verify(), a, Problem.ORDER_CHANGED);
	}

	@Test
	void aTruncatedTailBeforeACheckpointIsNamed() throws SQLException {
		long from = position(second.get(2));
		tamper("delete from %s.arc_entry where position >= " + from);
		assertFailure(verify(), from, Problem.ENTRY_MISSING);
	}

	@Test
	void aRewrittenAndRehashedTailIsCaughtAtTheNextCheckpoint() throws Exception {
		long from = position(second.get(2));
		rewriteFrom(from);
		long checkpoint = jdbc.queryForObject(
				"select min(position) from " + schema + ".arc_checkpoint where position >= ?", Long.class, from);
		VerificationResult result = verify();
		assertFailure(result, checkpoint, Problem.CHAIN_REWRITTEN);
		assertThat(result.detail()).contains("rewritten");

		// the attacker re-signs the checkpoints with a key of their own: the signature no longer verifies
		PrivateKey forged = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
		try (Connection connection = dataSource.getConnection()) {
			List<long[]> positions = new ArrayList<>();
			try (PreparedStatement select = connection.prepareStatement("select c.id, c.position from " + schema
					+ ".arc_checkpoint c where c.position >= ?")) {
				select.setLong(1, from);
				try (ResultSet rs = select.executeQuery()) {
					while (rs.next()) {
						positions.add(new long[] { rs.getLong(1), rs.getLong(2) });
					}
				}
			}
			for (long[] cp : positions) {
				byte[] hash = jdbc.queryForObject("select entry_hash from " + schema + ".arc_entry where position = ?",
						byte[].class, cp[1]);
				Instant signedAt = CanonicalEncoding.truncate(Instant.now());
				Signature signature = Signature.getInstance("Ed25519");
				signature.initSign(forged);
				signature.update(CanonicalEncoding.checkpoint(cp[1], hash, signedAt));
				try (PreparedStatement update = connection.prepareStatement("update " + schema
						+ ".arc_checkpoint set entry_hash = ?, signed_at = ?, signature = ? where id = ?")) {
					update.setBytes(1, hash);
					update.setObject(2, OffsetDateTime.ofInstant(signedAt, java.time.ZoneOffset.UTC));
					update.setBytes(3, signature.sign());
					update.setLong(4, cp[0]);
					update.executeUpdate();
				}
			}
		}
		assertFailure(verify(), checkpoint, Problem.CHECKPOINT_SIGNATURE_INVALID);
	}

	@Test
	void aForgedCheckpointSignatureIsNamed() throws SQLException {
		long checkpoint = jdbc.queryForObject("select min(position) from " + schema + ".arc_checkpoint where position >= ?",
				Long.class, position(first.getLast()));
		tamper("update %s.arc_checkpoint set signature = set_byte(signature, 5, get_byte(signature, 5) # 1) "
				+ "where position = " + checkpoint);
		assertFailure(verify(), checkpoint, Problem.CHECKPOINT_SIGNATURE_INVALID);
	}

	@Test
	void theCommandLineExitsOneAndNamesThePosition() throws Exception {
		long position = position(second.get(3));
		tamper("update %s.arc_entry set summary = 'rewritten' where position = " + position);
		HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
		Path pem = Files.createTempFile("archive-public", ".pem");
		Files.writeString(pem, keys.publicKeyPem());
		List<String> args = new ArrayList<>(List.of("--jdbc-url", hikari.getJdbcUrl(), "--public-key", pem.toString(),
				"--schema", schema));
		if (hikari.getUsername() != null) {
			args.addAll(List.of("--user", hikari.getUsername()));
		}
		if (hikari.getPassword() != null && !hikari.getPassword().isEmpty()) {
			args.addAll(List.of("--password", hikari.getPassword()));
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code = Verifier.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(new ByteArrayOutputStream()));
		Files.deleteIfExists(pem);
		assertThat(code).isEqualTo(1);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("FAILED at position " + position + ": CONTENT_CHANGED");
	}

	/** The attacker without the signing key: change one entry, then recompute every hash after it. */
	private void rewriteFrom(long from) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.executeUpdate("update " + schema + ".arc_entry set summary = '已篡改' where position = " + from);
			}
			byte[] prev;
			try (PreparedStatement statement = connection
				.prepareStatement("select entry_hash from " + schema + ".arc_entry where position = ?")) {
				statement.setLong(1, from - 1);
				try (ResultSet rs = statement.executeQuery()) {
					rs.next();
					prev = rs.getBytes(1);
				}
			}
			List<EntryRow> rows = new ArrayList<>();
			try (PreparedStatement statement = connection.prepareStatement("select " + EntryRow.COLUMNS + " from "
					+ schema + ".arc_entry where position >= ? order by position")) {
				statement.setLong(1, from);
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						rows.add(EntryRow.read(rs));
					}
				}
			}
			try (PreparedStatement update = connection.prepareStatement(
					"update " + schema + ".arc_entry set prev_hash = ?, entry_hash = ? where position = ?")) {
				for (EntryRow row : rows) {
					byte[] hash = CanonicalEncoding.entryHash(row, row.position(), prev);
					update.setBytes(1, prev);
					update.setBytes(2, hash);
					update.setLong(3, row.position());
					update.executeUpdate();
					prev = hash;
				}
			}
			connection.commit();
			connection.setAutoCommit(true);
		}
	}

	private void tamper(String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			assertThat(statement.executeUpdate(sql.formatted(schema))).isPositive();
		}
	}

	private long position(long id) {
		return jdbc.queryForObject("select position from " + schema + ".arc_entry where id = ?", Long.class, id);
	}

	private VerificationResult verify() throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return Verifier.verify(connection, keys.publicKey(), schema);
		}
	}

	private static void assertFailure(VerificationResult result, long position, Problem problem) {
		assertThat(result.valid()).as(result.summary()).isFalse();
		assertThat(result.failedPosition()).as(result.summary()).isEqualTo(position);
		assertThat(result.problem()).as(result.summary()).isEqualTo(problem);
	}
}
