package com.commhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.commhub.archive.ArchiveRecorder;
import com.commhub.archive.NewArchiveEntry;
import com.commhub.archive.RecordKind;
import com.commhub.archive.internal.ArchiveSealer;
import com.commhub.shared.Classification;
import com.commhub.verifier.Pem;
import com.commhub.verifier.VerificationResult;
import com.commhub.verifier.Verifier;

/**
 * Two CommHub nodes on one PostgreSQL database (the scale-out of ARCHITECTURE.md): both record archive entries
 * concurrently while both sealers run, and the chain stays one gap-free, verifiable sequence (one sealer at a time);
 * an archive access request made on one node is approved on the other, and a search on the second node finds an
 * entry recorded through the first (each node keeps its own index of the whole archive). Needs the external
 * PostgreSQL (SPRING_DATASOURCE_URL's server, or 127.0.0.1:5432): tagged {@code multinode}, run by CI's last step
 * ({@code ./mvnw test -Dsurefire.excludedGroups= -Dgroups=multinode}).
 */
@Tag("multinode")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiNodeIT {

	NodeCluster cluster;

	ConfigurableApplicationContext nodeA;

	ConfigurableApplicationContext nodeB;

	@BeforeAll
	void startTwoNodes() throws Exception {
		cluster = NodeCluster.create();
		// the first node migrates the schema, loads the demo company and creates the archive keys; the second
		// shares the keys (as docs/modules/archive.md requires of every node) but has an index of its own
		nodeA = cluster.start("a");
		nodeB = cluster.start("b");
	}

	@AfterAll
	void stopNodes() throws Exception {
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	void bothNodesRecordConcurrentlyAndTheChainStaysOneVerifiableSequence() throws Exception {
		JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);
		long before = jdbc.queryForObject("select count(*) from arc_entry", Long.class);
		int threads = 4;
		int transactions = 100;
		int perTransaction = 5;
		String run = UUID.randomUUID().toString().substring(0, 8);
		try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
			List<Future<?>> writers = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				// threads alternate between the nodes, so both nodes' recorders and sealers work at the same time
				ConfigurableApplicationContext node = t % 2 == 0 ? nodeA : nodeB;
				ArchiveRecorder recorder = node.getBean(ArchiveRecorder.class);
				TransactionTemplate tx = new TransactionTemplate(node.getBean(PlatformTransactionManager.class));
				int thread = t;
				writers.add(pool.submit(() -> {
					for (int i = 0; i < transactions; i++) {
						int n = i;
						tx.executeWithoutResult(status -> {
							List<NewArchiveEntry> batch = new ArrayList<>();
							for (int k = 0; k < perTransaction; k++) {
								batch.add(NewArchiveEntry.text(RecordKind.CHAT_MESSAGE, "multinode", run + "-" + thread
										+ "-" + n + "-" + k, NewArchiveEntry.Parties.of("HT1040 林浩然", "HT1041"),
										k == 0 ? Classification.CONFIDENTIAL : Classification.INTERNAL, Instant.now(),
										"多节点测试 " + run, "第" + n + "条消息,节点" + (thread % 2 == 0 ? "甲" : "乙")));
							}
							recorder.recordAll(batch);
						});
					}
				}));
			}
			for (Future<?> writer : writers) {
				writer.get();
			}
		}
		long written = (long) threads * transactions * perTransaction;
		assertThat(jdbc.queryForObject("select count(*) from arc_entry", Long.class) - before)
			.isGreaterThanOrEqualTo(written);

		awaitAllSealed(jdbc);
		nodeB.getBean(ArchiveSealer.class).sealNow(true);
		long entries = jdbc.queryForObject("select count(*) from arc_entry", Long.class);
		long sealed = jdbc.queryForObject("select count(*) from arc_entry where position is not null", Long.class);
		long maxPosition = jdbc.queryForObject("select coalesce(max(position), 0) from arc_entry", Long.class);
		assertThat(sealed).isEqualTo(entries);
		assertThat(maxPosition).as("positions 1..n without gaps or doubles").isEqualTo(sealed);

		var publicKey = Pem.decode(Files.readString(cluster.work().resolve("keys").resolve("archive-public.pem"),
				StandardCharsets.US_ASCII));
		try (Connection connection = DriverManager.getConnection(cluster.databaseUrl(), cluster.user(),
				cluster.password())) {
			connection.setReadOnly(true);
			VerificationResult result = Verifier.verify(connection, publicKey);
			assertThat(result.valid()).as(result.summary()).isTrue();
			assertThat(result.entries()).isEqualTo(sealed);
			assertThat(result.unsignedTail()).isZero();
		}
	}

	@Test
	void accessRequestedOnOneNodeIsApprovedOnTheOtherAndSearchFindsWhatTheFirstRecorded() throws Exception {
		LocalDate day = LocalDate.of(2015, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(365));
		ArchiveRecorder recorderA = nodeA.getBean(ArchiveRecorder.class);
		new TransactionTemplate(nodeA.getBean(PlatformTransactionManager.class)).executeWithoutResult(status -> recorderA
			.record(NewArchiveEntry.text(RecordKind.MAIL, "mail", "multinode-" + day, NewArchiveEntry.Parties.of(
					"HT1040 林浩然", "HT1010 徐婷"), Classification.INTERNAL, day.atTime(10, 0).toInstant(ZoneOffset.UTC),
					"关于年度预算调整的通知", "请各部门在周五前提交预算调整方案。")));

		Api apiA = new Api(NodeCluster.port(nodeA));
		Api apiB = new Api(NodeCluster.port(nodeB));
		Map<String, Object> request = Map.of("purpose", "多节点核查", "caseReference", "MN-" + day, "people",
				List.of("HT1040"), "kinds", List.of("MAIL"), "from", day.toString(), "to", day.toString(),
				"durationDays", 1);
		Map<?, ?> created = apiA.post(Personas.COMMUNICATION_OFFICER, "/api/v1/archive/access-requests")
			.body(request)
			.retrieve()
			.body(Map.class);
		Object id = created.get("id");
		apiB.post(Personas.AUDITOR, "/api/v1/archive/access-requests/{id}/approve", id)
			.body(Map.of())
			.retrieve()
			.toBodilessEntity();

		// node B indexes what node A recorded once it is sealed; its indexer catches up on its own schedule
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		Map<?, ?> result;
		do {
			Thread.sleep(250);
			result = apiB.get(Personas.COMMUNICATION_OFFICER, "/api/v1/archive/access-requests/{id}/search?q={q}", id,
					"预算")
				.retrieve()
				.body(Map.class);
		}
		while (((Number) ((Map<?, ?>) result.get("hits")).get("total")).longValue() == 0
				&& Instant.now().isBefore(deadline));
		List<?> items = (List<?>) ((Map<?, ?>) result.get("hits")).get("items");
		assertThat(items).hasSize(1);
		assertThat(((Map<?, ?>) items.getFirst()).get("summaryHtml").toString()).contains("预算");
	}

	private static void awaitAllSealed(JdbcTemplate jdbc) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (jdbc.queryForObject("select count(*) from arc_entry where position is null", Long.class) > 0) {
			assertThat(Instant.now()).as("everything sealed within 60 s").isBefore(deadline);
			Thread.sleep(100);
		}
	}
}
