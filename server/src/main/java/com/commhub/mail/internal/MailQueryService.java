package com.commhub.mail.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.predicate.dsl.SimpleQueryFlag;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

import com.commhub.mail.FolderView;
import com.commhub.mail.LabelView;
import com.commhub.mail.MailFolder;
import com.commhub.mail.MailHit;
import com.commhub.mail.MailQueries;
import com.commhub.mail.MailSearch;
import com.commhub.mail.MailSummary;
import com.commhub.mail.MailView;
import com.commhub.security.CurrentUser;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.PageResult;

/** Reads over the caller's own mailbox items, and the search (MAIL-6). */
@Service
@Transactional(readOnly = true)
class MailQueryService implements MailQueries {

	static final int MAX_PAGE_SIZE = 100;
	/** Search pages reach this far; a narrower query finds the rest. */
	static final int MAX_SEARCH_OFFSET = 10_000;
	private static final String OPEN = "\u0001";
	private static final String CLOSE = "\u0002";

	private final MailAccess access;
	private final MailItems items;
	private final MailStore store;
	private final MailViews views;
	private final EntityManager entityManager;
	private final Clock clock;

	MailQueryService(MailAccess access, MailItems items, MailStore store, MailViews views,
			EntityManager entityManager, Clock clock) {
		this.access = access;
		this.items = items;
		this.store = store;
		this.views = views;
		this.entityManager = entityManager;
		this.clock = clock;
	}

	@Override
	public PageResult<MailSummary> folder(MailFolder folder, int page, int size) {
		Long owner = CurrentUser.require().employeeId();
		access.requireFolder(folder);
		if (owner == null) {
			return new PageResult<>(List.of(), 0, size(size), 0);
		}
		Page<MailItem> found = items.findInFolder(owner, folder.kind(), folder.customId(),
				PageRequest.of(Math.max(page, 0), size(size)));
		return new PageResult<>(views.summaries(found.getContent(), owner), found.getNumber(), found.getSize(),
				found.getTotalElements());
	}

	private static int size(int size) {
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw BusinessRuleException.invalid("size", "mail.page.size", MAX_PAGE_SIZE);
		}
		return size;
	}

	@Override
	public MailView item(long itemId) {
		return views.view(access.item(itemId));
	}

	@Override
	public MailView draft(long draftId) {
		return views.view(access.draft(draftId));
	}

	@Override
	public List<MailSummary> thread(long itemId) {
		MailItem item = access.item(itemId);
		return views.summaries(items.findThread(item.ownerEmployeeId(), item.mail().threadId()),
				item.ownerEmployeeId());
	}

	@Override
	public List<FolderView> folders() {
		Long owner = CurrentUser.require().employeeId();
		if (owner == null) {
			return List.of();
		}
		Map<String, long[]> counts = store.folderCounts(owner);
		List<FolderView> result = new ArrayList<>();
		for (MailFolder.Kind kind : MailFolder.Kind.values()) {
			if (kind != MailFolder.Kind.CUSTOM) {
				long[] c = counts.getOrDefault(kind.name(), new long[2]);
				result.add(new FolderView(new MailFolder(kind, null), kind.name(), null, c[0], c[1]));
			}
		}
		for (MailStore.Folder f : store.folders(owner)) {
			long[] c = counts.getOrDefault(Long.toString(f.id()), new long[2]);
			result.add(new FolderView(MailFolder.custom(f.id()), Long.toString(f.id()), f.name(), c[0], c[1]));
		}
		return result;
	}

	@Override
	public List<LabelView> labels() {
		Long owner = CurrentUser.require().employeeId();
		return owner == null ? List.of() : store.labels(owner);
	}

	@Override
	public long unreadInbox() {
		Long owner = CurrentUser.require().employeeId();
		return owner == null ? 0 : store.unreadInbox(owner);
	}

	@Override
	public PageResult<MailHit> search(MailSearch search, int page, int size) {
		Long owner = CurrentUser.require().employeeId();
		int limit = size(size);
		int from = Math.max(page, 0);
		if ((long) from * limit > MAX_SEARCH_OFFSET) {
			throw BusinessRuleException.invalid("page", "mail.search.page", MAX_SEARCH_OFFSET);
		}
		if (owner == null) {
			return new PageResult<>(List.of(), from, limit, 0);
		}
		MailFolder folder = search.folder() == null || search.folder().isBlank() ? null
				: MailFolder.parse(search.folder(), "folder");
		if (folder != null && folder.custom()) {
			access.requireFolder(folder);
		}
		if (search.labelId() != null) {
			access.requireLabel(search.labelId());
		}
		if (search.from() != null && search.to() != null && search.to().isBefore(search.from())) {
			throw BusinessRuleException.invalid("to", "mail.search.range");
		}
		String text = search.text() == null ? "" : search.text().strip();
		if (text.length() > 200) {
			throw BusinessRuleException.invalid("text", "mail.search.tooLong", 200);
		}
		var zone = clock.getZone();
		SearchResult<List<?>> result = Search.session(entityManager)
			.search(MailItem.class)
			.select(f -> f.composite(f.id(Long.class), f.highlight("mail.subject"), f.highlight("mail.body")))
			.where((f, root) -> {
				root.add(f.match().field("ownerEmployeeId").matching(owner));
				root.add(f.not(f.exists().field("hiddenAt")));
				if (!text.isEmpty()) {
					root.add(f.simpleQueryString().fields("mail.subject", "mail.body").matching(text)
						.defaultOperator(BooleanOperator.AND).flags(EnumSet.noneOf(SimpleQueryFlag.class)));
				}
				if (search.personEmployeeId() != null) {
					root.add(f.or(f.match().field("mail.senderEmployeeId").matching(search.personEmployeeId()),
							f.match().field("mail.recipients.employeeId").matching(search.personEmployeeId())));
				}
				if (folder != null) {
					root.add(f.match().field("folder").matching(folder.kind()));
					if (folder.custom()) {
						root.add(f.match().field("customFolderId").matching(folder.customId()));
					}
				}
				if (search.from() != null || search.to() != null) {
					Instant lower = search.from() == null ? null : search.from().atStartOfDay(zone).toInstant();
					Instant upper = search.to() == null ? null : search.to().plusDays(1).atStartOfDay(zone).toInstant();
					root.add(f.range().field("sortAt").between(lower, upper));
				}
				if (search.withAttachments() != null) {
					root.add(f.match().field("mail.hasAttachments").matching(search.withAttachments()));
				}
				if (search.classification() != null) {
					root.add(f.match().field("mail.classification").matching(search.classification()));
				}
				if (search.flagged() != null) {
					root.add(f.match().field("flagged").matching(search.flagged()));
				}
				if (search.labelId() != null) {
					root.add(f.match().field("labelIds").matching(search.labelId()));
				}
			})
			.highlighter(h -> h.plain().tag(OPEN, CLOSE).noMatchSize(120).fragmentSize(120).numberOfFragments(1))
			.sort(f -> f.field("sortAt").desc().then().score())
			.fetch(from * limit, limit);
		Map<Long, List<?>> rows = new HashMap<>();
		List<Long> ids = new ArrayList<>();
		for (List<?> row : result.hits()) {
			Long id = (Long) row.get(0);
			ids.add(id);
			rows.put(id, row);
		}
		Map<Long, MailItem> loaded = new HashMap<>();
		items.findAllById(ids).forEach(i -> loaded.put(i.id(), i));
		Map<Long, String> senders = new HashMap<>();
		List<MailHit> hits = new ArrayList<>();
		for (Long id : ids) {
			MailItem item = loaded.get(id);
			// the index may lag behind a change committed a moment ago: check ownership again on the row
			if (item == null || item.ownerEmployeeId() != owner || item.hiddenAt() != null) {
				continue;
			}
			MailMessage m = item.mail();
			String sender = senders.computeIfAbsent(m.senderEmployeeId(), s -> views.senderName(s));
			List<?> row = rows.get(id);
			String subject = first(row.get(1), m.subject());
			String snippet = m.classification().confidential() ? "" : first(row.get(2), MailViews.preview(m.bodyText()));
			hits.add(new MailHit(item.id(), m.id(), item.folder(), sender, marked(subject), marked(snippet),
					m.classification(), m.hasAttachments(), item.flagged(),
					m.sentAt() != null ? m.sentAt() : m.updatedAt()));
		}
		return new PageResult<>(hits, from, limit, result.total().hitCount());
	}

	private static String first(Object highlights, String fallback) {
		if (highlights instanceof List<?> list && !list.isEmpty() && list.get(0) != null) {
			return list.get(0).toString();
		}
		return fallback;
	}

	/** Escapes everything, then turns the highlighter's placeholder tags into {@code <mark>}. */
	static String marked(String highlighted) {
		return HtmlUtils.htmlEscape(highlighted).replace(OPEN, "<mark>").replace(CLOSE, "</mark>");
	}
}
