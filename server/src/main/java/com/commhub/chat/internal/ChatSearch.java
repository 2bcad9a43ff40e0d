package com.commhub.chat.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import com.commhub.chat.ConversationKind;
import com.commhub.chat.MessageHit;
import com.commhub.chat.MessageSearch;
import com.commhub.chat.MessageState;
import com.commhub.chat.internal.ChatStore.MessageRow;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.PageResult;

/**
 * Full-text search over chat messages (CHAT-8) with Hibernate Search: Chinese words (smartcn), restricted to the
 * viewer's conversations and to delivered messages, newest first. Snippets come from the highlighter with
 * placeholder tags; the text is HTML-escaped before the placeholders become {@code <mark>}, so a message cannot
 * inject markup into a hit. The words of 机密/绝密 messages are not in the index, so they are never found by words.
 */
@Component
class ChatSearch {

	static final int MAX_SIZE = 50;
	static final int SNIPPET = 160;
	private static final String OPEN = "\u0002";
	private static final String CLOSE = "\u0003";

	private final JdbcClient jdbc;
	private final ChatStore store;
	private final People people;
	private final ZoneId zone;

	@PersistenceContext
	private EntityManager em;

	ChatSearch(JdbcClient jdbc, ChatStore store, People people, @Value("${commhub.time-zone}") String zone) {
		this.jdbc = jdbc;
		this.store = store;
		this.people = people;
		this.zone = ZoneId.of(zone);
	}

	PageResult<MessageHit> search(long viewer, MessageSearch query, int page, int size) {
		String text = query == null || query.text() == null ? "" : query.text().strip();
		if (text.isEmpty()) {
			throw BusinessRuleException.invalid("q", "validation.required");
		}
		if (text.length() > 200) {
			throw BusinessRuleException.invalid("q", "validation.tooLong", 200);
		}
		int pageSize = Math.clamp(size, 1, MAX_SIZE);
		int pageNo = Math.max(0, page);
		Set<Long> conversations = new HashSet<>(jdbc.sql("select conversation_id from chat_member where employee_id = ?")
			.param(viewer).query(Long.class).list());
		if (query.conversationId() != null) {
			conversations.retainAll(Set.of(query.conversationId()));
		}
		if (conversations.isEmpty()) {
			return new PageResult<>(List.of(), pageNo, pageSize, 0);
		}
		LocalDate from = query.from();
		LocalDate to = query.to();
		SearchResult<List<?>> result = Search.session(em).search(ChatMessage.class)
			.select(f -> f.composite().from(f.id(Long.class), f.highlight("text")).asList())
			.where(f -> {
				var bool = f.bool();
				bool.must(f.match().field("text").matching(text).minimumShouldMatchPercent(100));
				bool.filter(f.terms().field("conversationId").matchingAny(conversations));
				bool.filter(f.match().field("state").matching(MessageState.DELIVERED));
				if (query.senderEmployeeId() != null) {
					bool.filter(f.match().field("senderEmployeeId").matching(query.senderEmployeeId()));
				}
				if (query.withAttachments() != null) {
					bool.filter(f.match().field("hasAttachments").matching(query.withAttachments()));
				}
				if (query.classification() != null) {
					bool.filter(f.match().field("classification").matching(query.classification()));
				}
				if (from != null || to != null) {
					var range = f.range().field("sentAt");
					bool.filter(from != null && to != null
							? range.between(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant())
							: from != null ? range.atLeast(from.atStartOfDay(zone).toInstant())
									: range.lessThan(to.plusDays(1).atStartOfDay(zone).toInstant()));
				}
				return bool;
			})
			.sort(f -> f.field("sentAt").desc())
			.highlighter(h -> h.unified().tag(OPEN, CLOSE).numberOfFragments(1))
			.fetch(pageNo * pageSize, pageSize);

		List<Long> ids = new ArrayList<>();
		Map<Long, String> snippets = new HashMap<>();
		for (List<?> hit : result.hits()) {
			Long id = (Long) hit.get(0);
			ids.add(id);
			@SuppressWarnings("unchecked")
			List<String> fragments = (List<String>) hit.get(1);
			snippets.put(id, fragments == null || fragments.isEmpty() ? "" : snippet(fragments.getFirst()));
		}
		List<MessageHit> hits = new ArrayList<>();
		Map<Long, String> titles = new HashMap<>();
		for (Long id : ids) {
			// the database has the last word: the index may lag a commit behind
			MessageRow row = store.message(id).orElse(null);
			if (row == null || row.state() != MessageState.DELIVERED || !conversations.contains(row.conversationId())) {
				continue;
			}
			String title = titles.computeIfAbsent(row.conversationId(), c -> title(c, viewer));
			hits.add(new MessageHit(row.id(), row.conversationId(), title, row.seq(), row.threadRootId(),
					people.of(row.senderEmployeeId()).name(), snippets.get(id), row.classification(),
					row.hasAttachments(), row.createdAt()));
		}
		return new PageResult<>(hits, pageNo, pageSize, result.total().hitCountLowerBound());
	}

	private String title(long conversationId, long viewer) {
		var c = store.conversation(conversationId).orElseThrow();
		if (c.kind() != ConversationKind.DIRECT) {
			return c.title();
		}
		return store.memberIds(conversationId).stream().filter(id -> id != viewer).findFirst()
			.map(id -> people.of(id).name()).orElse("");
	}

	/**
	 * Escapes the fragment, then turns the placeholder tags into {@code <mark>}. A long fragment is cut to about
	 * {@value #SNIPPET} characters around its first match.
	 */
	static String snippet(String fragment) {
		String text = fragment.replace("\n", " ");
		if (text.length() > SNIPPET) {
			int first = Math.max(0, text.indexOf(OPEN));
			int start = Math.max(0, first - SNIPPET / 3);
			int end = Math.min(text.length(), start + SNIPPET);
			String cut = text.substring(start, end);
			// never leave a mark open or a closing tag without its opening
			int opens = cut.length() - cut.replace(OPEN, "").length();
			int closes = cut.length() - cut.replace(CLOSE, "").length();
			if (opens > closes) {
				cut = cut + CLOSE;
			}
			text = (start > 0 ? "…" : "") + cut + (end < text.length() ? "…" : "");
		}
		return HtmlUtils.htmlEscape(text).replace(OPEN, "<mark>").replace(CLOSE, "</mark>");
	}
}
