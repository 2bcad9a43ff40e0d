package com.commhub.archive.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionTemplate;

import com.commhub.archive.ArchiveEntryId;
import com.commhub.archive.ArchiveRecorder;
import com.commhub.archive.NewArchiveEntry;
import com.commhub.archive.RecordKind;
import com.commhub.shared.Classification;
import com.commhub.verifier.CanonicalEncoding;
import com.commhub.verifier.VerificationResult;
import com.commhub.verifier.Verifier;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Archive load generator (issue 3, "Performance"), a plain main, not a test. In one run against one embedded
 * PostgreSQL (fresh data directory, the server's Flyway migrations):
 * <ol>
 * <li>(a) archive append throughput with sealing on: N workers commit transactions of B entries each through the real
 * {@link ArchiveRecorder#recordAll} ({@code JdbcArchiveRecorder}: SHA-256, AES-256-GCM for confidential content, one
 * statement per transaction, like the batched baseline) while the real
 * {@link ArchiveSealer} runs on its schedule (200 ms, batches of 1,000, checkpoints every 1,000 entries);</li>
 * <li>(b) the baseline: the same N workers insert the same rows (content plain, hashes and JSON precomputed) with a
 * batched JDBC insert of B rows per transaction into {@code bench_plain_entry} — the same columns, no trigger,
 * no encryption, no sealing;</li>
 * <li>(c) sealing lag at a paced, sustained rate (default 2,000 entries/s for 30 s): for every transaction, the time
 * from its commit until a poller (every 10 ms) sees its last entry sealed; also {@code sealed_at − recorded_at}
 * of every entry of the phase, in SQL.</li>
 * </ol>
 * Finally the whole chain is checked with the standalone verifier. Settings are system properties
 * ({@code -Dload.workers=8 -Dload.batch=20 -Dload.warmup=5 -Dload.seconds=12 -Dload.rounds=2 -Dload.lag.rate=2000
 * -Dload.lag.seconds=30 -Dload.lag.batch=20 -Dload.lag.workers=8}); the summary (Markdown) goes to standard output.
 */
public final class ArchiveLoad {

	private static final String PLAIN_TABLE = """
			create table bench_plain_entry (
			    id                bigserial    primary key,
			    kind              varchar(32)  not null,
			    subject_type      varchar(64)  not null,
			    subject_id        varchar(128) not null,
			    parties           text         not null,
			    classification    varchar(16)  not null,
			    occurred_at       timestamptz  not null,
			    recorded_at       timestamptz  not null default now(),
			    summary           text         not null,
			    content           bytea,
			    content_key_id    varchar(32),
			    content_nonce     bytea,
			    content_sha256    bytea,
			    attachment_hashes text         not null,
			    related           text         not null,
			    position          bigint,
			    prev_hash         bytea,
			    entry_hash        bytea,
			    sealed_at         timestamptz
			);
			create index bench_plain_entry_subject_ix on bench_plain_entry (subject_type, subject_id);
			create index bench_plain_entry_occurred_ix on bench_plain_entry (occurred_at);
			""";

	private static final String PLAIN_INSERT = """
			insert into bench_plain_entry (kind, subject_type, subject_id, parties, classification, occurred_at,
			    recorded_at, summary, content, content_key_id, content_nonce, content_sha256, attachment_hashes, related)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private static final String PLAIN_INSERT_UNNEST = """
			insert into bench_plain_entry (kind, subject_type, subject_id, parties, classification, occurred_at,
			    recorded_at, summary, content, content_key_id, content_nonce, content_sha256, attachment_hashes, related)
			select kind, subject_type, subject_id, parties, classification, occurred_at::timestamptz, r.recorded_at,
			    summary, content, content_key_id, content_nonce, content_sha256, attachment_hashes, related
			from (select ?::timestamptz as recorded_at) r,
			     unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bytea[],
			            ?::text[], ?::bytea[], ?::bytea[], ?::text[], ?::text[])
			         with ordinality as e(kind, subject_type, subject_id, parties, classification, occurred_at, summary,
			            content, content_key_id, content_nonce, content_sha256, attachment_hashes, related, ord)
			order by e.ord""";

	private final Settings settings;
	private final HikariDataSource dataSource;
	private final ArchiveRecorder recorder;
	private final TransactionTemplate transactions;
	private final JdbcTemplate jdbc;
	private final Template[] templates;
	private final AtomicLong subjects = new AtomicLong();

	private ArchiveLoad(Settings settings, HikariDataSource dataSource, ArchiveRecorder recorder,
			PlatformTransactionManager transactionManager, Template[] templates) {
		this.settings = settings;
		this.dataSource = dataSource;
		this.recorder = recorder;
		this.transactions = new TransactionTemplate(transactionManager);
		this.jdbc = new JdbcTemplate(dataSource);
		this.templates = templates;
	}

	record Settings(int workers, int batch, int warmupSeconds, int seconds, int rounds, int lagRate, int lagSeconds,
			int lagBatch, int lagWorkers) {

		static Settings fromSystemProperties() {
			return new Settings(Integer.getInteger("load.workers", 8), Integer.getInteger("load.batch", 20),
					Integer.getInteger("load.warmup", 5), Integer.getInteger("load.seconds", 12),
					Integer.getInteger("load.rounds", 2), Integer.getInteger("load.lag.rate", 2000),
					Integer.getInteger("load.lag.seconds", 30), Integer.getInteger("load.lag.batch", 20),
					Integer.getInteger("load.lag.workers", 8));
		}
	}

	/** The real archive beans, wired as in the server, on the load generator's data source. */
	@Configuration(proxyBeanMethods = false)
	@EnableTransactionManagement
	@EnableScheduling
	@Import({ ArchiveKeys.class, JdbcArchiveRecorder.class, ArchiveSealer.class })
	static class LoadConfiguration {

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

	public static void main(String[] args) throws Exception {
		Settings settings = Settings.fromSystemProperties();
		Path work = Files.createTempDirectory("commhub-archive-load-");
		long started = System.nanoTime();
		progress("start " + Instant.now() + ", " + settings + ", work directory " + work);
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(work.resolve("postgres"))
			.setCleanDataDirectory(true)
			.setServerConfig("max_connections", "100")
			.setLocaleConfig("encoding", "UTF8")
			.start(); HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
			dataSource.setUsername("postgres");
			dataSource.setMaximumPoolSize(Math.max(settings.workers(), settings.lagWorkers()) + 6);
			dataSource.setPoolName("archive-load");
			Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
			new JdbcTemplate(dataSource).execute(PLAIN_TABLE);

			try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
				context.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance());
				context.getEnvironment()
					.getPropertySources()
					.addFirst(new MapPropertySource("archive-load",
							Map.of("commhub.archive.key-dir", work.resolve("keys").toString())));
				context.registerBean(DataSource.class, () -> dataSource);
				context.register(LoadConfiguration.class);
				context.refresh();
				ArchiveLoad load = new ArchiveLoad(settings, dataSource, context.getBean(ArchiveRecorder.class),
						context.getBean(PlatformTransactionManager.class), Template.corpus(2_000, 20261123L));
				load.run(context.getBean(ArchiveKeys.class), context.getBean(ArchiveSealer.class), started);
			}
		}
		finally {
			deleteQuietly(work);
		}
	}

	private void run(ArchiveKeys keys, ArchiveSealer sealer, long started) throws Exception {
		String machine = Runtime.getRuntime().availableProcessors() + " cores, load "
				+ Files.readString(Path.of("/proc/loadavg")).trim().replaceAll("^(\\S+ \\S+ \\S+).*", "$1") + ", "
				+ "Java " + Runtime.version() + ", "
				+ jdbc.queryForObject("select split_part(version(), ' ', 2)", String.class);
		progress("warm-up " + settings.warmupSeconds() + " s each");
		appendArchive(settings.warmupSeconds());
		waitUntilSealed(Duration.ofSeconds(60));
		appendPlain(settings.warmupSeconds());
		appendPlainOneStatement(settings.warmupSeconds());

		List<Phase> archive = new ArrayList<>();
		List<Phase> paused = new ArrayList<>();
		List<Phase> drained = new ArrayList<>();
		List<Phase> plain = new ArrayList<>();
		List<Phase> plainOneStatement = new ArrayList<>();
		for (int round = 1; round <= settings.rounds(); round++) {
			waitUntilSealed(Duration.ofSeconds(60));
			Phase a = appendArchive(settings.seconds());
			progress(String.format(Locale.ROOT, "round %d archive: %,.0f entries/s (sealed %,.0f/s, backlog %,d)",
					round, a.rate(), a.sealedRate(), a.backlogAfter()));
			archive.add(a);
			waitUntilSealed(Duration.ofSeconds(60));
			Phase a0 = appendArchiveSealerPaused(settings.seconds());
			progress(String.format(Locale.ROOT, "round %d archive, sealer paused: %,.0f entries/s", round, a0.rate()));
			paused.add(a0);
			Phase d = drain(Duration.ofSeconds(60));
			progress(String.format(Locale.ROOT, "round %d sealer alone: %,d entries in %.1f s, %,.0f entries/s", round,
					d.sealed(), d.seconds(), d.sealedRate()));
			drained.add(d);
			Phase b = appendPlain(settings.seconds());
			progress(String.format(Locale.ROOT, "round %d plain:   %,.0f rows/s", round, b.rate()));
			plain.add(b);
			Phase b1 = appendPlainOneStatement(settings.seconds());
			progress(String.format(Locale.ROOT, "round %d plain, one statement:   %,.0f rows/s", round, b1.rate()));
			plainOneStatement.add(b1);
		}
		waitUntilSealed(Duration.ofSeconds(60));
		Lag lag = sustained(settings.lagRate(), settings.lagSeconds());
		progress(String.format(Locale.ROOT, "lag: %,.0f entries/s, p50 %.0f ms, p99 %.0f ms", lag.achievedRate(),
				lag.percentile(0.50), lag.percentile(0.99)));
		sealer.sealNow(true);
		VerificationResult verification;
		long verifyStart = System.nanoTime();
		try (Connection connection = dataSource.getConnection()) {
			verification = Verifier.verify(connection, keys.publicKey());
		}
		double verifySeconds = (System.nanoTime() - verifyStart) / 1e9;
		printSummary(machine, archive, paused, drained, plain, plainOneStatement, lag, verification, verifySeconds,
				(System.nanoTime() - started) / 1e9);
	}

	// ---------------------------------------------------------------- (a) and (b): throughput

	/** One measured phase: rows committed, wall time, rows sealed meanwhile, unsealed rows at its end. */
	record Phase(long rows, double seconds, long sealed, long backlogAfter) {

		double rate() {
			return rows / seconds;
		}

		double sealedRate() {
			return sealed / seconds;
		}

		static double rate(List<Phase> phases) {
			return phases.stream().mapToLong(Phase::rows).sum() / phases.stream().mapToDouble(Phase::seconds).sum();
		}
	}

	private Phase appendArchive(int seconds) throws Exception {
		long sealedBefore = sealedCount();
		Phase phase = measure(seconds, (worker, random) -> {
			int batch = settings.batch();
			List<NewArchiveEntry> entries = new ArrayList<>(batch);
			for (int i = 0; i < batch; i++) {
				entries.add(next(random).entry(subjects.incrementAndGet()));
			}
			transactions.executeWithoutResult(status -> recorder.recordAll(entries));
			return batch;
		});
		long sealedAfter = sealedCount();
		return new Phase(phase.rows(), phase.seconds(), sealedAfter - sealedBefore, unsealedCount());
	}

	/**
	 * Diagnostic: the same appends while this connection holds the sealer's advisory lock, so that no sealing runs
	 * (what the recorder alone costs); the backlog is sealed afterwards, outside the measurement.
	 */
	private Phase appendArchiveSealerPaused(int seconds) throws Exception {
		try (Connection lock = dataSource.getConnection()) {
			try (var statement = lock.prepareStatement("select pg_advisory_lock(?)")) {
				statement.setLong(1, ArchiveSealer.LOCK_KEY);
				statement.execute();
			}
			try {
				return appendArchive(seconds);
			}
			finally {
				try (var statement = lock.prepareStatement("select pg_advisory_unlock(?)")) {
					statement.setLong(1, ArchiveSealer.LOCK_KEY);
					statement.execute();
				}
			}
		}
	}

	private Phase appendPlain(int seconds) throws Exception {
		return measure(seconds, (worker, random) -> {
			int batch = settings.batch();
			try (Connection connection = dataSource.getConnection()) {
				connection.setAutoCommit(false);
				try (PreparedStatement insert = connection.prepareStatement(PLAIN_INSERT)) {
					OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
					for (int i = 0; i < batch; i++) {
						next(random).bind(insert, subjects.incrementAndGet(), now);
						insert.addBatch();
					}
					insert.executeBatch();
				}
				connection.commit();
			}
			return batch;
		});
	}

	/**
	 * Diagnostic baseline (b1): the same plain rows in the recorder's statement shape, one {@code insert … select
	 * from unnest(…)} per transaction, to separate the statement shape from the archive's own work.
	 */
	private Phase appendPlainOneStatement(int seconds) throws Exception {
		return measure(seconds, (worker, random) -> {
			int batch = settings.batch();
			Template[] rows = new Template[batch];
			long[] subjectIds = new long[batch];
			for (int i = 0; i < batch; i++) {
				rows[i] = next(random);
				subjectIds[i] = subjects.incrementAndGet();
			}
			try (Connection connection = dataSource.getConnection()) {
				connection.setAutoCommit(false);
				try (PreparedStatement insert = connection.prepareStatement(PLAIN_INSERT_UNNEST)) {
					Template.bindAll(insert, rows, subjectIds, OffsetDateTime.now(ZoneOffset.UTC));
					insert.executeUpdate();
				}
				connection.commit();
			}
			return batch;
		});
	}

	/** The sealer alone: how fast it works off the backlog the paused phase left, with nothing else running. */
	private Phase drain(Duration timeout) throws InterruptedException {
		long backlog = unsealedCount();
		long start = System.nanoTime();
		waitUntilSealed(timeout);
		double seconds = (System.nanoTime() - start) / 1e9;
		long left = unsealedCount();
		return new Phase(0, seconds, backlog - left, left);
	}

	@FunctionalInterface
	interface Transaction {

		/** Commits one transaction; returns the rows it wrote. */
		int run(int worker, SplittableRandom random) throws Exception;
	}

	private Phase measure(int seconds, Transaction transaction) throws Exception {
		long start = System.nanoTime();
		long deadline = start + Duration.ofSeconds(seconds).toNanos();
		AtomicLong rows = new AtomicLong();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> futures = new ArrayList<>();
			for (int w = 0; w < settings.workers(); w++) {
				int worker = w;
				futures.add(executor.submit(() -> {
					SplittableRandom random = new SplittableRandom(31L * worker + start);
					while (System.nanoTime() < deadline) {
						rows.addAndGet(transaction.run(worker, random));
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		return new Phase(rows.get(), (System.nanoTime() - start) / 1e9, 0, 0);
	}

	// ---------------------------------------------------------------- (c): sealing lag at a sustained rate

	/** Lags from commit to sealed (ms) per transaction (polled), and sealed_at − recorded_at over all entries. */
	record Lag(int targetRate, double achievedRate, long entries, double[] polledMillis, long unsealedSamples,
			double sqlP50, double sqlP99, double sqlMax, long checkpoints) {

		double percentile(double p) {
			if (polledMillis.length == 0) {
				return Double.NaN;
			}
			int index = (int) Math.ceil(p * polledMillis.length) - 1;
			return polledMillis[Math.clamp(index, 0, polledMillis.length - 1)];
		}

		double max() {
			return polledMillis.length == 0 ? Double.NaN : polledMillis[polledMillis.length - 1];
		}
	}

	private Lag sustained(int rate, int seconds) throws Exception {
		progress("sustained " + rate + " entries/s for " + seconds + " s");
		int batch = settings.lagBatch();
		long intervalNanos = Math.round(batch * 1e9 / rate);
		long transactionsTotal = (long) rate * seconds / batch;
		long checkpointsBefore = jdbc.queryForObject("select count(*) from arc_checkpoint", Long.class);
		Map<Long, Long> pending = new ConcurrentHashMap<>(); // last entry id → commit time (nanoTime)
		List<Double> lags = java.util.Collections.synchronizedList(new ArrayList<>());
		AtomicBoolean polling = new AtomicBoolean(true);
		AtomicLong minId = new AtomicLong(Long.MAX_VALUE);
		AtomicLong maxId = new AtomicLong();
		AtomicLong next = new AtomicLong();
		AtomicLong rows = new AtomicLong();
		Thread poller = Thread.ofPlatform().name("lag-poller").start(() -> {
			while (polling.get() || !pending.isEmpty()) {
				long pollStart = System.nanoTime();
				if (!pending.isEmpty()) {
					Long[] ids = pending.keySet().toArray(Long[]::new);
					List<Long> sealed = jdbc.queryForList(
							"select id from arc_entry where id = any(?) and position is not null", Long.class,
							(Object) ids);
					for (Long id : sealed) {
						Long committed = pending.remove(id);
						if (committed != null) {
							lags.add((pollStart - committed) / 1e6);
						}
					}
				}
				LockSupport.parkNanos(Math.max(0, 10_000_000 - (System.nanoTime() - pollStart)));
			}
		});
		long start = System.nanoTime();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> futures = new ArrayList<>();
			for (int w = 0; w < settings.lagWorkers(); w++) {
				int worker = w;
				futures.add(executor.submit(() -> {
					SplittableRandom random = new SplittableRandom(97L * worker + start);
					for (long k = next.getAndIncrement(); k < transactionsTotal; k = next.getAndIncrement()) {
						long due = start + k * intervalNanos;
						long wait = due - System.nanoTime();
						if (wait > 0) {
							LockSupport.parkNanos(wait);
						}
						List<NewArchiveEntry> entries = new ArrayList<>(batch);
						for (int i = 0; i < batch; i++) {
							entries.add(next(random).entry(subjects.incrementAndGet()));
						}
						List<ArchiveEntryId> recorded = transactions.execute(status -> recorder.recordAll(entries));
						long[] ids = { recorded.getFirst().value(), recorded.getLast().value() };
						long committed = System.nanoTime();
						pending.put(ids[1], committed);
						minId.accumulateAndGet(ids[0], Math::min);
						maxId.accumulateAndGet(ids[1], Math::max);
						rows.addAndGet(batch);
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		long drainDeadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!pending.isEmpty() && System.nanoTime() < drainDeadline) {
			Thread.sleep(50);
		}
		polling.set(false);
		long unsealed = pending.size();
		pending.clear();
		poller.join();
		double[] polled = lags.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		double[] sql = jdbc.queryForObject("""
				select percentile_cont(0.5) within group (order by extract(epoch from sealed_at - recorded_at)),
				       percentile_cont(0.99) within group (order by extract(epoch from sealed_at - recorded_at)),
				       max(extract(epoch from sealed_at - recorded_at))
				from arc_entry where id between ? and ? and sealed_at is not null""",
				(rs, n) -> new double[] { rs.getDouble(1) * 1000, rs.getDouble(2) * 1000, rs.getDouble(3) * 1000 },
				minId.get(), maxId.get());
		long checkpoints = jdbc.queryForObject("select count(*) from arc_checkpoint", Long.class) - checkpointsBefore;
		return new Lag(rate, rows.get() / elapsed, rows.get(), polled, unsealed, sql[0], sql[1], sql[2], checkpoints);
	}

	// ---------------------------------------------------------------- helpers

	private Template next(SplittableRandom random) {
		return templates[random.nextInt(templates.length)];
	}

	private long sealedCount() {
		return jdbc.queryForObject("select count(*) from arc_entry where position is not null", Long.class);
	}

	private long unsealedCount() {
		return jdbc.queryForObject("select count(*) from arc_entry where position is null", Long.class);
	}

	private void waitUntilSealed(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (unsealedCount() > 0) {
			if (System.nanoTime() > deadline) {
				progress("the sealer did not catch up within " + timeout + "; continuing with a backlog");
				return;
			}
			Thread.sleep(100);
		}
	}

	private void printSummary(String machine, List<Phase> archive, List<Phase> paused, List<Phase> drained,
			List<Phase> plain, List<Phase> plainOneStatement, Lag lag, VerificationResult verification,
			double verifySeconds, double totalSeconds) {
		double a = Phase.rate(archive);
		double b = Phase.rate(plain);
		double b1 = Phase.rate(plainOneStatement);
		double sealerAlone = drained.stream().mapToLong(Phase::sealed).sum()
				/ drained.stream().mapToDouble(Phase::seconds).sum();
		double ratio = a / b;
		long confidential = jdbc.queryForObject(
				"select count(*) from arc_entry where content_key_id is not null", Long.class);
		long total = jdbc.queryForObject("select count(*) from arc_entry", Long.class);
		StringBuilder out = new StringBuilder();
		out.append("### Archive append and sealing (ArchiveLoad)\n\n");
		out.append("Machine: ").append(machine).append("\n\n");
		out.append(String.format(Locale.ROOT,
				"Settings: %d workers (virtual threads), %d entries per transaction (one `ArchiveRecorder.recordAll` "
						+ "call), warm-up %d s, %d rounds of %d s per side (archive, archive with the sealer paused, "
						+ "plain batch and plain one-statement alternate); lag phase %,d entries/s for %d s, %d entries per "
						+ "transaction, %d workers; sealer delay 200 ms, batch 1,000, checkpoint every 1,000 entries.%n%n",
				settings.workers(), settings.batch(), settings.warmupSeconds(), settings.rounds(), settings.seconds(),
				settings.lagRate(), settings.lagSeconds(), settings.lagBatch(), settings.lagWorkers()));
		out.append(String.format(Locale.ROOT,
				"Entries: mean summary %d bytes, mean content %d bytes (UTF-8), %.0f%% confidential (AES-256-GCM); "
						+ "archive rows at the end: %,d, of which %,d encrypted.%n%n",
				Template.meanSummaryBytes(templates), Template.meanContentBytes(templates),
				100.0 * Template.confidentialShare(templates), total, confidential));
		out.append("| Measure | Round | Rows | Seconds | Rows/s | Sealed meanwhile /s | Unsealed at end |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|\n");
		for (int i = 0; i < archive.size(); i++) {
			Phase p = archive.get(i);
			out.append(String.format(Locale.ROOT, "| (a) archive append, sealing on | %d | %,d | %.1f | %,.0f | %,.0f | %,d |%n",
					i + 1, p.rows(), p.seconds(), p.rate(), p.sealedRate(), p.backlogAfter()));
		}
		for (int i = 0; i < paused.size(); i++) {
			Phase p = paused.get(i);
			out.append(String.format(Locale.ROOT,
					"| (a0) archive append, sealer paused (diagnostic) | %d | %,d | %.1f | %,.0f | %,.0f | %,d |%n",
					i + 1, p.rows(), p.seconds(), p.rate(), p.sealedRate(), p.backlogAfter()));
		}
		for (int i = 0; i < drained.size(); i++) {
			Phase p = drained.get(i);
			out.append(String.format(Locale.ROOT,
					"| (d) sealer alone, working off the (a0) backlog (diagnostic) | %d | – | %.1f | – | %,.0f | %,d |%n",
					i + 1, p.seconds(), p.sealedRate(), p.backlogAfter()));
		}
		for (int i = 0; i < plain.size(); i++) {
			Phase p = plain.get(i);
			out.append(String.format(Locale.ROOT, "| (b) plain batched JDBC insert | %d | %,d | %.1f | %,.0f | – | – |%n",
					i + 1, p.rows(), p.seconds(), p.rate()));
		}
		for (int i = 0; i < plainOneStatement.size(); i++) {
			Phase p = plainOneStatement.get(i);
			out.append(String.format(Locale.ROOT,
					"| (b1) plain insert, one unnest statement (diagnostic) | %d | %,d | %.1f | %,.0f | – | – |%n",
					i + 1, p.rows(), p.seconds(), p.rate()));
		}
		out.append('\n');
		out.append("| Result | Value |\n|---|---:|\n");
		out.append(String.format(Locale.ROOT, "| (a) archive append, entries/s (all rounds) | %,.0f |%n", a));
		out.append(String.format(Locale.ROOT, "| (b) plain insert, rows/s (all rounds) | %,.0f |%n", b));
		out.append(String.format(Locale.ROOT, "| ratio a/b | %.2f |%n", ratio));
		out.append(String.format(Locale.ROOT, "| (a0) archive append with the sealer paused, entries/s; ratio a0/b | %,.0f; %.2f |%n",
				Phase.rate(paused), Phase.rate(paused) / b));
		out.append(String.format(Locale.ROOT, "| (b1) plain one-statement insert, rows/s; ratios a/b1, a0/b1 | %,.0f; %.2f, %.2f |%n",
				b1, a / b1, Phase.rate(paused) / b1));
		out.append(String.format(Locale.ROOT, "| (d) sealer alone, entries/s (all rounds) | %,.0f |%n", sealerAlone));
		out.append(String.format(Locale.ROOT, "| (c) sustained rate: target / achieved entries/s | %,d / %,.0f |%n",
				lag.targetRate(), lag.achievedRate()));
		out.append(String.format(Locale.ROOT,
				"| (c) commit → sealed, polled every 10 ms, %,d transactions: p50 / p99 / max | %.0f / %.0f / %.0f ms |%n",
				lag.polledMillis().length, lag.percentile(0.50), lag.percentile(0.99), lag.max()));
		out.append(String.format(Locale.ROOT,
				"| (c) sealed_at − recorded_at, %,d entries: p50 / p99 / max | %.0f / %.0f / %.0f ms |%n",
				lag.entries(), lag.sqlP50(), lag.sqlP99(), lag.sqlMax()));
		out.append(String.format(Locale.ROOT, "| (c) transactions not sealed within 20 s after the phase | %,d |%n",
				lag.unsealedSamples()));
		out.append(String.format(Locale.ROOT, "| (c) checkpoints signed during the phase | %,d |%n", lag.checkpoints()));
		out.append(String.format(Locale.ROOT, "| chain verified by the standalone verifier (%.1f s) | %s |%n",
				verifySeconds, verification.summary().replace("|", "/")));
		out.append(String.format(Locale.ROOT, "| total run time | %.0f s |%n%n", totalSeconds));
		double p99 = Math.max(lag.percentile(0.99), lag.sqlP99());
		boolean rateHeld = lag.achievedRate() >= 0.98 * lag.targetRate() && lag.unsealedSamples() == 0;
		out.append("| Goal (issue 3) | Measured | Met |\n|---|---|---|\n");
		out.append(String.format(Locale.ROOT, "| archive append ≥ 0.5 × plain insert | %.2f × | %s |%n", ratio,
				ratio >= 0.5 ? "met" : "not met"));
		out.append(String.format(Locale.ROOT,
				"| sealing lag p99 < 2 s at %,d entries/s | p99 %.0f ms (worse of the two measures) at %,.0f entries/s | %s |%n",
				lag.targetRate(), p99, lag.achievedRate(), p99 < 2000 && rateHeld ? "met" : "not met"));
		System.out.print(out);
		System.out.flush();
	}

	private static void progress(String message) {
		System.err.println("[archive-load " + Instant.now().toString().substring(11, 19) + "] " + message);
	}

	private static void deleteQuietly(Path directory) {
		try (var paths = Files.walk(directory)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (Exception ex) {
			progress("could not delete " + directory + ": " + ex.getMessage());
		}
	}

	// ---------------------------------------------------------------- the entries

	/**
	 * One kind of entry: the same values go through the recorder (a) and the plain insert (b); for (b) the JSON texts
	 * and the content hash are precomputed, the content is never encrypted. Each use gets a new subject id.
	 */
	record Template(RecordKind kind, String subjectType, NewArchiveEntry.Parties parties, String partiesJson,
			Classification classification, Instant occurredAt, String summary, byte[] content, byte[] contentSha256,
			List<String> attachments, String attachmentsJson, List<NewArchiveEntry.Related> related,
			String relatedJson) {

		NewArchiveEntry entry(long subject) {
			return new NewArchiveEntry(kind, subjectType, subjectType + "-" + subject, parties, classification,
					occurredAt, summary, content, attachments, related);
		}

		void bind(PreparedStatement insert, long subject, OffsetDateTime recordedAt) throws SQLException {
			insert.setString(1, kind.name());
			insert.setString(2, subjectType);
			insert.setString(3, subjectType + "-" + subject);
			insert.setString(4, partiesJson);
			insert.setString(5, classification.name());
			insert.setObject(6, OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC));
			insert.setObject(7, recordedAt);
			insert.setString(8, summary);
			insert.setBytes(9, content);
			insert.setNull(10, Types.VARCHAR);
			insert.setNull(11, Types.BINARY);
			insert.setBytes(12, contentSha256);
			insert.setString(13, attachmentsJson);
			insert.setString(14, relatedJson);
		}

		static void bindAll(PreparedStatement insert, Template[] rows, long[] subjects, OffsetDateTime recordedAt)
				throws SQLException {
			int n = rows.length;
			String[][] text = new String[10][n];
			byte[][][] binary = new byte[3][n][];
			for (int i = 0; i < n; i++) {
				Template t = rows[i];
				text[0][i] = t.kind().name();
				text[1][i] = t.subjectType();
				text[2][i] = t.subjectType() + "-" + subjects[i];
				text[3][i] = t.partiesJson();
				text[4][i] = t.classification().name();
				text[5][i] = t.occurredAt().toString();
				text[6][i] = t.summary();
				binary[0][i] = t.content();
				binary[2][i] = t.contentSha256();
				text[8][i] = t.attachmentsJson();
				text[9][i] = t.relatedJson();
			}
			insert.setObject(1, recordedAt);
			for (int c = 0; c < 7; c++) {
				insert.setObject(2 + c, text[c]);
			}
			insert.setObject(9, binary[0]);
			insert.setObject(10, text[7]); // content_key_id: all null
			insert.setObject(11, binary[1]); // content_nonce: all null
			insert.setObject(12, binary[2]);
			insert.setObject(13, text[8]);
			insert.setObject(14, text[9]);
		}

		private static final String[] WORDS = { "项目", "进度", "会议", "纪要", "客户", "合同", "审批", "预算", "报价",
				"需求", "评审", "上线", "测试", "版本", "发布", "部门", "通知", "安排", "确认", "附件", "数据", "报表",
				"季度", "销售", "华东", "华南", "研发", "平台", "产品", "采购", "供应商", "发票", "付款", "流程",
				"人事", "招聘", "培训", "考勤", "请假", "出差", "报销", "服务器", "网络", "安全", "整改", "检查", "方案",
				"计划", "目标", "风险", "问题", "反馈", "处理", "跟进", "明天", "下午", "上午", "今天", "尽快", "请",
				"已经", "需要", "我们", "大家", "负责", "完成", "提交", "修改", "补充", "说明" };

		private static final String[] NAMES = { "HT1001 张伟", "HT1010 李娜", "HT1020 王芳", "HT1030 刘洋",
				"HT1040 陈静", "HT1041 杨磊", "HT1052 赵敏", "HT1063 黄勇", "HT1071 周杰", "HT1075 吴刚" };

		static Template[] corpus(int size, long seed) {
			SplittableRandom random = new SplittableRandom(seed);
			Instant base = Instant.parse("2026-11-23T00:00:00Z");
			Template[] corpus = new Template[size];
			for (int i = 0; i < size; i++) {
				int roll = random.nextInt(100);
				RecordKind kind = roll < 50 ? RecordKind.CHAT_MESSAGE
						: roll < 75 ? RecordKind.MAIL
								: roll < 90 ? RecordKind.AUDIT_EVENT : roll < 95 ? RecordKind.TASK_RECORD
										: RecordKind.MEETING_MINUTES;
				String subjectType = switch (kind) {
					case CHAT_MESSAGE -> "chat-message";
					case MAIL -> "mail";
					case AUDIT_EVENT -> "audit-event";
					case TASK_RECORD -> "task";
					default -> "meeting";
				};
				int level = random.nextInt(100);
				Classification classification = level < 10 ? Classification.CONFIDENTIAL
						: level < 12 ? Classification.TOP_SECRET : level < 40 ? Classification.PUBLIC
								: Classification.INTERNAL;
				String sender = NAMES[random.nextInt(NAMES.length)];
				List<String> recipients = new ArrayList<>();
				for (int r = 1 + random.nextInt(3); r > 0; r--) {
					recipients.add(NAMES[random.nextInt(NAMES.length)]);
				}
				NewArchiveEntry.Parties parties = new NewArchiveEntry.Parties(sender, recipients,
						random.nextInt(10) == 0 ? List.of("华信智联科技股份有限公司") : List.of());
				String summary = text(random, 80);
				byte[] content = text(random, 300).getBytes(StandardCharsets.UTF_8);
				List<String> attachments = random.nextInt(10) == 0
						? List.of(CanonicalEncoding.hex(CanonicalEncoding.sha256(("attachment-" + i).getBytes(
								StandardCharsets.UTF_8))))
						: List.of();
				List<NewArchiveEntry.Related> related = random.nextInt(20) == 0
						? List.of(new NewArchiveEntry.Related(NewArchiveEntry.Relation.REPLY_TO,
								new ArchiveEntryId(1 + random.nextInt(1000))))
						: List.of();
				corpus[i] = new Template(kind, subjectType, parties, JdbcArchiveRecorder.parties(parties),
						classification, base.plusMillis(random.nextLong(86_400_000L)), summary, content,
						CanonicalEncoding.sha256(content), attachments, JdbcArchiveRecorder.attachments(attachments),
						related, JdbcArchiveRecorder.related(related));
			}
			return corpus;
		}

		/** Chinese words with an occasional comma, up to about {@code bytes} UTF-8 bytes. */
		private static String text(SplittableRandom random, int bytes) {
			StringBuilder text = new StringBuilder();
			int length = 0;
			while (length < bytes - 8) {
				String word = WORDS[random.nextInt(WORDS.length)];
				text.append(word);
				length += word.getBytes(StandardCharsets.UTF_8).length;
				if (random.nextInt(6) == 0) {
					text.append('，');
					length += 3;
				}
			}
			return text.append('。').toString();
		}

		static int meanSummaryBytes(Template[] templates) {
			return (int) Arrays.stream(templates)
				.mapToInt(t -> t.summary().getBytes(StandardCharsets.UTF_8).length)
				.average()
				.orElse(0);
		}

		static int meanContentBytes(Template[] templates) {
			return (int) Arrays.stream(templates).mapToInt(t -> t.content().length).average().orElse(0);
		}

		static double confidentialShare(Template[] templates) {
			return Arrays.stream(templates).filter(t -> t.classification().confidential()).count()
					/ (double) templates.length;
		}
	}
}
