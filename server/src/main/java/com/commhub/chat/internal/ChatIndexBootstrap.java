package com.commhub.chat.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.search.mapper.orm.Search;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rebuilds this node's chat search index in the background when it holds fewer messages than the database (a new
 * node, or an index directory that was deleted); search answers from the partial index meanwhile. Afterwards every
 * commit keeps it current. With the local Lucene backend each node indexes the messages written through it; several
 * nodes share one index through the Elasticsearch/OpenSearch backend (see docs/modules/chat.md).
 */
@Component
@Order(40)
class ChatIndexBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ChatIndexBootstrap.class);

	private final EntityManagerFactory entityManagers;
	private final JdbcClient jdbc;

	ChatIndexBootstrap(EntityManagerFactory entityManagers, JdbcClient jdbc) {
		this.entityManagers = entityManagers;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		long stored = jdbc.sql("select count(*) from chat_message").query(Long.class).single();
		long indexed;
		try (EntityManager em = entityManagers.createEntityManager()) {
			indexed = Search.session(em).search(ChatMessage.class).where(f -> f.matchAll()).fetchTotalHitCount();
		}
		if (indexed < stored) {
			log.info("chat search index holds {} of {} messages: rebuilding it in the background", indexed, stored);
			Search.mapping(entityManagers).scope(ChatMessage.class).massIndexer().purgeAllOnStart(false).start()
				.whenComplete((done, failure) -> {
					if (failure != null) {
						log.warn("rebuilding the chat search index failed", failure);
					}
					else {
						log.info("chat search index rebuilt");
					}
				});
		}
	}
}
