package com.commhub.mail.internal;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Rebuilds this node's mail index when it is empty while mailbox items exist (a new node, a deleted index
 * directory): the index follows every change automatically, but only from the moment it exists.
 */
@Component
class MailIndexBootstrap {

	private static final Logger log = LoggerFactory.getLogger(MailIndexBootstrap.class);

	private final EntityManagerFactory entityManagerFactory;
	private final MailItems items;

	MailIndexBootstrap(EntityManagerFactory entityManagerFactory, MailItems items) {
		this.entityManagerFactory = entityManagerFactory;
		this.items = items;
	}

	@EventListener(ApplicationReadyEvent.class)
	void rebuildWhenEmpty() {
		long rows = items.count();
		if (rows == 0) {
			return;
		}
		long indexed;
		try (var entityManager = entityManagerFactory.createEntityManager()) {
			SearchSession session = Search.session(entityManager);
			indexed = session.search(MailItem.class).where(f -> f.matchAll()).fetchTotalHitCount();
		}
		if (indexed > 0) {
			return;
		}
		log.info("mail index is empty while {} mailbox items exist: rebuilding it", rows);
		Search.mapping(entityManagerFactory).scope(MailItem.class).massIndexer().threadsToLoadObjects(1).start()
			.whenComplete((done, failure) -> {
				if (failure != null) {
					log.error("mail index rebuild failed", failure);
				}
				else {
					log.info("mail index rebuilt");
				}
			});
	}
}
