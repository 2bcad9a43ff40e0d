package com.commhub.chat.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For several nodes with local Lucene indexes ({@code commhub.chat.search.peer-catch-up=true}): every few seconds
 * this node re-indexes the messages that changed since its last look, whichever node wrote them, so a search on any
 * node finds what was posted, edited or recalled through another. The look goes back {@link #OVERLAP} further than
 * the last one, for transactions that committed late and for clock skew between nodes; re-indexing is idempotent.
 * Off by default: one node indexes its own commits, and a shared Elasticsearch/OpenSearch index needs no catch-up.
 */
@Component
class PeerIndexCatchUp {

	static final Duration OVERLAP = Duration.ofSeconds(15);
	static final int BATCH = 1000;

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final boolean enabled;
	private volatile Instant watermark;

	@PersistenceContext
	private EntityManager em;

	PeerIndexCatchUp(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock,
			@Value("${commhub.chat.search.peer-catch-up:false}") boolean enabled) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.enabled = enabled;
		this.watermark = Instant.now(clock);
	}

	@Scheduled(initialDelayString = "${commhub.chat.search.peer-catch-up-interval:5s}",
			fixedDelayString = "${commhub.chat.search.peer-catch-up-interval:5s}")
	void scheduled() {
		if (enabled) {
			catchUp();
		}
	}

	/** Re-indexes what changed since the last look (minus the overlap); returns how many messages. */
	int catchUp() {
		Instant since = watermark.minus(OVERLAP);
		Instant now = Instant.now(clock);
		List<Long> ids = jdbc.sql("select id from chat_message where updated_at > ? order by updated_at limit ?")
			.params(Timestamp.from(since), BATCH).query(Long.class).list();
		if (!ids.isEmpty()) {
			transactions.executeWithoutResult(status -> {
				SearchIndexingPlan plan = Search.session(em).indexingPlan();
				em.createQuery("select m from ChatMessage m where m.id in :ids", ChatMessage.class)
					.setParameter("ids", ids).getResultList().forEach(plan::addOrUpdate);
			});
		}
		// a full batch may have left changes behind: look again from the last one next time
		watermark = ids.size() < BATCH ? now : jdbc.sql("select updated_at from chat_message where id = ?")
			.param(ids.getLast()).query(Timestamp.class).single().toInstant().plus(OVERLAP);
		return ids.size();
	}
}
