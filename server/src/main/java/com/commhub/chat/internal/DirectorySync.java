package com.commhub.chat.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.commhub.chat.ConversationKind;
import com.commhub.chat.ConversationPolicy;
import com.commhub.chat.MembershipChanged;
import com.commhub.chat.internal.ChatStore.ConversationRow;
import com.commhub.chat.internal.ChatStore.MemberRow;
import com.commhub.compliance.Channel;
import com.commhub.compliance.ClassificationDefaults;
import com.commhub.directory.DepartmentView;
import com.commhub.directory.GroupView;
import com.commhub.directory.Organisation;
import com.commhub.security.DirectoryLookup;

/**
 * Keeps department channels and project conversations in step with the directory (CHAT-1): one channel per active
 * department (everyone in the department and its sub-departments; the head owns it), and each PROJECT conversation
 * has its directory group's members and owners. Runs at startup after the demo company is loaded
 * ({@code DemoCompanyLoader} is {@code @Order(20)}) and every minute; a PostgreSQL advisory lock lets one node run it
 * at a time. Channels of departments that were deactivated keep their members and history (nothing is deleted).
 */
@Component
@Order(30)
class DirectorySync implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DirectorySync.class);
	private static final long LOCK = 0x43484154_53594e43L; // "CHATSYNC"

	private final ChatStore store;
	private final Organisation organisation;
	private final DirectoryLookup directory;
	private final ClassificationDefaults classifications;
	private final People people;
	private final ApplicationEventPublisher events;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Clock clock;

	DirectorySync(ChatStore store, Organisation organisation, DirectoryLookup directory,
			ClassificationDefaults classifications, People people, ApplicationEventPublisher events, JdbcClient jdbc,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.store = store;
		this.organisation = organisation;
		this.directory = directory;
		this.classifications = classifications;
		this.people = people;
		this.events = events;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		sync();
	}

	@Scheduled(initialDelayString = "${commhub.chat.sync-interval:60s}", fixedDelayString = "${commhub.chat.sync-interval:60s}")
	void scheduled() {
		try {
			sync();
		}
		catch (RuntimeException ex) {
			log.warn("chat directory sync failed; retried in a minute", ex);
		}
	}

	/** One pass; returns how many memberships changed (0 when another node holds the lock). */
	int sync() {
		Integer changed = transactions.execute(status -> {
			Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single();
			if (!Boolean.TRUE.equals(locked)) {
				return 0;
			}
			int count = 0;
			Instant now = Instant.now(clock);
			for (DepartmentView d : organisation.activeDepartments()) {
				count += department(d, now);
			}
			for (GroupView g : organisation.activeGroups()) {
				count += project(g, now);
			}
			return count;
		});
		if (changed != null && changed > 0) {
			people.refresh();
			log.info("chat directory sync: {} membership changes", changed);
		}
		return changed == null ? 0 : changed;
	}

	private int department(DepartmentView d, Instant now) {
		ConversationRow channel = store.departmentChannel(d.id()).orElse(null);
		long id = channel != null ? channel.id()
				: store.insertConversation(ConversationKind.DEPARTMENT, d.name(), null,
						classifications.defaultFor(Channel.CHAT), ConversationPolicy.EVERYONE, ConversationPolicy.OWNERS,
						d.id(), null, null, null, now);
		if (channel != null && !d.name().equals(channel.title())) {
			store.updateSettings(id, d.name(), channel.topic(), channel.classification(), channel.postingPolicy(),
					channel.invitePolicy());
		}
		Map<Long, Boolean> wanted = new HashMap<>();
		directory.employeesInDepartmentTree(d.id()).forEach(e -> wanted.put(e, false));
		if (d.headId() != null && wanted.containsKey(d.headId())) {
			wanted.put(d.headId(), true); // an active head owns the channel
		}
		return apply(id, wanted, now);
	}

	private int project(GroupView g, Instant now) {
		ConversationRow conversation = store.projectConversation(g.id()).orElse(null);
		if (conversation == null) {
			return 0; // a member creates it; the sync only keeps existing ones in step
		}
		Map<Long, Boolean> wanted = new HashMap<>();
		g.members().forEach(m -> wanted.put(m.employeeId(), m.owner()));
		return apply(conversation.id(), wanted, now);
	}

	/** Makes the members (and their owner flags) exactly {@code wanted}; publishes what changed. */
	private int apply(long conversationId, Map<Long, Boolean> wanted, Instant now) {
		List<MemberRow> current = store.members(conversationId);
		Set<Long> present = new HashSet<>();
		List<Long> removed = new ArrayList<>();
		int changes = 0;
		for (MemberRow m : current) {
			present.add(m.employeeId());
			Boolean owner = wanted.get(m.employeeId());
			if (owner == null) {
				store.removeMember(conversationId, m.employeeId());
				removed.add(m.employeeId());
			}
			else if (owner != m.owner()) {
				store.setOwner(conversationId, m.employeeId(), owner);
				changes++;
			}
		}
		List<Long> added = new ArrayList<>();
		wanted.forEach((employeeId, owner) -> {
			if (!present.contains(employeeId)) {
				added.addAll(store.addMembers(conversationId, List.of(employeeId), owner, now));
			}
		});
		if (!added.isEmpty() || !removed.isEmpty()) {
			events.publishEvent(new MembershipChanged(conversationId, added, removed));
		}
		return changes + added.size() + removed.size();
	}
}
