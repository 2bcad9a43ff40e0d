package com.commhub.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import com.commhub.verifier.VerificationResult.Problem;

/**
 * Verifies the archive chain ({@code arc_entry}) and its signed checkpoints ({@code arc_checkpoint}) read-only,
 * with nothing but the database and the Ed25519 public key. See {@link CanonicalEncoding} for what is hashed.
 *
 * <pre>
 * java -jar commhub-verifier.jar --jdbc-url jdbc:postgresql://host/db [--user u] [--password p]
 *      --public-key archive-public.pem [--schema public]
 * </pre>
 * or, for an export package (offline, no database; see {@link ExportVerifier}):
 * <pre>
 * java -jar commhub-verifier.jar --export package.zip --public-key archive-public.pem
 * </pre>
 * Exit code 0: everything verifies; 1: verification failed (the first broken position is printed); 2: usage,
 * key or connection error.
 */
public final class Verifier {

	public static final int OK = 0;
	public static final int FAILED = 1;
	public static final int ERROR = 2;

	private static final Pattern SCHEMA = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

	private Verifier() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/** The command line without {@code System.exit}, for tests. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i < args.length; i++) {
			String name = args[i];
			if (!name.startsWith("--") || i + 1 >= args.length) {
				err.println("unexpected argument: " + name);
				return usage(err);
			}
			options.put(name.substring(2), args[++i]);
		}
		if (options.containsKey("export")) {
			return options.containsKey("public-key")
					? ExportVerifier.run(options.get("export"), options.get("public-key"), out, err) : usage(err);
		}
		String url = options.get("jdbc-url");
		String keyFile = options.get("public-key");
		String schema = options.getOrDefault("schema", "public");
		if (url == null || keyFile == null || !SCHEMA.matcher(schema).matches()) {
			return usage(err);
		}
		PublicKey key;
		try {
			key = Pem.decode(Files.readString(Path.of(keyFile), StandardCharsets.US_ASCII));
		}
		catch (IOException | GeneralSecurityException | IllegalArgumentException ex) {
			err.println("cannot read the public key " + keyFile + ": " + ex.getMessage());
			return ERROR;
		}
		Properties properties = new Properties();
		if (options.containsKey("user")) {
			properties.setProperty("user", options.get("user"));
		}
		if (options.containsKey("password")) {
			properties.setProperty("password", options.get("password"));
		}
		properties.setProperty("readOnly", "true");
		try (Connection connection = DriverManager.getConnection(url, properties)) {
			connection.setReadOnly(true);
			VerificationResult result = verify(connection, key, schema);
			out.println(result.summary());
			return result.valid() ? OK : FAILED;
		}
		catch (SQLException ex) {
			err.println("database error: " + ex.getMessage());
			return ERROR;
		}
	}

	private static int usage(PrintStream err) {
		err.println("usage: java -jar commhub-verifier.jar --jdbc-url URL [--user U] [--password P] "
				+ "--public-key archive-public.pem [--schema public]");
		err.println("   or: java -jar commhub-verifier.jar --export package.zip --public-key archive-public.pem");
		return ERROR;
	}

	/** Verifies the whole chain in schema {@code public}. */
	public static VerificationResult verify(Connection connection, PublicKey key) throws SQLException {
		return verify(connection, key, "public");
	}

	/** Verifies the whole chain, from position 1, and every checkpoint. */
	public static VerificationResult verify(Connection connection, PublicKey key, String schema) throws SQLException {
		return verify(connection, key, schema, false);
	}

	/**
	 * The cheap check for the status page: the last checkpoint's signature, that the entry at its position still has
	 * the signed hash, and the chain from there to the head.
	 */
	public static VerificationResult verifySinceLastCheckpoint(Connection connection, PublicKey key, String schema)
			throws SQLException {
		return verify(connection, key, schema, true);
	}

	private record Checkpoint(long position, byte[] entryHash, Instant signedAt, byte[] signature) {
	}

	private static VerificationResult verify(Connection connection, PublicKey key, String schema,
			boolean sinceLastCheckpoint) throws SQLException {
		if (!SCHEMA.matcher(schema).matches()) {
			throw new IllegalArgumentException("schema name " + schema);
		}
		boolean autoCommit = connection.getAutoCommit();
		int isolation = connection.getTransactionIsolation();
		if (autoCommit) {
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
		}
		try {
			return new Walk(connection, key, schema).run(sinceLastCheckpoint);
		}
		finally {
			if (autoCommit) {
				connection.rollback();
				connection.setAutoCommit(true);
				connection.setTransactionIsolation(isolation);
			}
		}
	}

	private static final class Walk {
		private final Connection connection;
		private final PublicKey key;
		private final String schema;
		private long entries;
		private long checkpointCount;
		private long expected = 1;
		private byte[] prev = CanonicalEncoding.genesis();
		private long lastGoodCheckpoint;
		private final DisposalCheck disposals = new DisposalCheck();

		Walk(Connection connection, PublicKey key, String schema) {
			this.connection = connection;
			this.key = key;
			this.schema = schema;
		}

		VerificationResult run(boolean sinceLastCheckpoint) throws SQLException {
			// checkpoints first: the sealer may add entries meanwhile, which then are only an unsigned tail
			List<Checkpoint> checkpoints = checkpoints();
			Map<Long, List<Checkpoint>> byPosition = new HashMap<>();
			for (Checkpoint checkpoint : checkpoints) {
				byPosition.computeIfAbsent(checkpoint.position(), p -> new ArrayList<>()).add(checkpoint);
			}
			long lastCheckpoint = checkpoints.isEmpty() ? 0 : checkpoints.getLast().position();
			long from = 0;
			if (sinceLastCheckpoint && lastCheckpoint > 0) {
				Checkpoint last = checkpoints.getLast();
				checkpointCount = 1;
				if (!signatureValid(last)) {
					return fail(last.position(), Problem.CHECKPOINT_SIGNATURE_INVALID, lastCheckpoint,
							"the signature does not match the public key");
				}
				EntryRow anchor = entryAt(last.position());
				if (anchor == null) {
					return fail(last.position(), Problem.ENTRY_MISSING, lastCheckpoint,
							"the checkpoint signs position " + last.position() + " but there is no such entry");
				}
				if (!MessageDigest.isEqual(anchor.entryHash(), last.entryHash())) {
					return fail(last.position(), Problem.CHAIN_REWRITTEN, lastCheckpoint,
							"the stored entry hash differs from the signed checkpoint hash");
				}
				if (!MessageDigest.isEqual(CanonicalEncoding.entryHash(anchor, last.position(), anchor.prevHash()),
						anchor.entryHash())) {
					return fail(last.position(), Problem.CONTENT_CHANGED, lastCheckpoint,
							"the entry no longer hashes to its sealed hash");
				}
				prev = last.entryHash();
				expected = last.position() + 1;
				lastGoodCheckpoint = last.position();
				from = last.position();
				byPosition.clear();
			}
			else {
				checkpointCount = checkpoints.size();
			}
			try (PreparedStatement statement = connection.prepareStatement("select " + EntryRow.COLUMNS + " from "
					+ schema + ".arc_entry where position > ? order by position, id")) {
				statement.setFetchSize(1000);
				statement.setLong(1, from);
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						VerificationResult failure = check(EntryRow.read(rs), byPosition, lastCheckpoint);
						if (failure != null) {
							return failure;
						}
					}
				}
			}
			long head = expected - 1;
			if (lastCheckpoint > head) {
				return fail(expected, Problem.ENTRY_MISSING, lastCheckpoint, "the chain ends at position " + head
						+ " but a checkpoint signs position " + lastCheckpoint + " (entries deleted at the end)");
			}
			Map.Entry<Long, Long> uncertified = disposals.firstUncertified();
			if (uncertified != null) {
				return fail(uncertified.getKey(), Problem.CONTENT_REMOVED_WITHOUT_CERTIFICATE, lastCheckpoint,
						"entry " + uncertified.getValue() + ": the content is gone but no sealed disposal certificate "
								+ "lists it");
			}
			return new VerificationResult(true, entries, checkpointCount, head,
					head == 0 ? "-" : CanonicalEncoding.hex(prev), lastCheckpoint, head - lastCheckpoint, null, null,
					"verified", disposals.disposed());
		}

		private VerificationResult check(EntryRow row, Map<Long, List<Checkpoint>> checkpoints, long lastCheckpoint) {
			long position = row.position();
			if (position > expected) {
				return fail(expected, Problem.ENTRY_MISSING, lastCheckpoint, "no entry at position " + expected
						+ (position - 1 > expected ? ".." + (position - 1) : "") + "; the next one is " + position);
			}
			if (position < expected) {
				return fail(position, Problem.ORDER_CHANGED, lastCheckpoint,
						"entry " + row.id() + " claims position " + position + " which is already taken");
			}
			if (row.plainContent() && (row.contentSha256() == null
					|| !MessageDigest.isEqual(CanonicalEncoding.sha256(row.content()), row.contentSha256()))) {
				return fail(position, Problem.CONTENT_CHANGED, lastCheckpoint,
						"entry " + row.id() + ": the content does not match its content_sha256");
			}
			if (row.prevHash() == null || !MessageDigest.isEqual(row.prevHash(), prev)) {
				return fail(position, Problem.ORDER_CHANGED, lastCheckpoint, "entry " + row.id()
						+ " was sealed after a different predecessor (its prev_hash is not the hash at position "
						+ (position - 1) + ")");
			}
			byte[] computed = CanonicalEncoding.entryHash(row, position, prev);
			if (row.entryHash() == null || !MessageDigest.isEqual(computed, row.entryHash())) {
				return fail(position, Problem.CONTENT_CHANGED, lastCheckpoint, "entry " + row.id()
						+ ": a hashed field (kind, subject, parties, classification, time, summary, content hash, "
						+ "attachments or relations) differs from what was sealed");
			}
			for (Checkpoint checkpoint : checkpoints.getOrDefault(position, List.of())) {
				if (!signatureValid(checkpoint)) {
					return fail(position, Problem.CHECKPOINT_SIGNATURE_INVALID, lastCheckpoint,
							"the checkpoint signature does not match the public key");
				}
				if (!MessageDigest.isEqual(checkpoint.entryHash(), computed)) {
					return fail(position, Problem.CHAIN_REWRITTEN, lastCheckpoint,
							"the signed hash " + CanonicalEncoding.hex(checkpoint.entryHash()) + " differs from the "
									+ "chain's " + CanonicalEncoding.hex(computed) + ": entries after position "
									+ lastGoodCheckpoint + " up to " + position + " were rewritten and re-hashed");
				}
				lastGoodCheckpoint = position;
			}
			disposals.accept(row);
			prev = computed;
			expected = position + 1;
			entries++;
			return null;
		}

		private VerificationResult fail(long position, Problem problem, long lastCheckpoint, String detail) {
			long head = expected - 1;
			return new VerificationResult(false, entries, checkpointCount, head,
					head == 0 ? "-" : CanonicalEncoding.hex(prev), lastCheckpoint, Math.max(0, head - lastCheckpoint),
					position, problem, detail, disposals.disposed());
		}

		private boolean signatureValid(Checkpoint checkpoint) {
			try {
				Signature signature = Signature.getInstance("Ed25519");
				signature.initVerify(key);
				signature.update(CanonicalEncoding.checkpoint(checkpoint.position(), checkpoint.entryHash(),
						checkpoint.signedAt()));
				return checkpoint.signature() != null && signature.verify(checkpoint.signature());
			}
			catch (GeneralSecurityException ex) {
				return false;
			}
		}

		private List<Checkpoint> checkpoints() throws SQLException {
			List<Checkpoint> result = new ArrayList<>();
			try (PreparedStatement statement = connection.prepareStatement("select position, entry_hash, signed_at, "
					+ "signature from " + schema + ".arc_checkpoint order by position, id");
					ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					result.add(new Checkpoint(rs.getLong(1), rs.getBytes(2),
							rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getBytes(4)));
				}
			}
			return result;
		}

		private EntryRow entryAt(long position) throws SQLException {
			try (PreparedStatement statement = connection.prepareStatement(
					"select " + EntryRow.COLUMNS + " from " + schema + ".arc_entry where position = ? order by id")) {
				statement.setLong(1, position);
				try (ResultSet rs = statement.executeQuery()) {
					return rs.next() ? EntryRow.read(rs) : null;
				}
			}
		}
	}
}
