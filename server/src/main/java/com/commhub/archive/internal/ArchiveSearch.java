package com.commhub.archive.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.commhub.archive.AccessRequestView;
import com.commhub.archive.ArchiveRecordView;
import com.commhub.archive.ArchiveSearchHit;
import com.commhub.archive.ArchiveSearchQuery;
import com.commhub.archive.ArchiveSearchResult;
import com.commhub.archive.RecordKind;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.Classification;
import com.commhub.shared.NotFoundException;
import com.commhub.shared.PageResult;
import com.commhub.shared.TimeFilter;

/**
 * Search and reading within an approved access request (ARC-4). Only the requester, only while the request is
 * active, only entries in its scope; everything else is 404. Each search and each opened record is recorded
 * ({@link AccessLog}) in the same transaction as the read.
 */
@Service
public class ArchiveSearch {

	public static final int PAGE_SIZE = 20;
	static final int MAX_HITS = 10_000;

	private final AccessRequests requests;
	private final ArchiveIndex index;
	private final ArchiveEntries entries;
	private final AccessLog log;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final int confidentialScanLimit;

	ArchiveSearch(AccessRequests requests, ArchiveIndex index, ArchiveEntries entries, AccessLog log,
			PlatformTransactionManager transactionManager, Clock clock,
			@Value("${commhub.archive.search.confidential-scan-limit:2000}") int confidentialScanLimit) {
		this.requests = requests;
		this.index = index;
		this.entries = entries;
		this.log = log;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.confidentialScanLimit = confidentialScanLimit;
	}

	/** The active request of the current user, or 404. */
	public AccessRequestView active(long requestId) {
		return requests.requireActive(requestId);
	}

	private record Filter(String q, RecordKind kind, String party, Instant from, Instant to,
			Classification classification) {
	}

	private Filter parse(ArchiveSearchQuery query) {
		RecordKind kind = blank(query.kind()) ? null : AccessRequests.kind(query.kind(), "kind");
		Instant from = TimeFilter.bound("from", query.from(), clock.getZone(), false, "archive.access.badDate");
		Instant to = TimeFilter.bound("to", query.to(), clock.getZone(), true, "archive.access.badDate");
		if (from != null && to != null && !from.isBefore(to)) {
			throw BusinessRuleException.invalid("to", "archive.access.datesReversed");
		}
		Classification classification = null;
		if (!blank(query.classification())) {
			classification = Classification.parse(query.classification())
				.orElseThrow(() -> BusinessRuleException.invalid("classification", "validation.badValue"));
		}
		if (query.q() != null && query.q().length() > 500) {
			throw BusinessRuleException.invalid("q", "archive.access.tooLong", 500);
		}
		return new Filter(blank(query.q()) ? null : query.q().trim(), kind,
				blank(query.party()) ? null : query.party().trim(), from, to, classification);
	}

	public ArchiveSearchResult search(long requestId, ArchiveSearchQuery query, int page) {
		AccessRequestView request = requests.requireActive(requestId);
		Filter filter = parse(query);
		int pageNumber = Math.max(page, 0);
		return transactions.execute(status -> {
			AccessScope scope = AccessRequests.scope(request);
			Matches matches = matching(scope, filter);
			List<ArchiveIndex.Hit> hits = matches.hits();
			Set<String> words = matches.words();
			List<ArchiveSearchHit> items = new ArrayList<>();
			int first = Math.min(hits.size(), pageNumber * PAGE_SIZE);
			for (ArchiveIndex.Hit hit : hits.subList(first, Math.min(hits.size(), first + PAGE_SIZE))) {
				ArchiveEntries.Entry entry = entries.find(hit.id()).orElseThrow();
				if (!scope.covers(entry.kind(), entry.parties(), entry.occurredAt(), entry.classification())) {
					throw new IllegalStateException("archive index returned entry " + hit.id() + " outside the scope");
				}
				String content = entry.hasContent() ? entries.contentText(entry.id()) : null;
				items.add(new ArchiveSearchHit(entry.id(), entry.kind(), entry.classification(), entry.occurredAt(),
						entry.sender(), entry.position(), Highlights.html(index, entry.summary(), words),
						Highlights.snippet(index, content, words)));
			}
			log.record(request, AccessLog.Action.SEARCH, null, describe(filter, hits.size()),
					"{\"request\":" + request.id() + ",\"q\":" + Json.string(filter.q()) + ",\"kind\":"
							+ Json.string(filter.kind() == null ? null : filter.kind().name()) + ",\"party\":"
							+ Json.string(filter.party()) + ",\"from\":" + Json.string(string(filter.from()))
							+ ",\"to\":" + Json.string(string(filter.to())) + ",\"classification\":"
							+ Json.string(filter.classification() == null ? null : filter.classification().name())
							+ ",\"page\":" + pageNumber + ",\"total\":" + hits.size() + ",\"shown\":["
							+ items.stream().map(i -> String.valueOf(i.entryId())).collect(Collectors.joining(","))
							+ "]}");
			return new ArchiveSearchResult(new PageResult<>(items, pageNumber, PAGE_SIZE, hits.size()),
					matches.terms(), matches.capped());
		});
	}

	/** Opens one record in the request's scope (404 outside it) and records the view. */
	public ArchiveRecordView open(long requestId, long entryId) {
		AccessRequestView request = requests.requireActive(requestId);
		AccessScope scope = AccessRequests.scope(request);
		ArchiveEntries.Entry entry = entries.find(entryId)
			.filter(e -> scope.covers(e.kind(), e.parties(), e.occurredAt(), e.classification()))
			.orElseThrow(() -> new NotFoundException("archive entry", entryId));
		return transactions.execute(status -> {
			String content = entry.hasContent() ? entries.contentText(entryId) : null;
			log.record(request, AccessLog.Action.VIEW, entryId, "entry " + entryId,
					"{\"request\":" + request.id() + ",\"entry\":" + entryId + "}");
			Query referring = new BooleanQuery.Builder().add(ArchiveIndex.scopeQuery(scope), Occur.FILTER)
				.add(ArchiveIndex.term(ArchiveIndex.RELATED, Long.toString(entryId)), Occur.FILTER)
				.build();
			List<ArchiveEntries.Entry> referencedBy = index.find(referring, 100).stream()
				.map(hit -> entries.find(hit.id()).orElseThrow())
				.toList();
			return entries.view(entry, content, referencedBy);
		});
	}

	/**
	 * The ids of every entry in the request's scope narrowed by the query (all of them when it is empty), newest
	 * first, for an export. Does not record anything: the export records itself.
	 */
	public List<Long> idsInScope(long requestId, ArchiveSearchQuery query) {
		AccessRequestView request = requests.requireActive(requestId);
		Filter filter = parse(query);
		return matching(AccessRequests.scope(request), filter).hits().stream().map(ArchiveIndex.Hit::id).toList();
	}

	private record Matches(List<ArchiveIndex.Hit> hits, Set<String> words, List<String> terms, boolean capped) {
	}

	/**
	 * One whitespace-separated piece of the query. The segmenter may cut a lone word differently than the same word
	 * inside a sentence (过期 alone gives 过|期, in 过期聊天 it gives 过期), so a piece matches when the text holds
	 * it as one word or holds all of its parts.
	 */
	record QueryWord(String whole, List<String> parts) {

		boolean matches(Set<String> textWords) {
			return textWords.contains(whole) || textWords.containsAll(parts);
		}

		Query query() {
			if (parts.size() == 1 && parts.getFirst().equals(whole)) {
				return ArchiveIndex.term(ArchiveIndex.TEXT, whole);
			}
			BooleanQuery.Builder all = new BooleanQuery.Builder();
			parts.forEach(p -> all.add(ArchiveIndex.term(ArchiveIndex.TEXT, p), Occur.MUST));
			return new BooleanQuery.Builder().add(ArchiveIndex.term(ArchiveIndex.TEXT, whole), Occur.SHOULD)
				.add(all.build(), Occur.SHOULD)
				.build();
		}
	}

	List<QueryWord> queryWords(String q) {
		List<QueryWord> words = new ArrayList<>();
		for (String piece : q.trim().split("\\s+")) {
			List<String> parts = index.words(piece);
			if (!parts.isEmpty()) {
				words.add(new QueryWord(piece.toLowerCase(java.util.Locale.ROOT), parts));
			}
		}
		return words;
	}

	/**
	 * Everything in scope that passes the filters and contains every word of the query, newest first: plain entries
	 * from the index, confidential ones by decrypting the candidates in scope (at most the scan limit).
	 */
	private Matches matching(AccessScope scope, Filter filter) {
		Query filterQuery = filterQuery(scope, filter);
		if (filter.q() == null) {
			return new Matches(index.find(filterQuery, MAX_HITS), Set.of(), List.of(), false);
		}
		List<QueryWord> query = queryWords(filter.q());
		Set<String> words = new LinkedHashSet<>();
		List<String> terms = new ArrayList<>();
		for (QueryWord word : query) {
			words.add(word.whole());
			words.addAll(word.parts());
			terms.add(word.parts().size() == 1 ? word.parts().getFirst() : word.whole());
		}
		if (query.isEmpty()) {
			return new Matches(List.of(), words, terms, false);
		}
		BooleanQuery.Builder open = new BooleanQuery.Builder().add(filterQuery, Occur.FILTER)
			.add(ArchiveIndex.term(ArchiveIndex.CONFIDENTIAL, "false"), Occur.FILTER);
		query.forEach(w -> open.add(w.query(), Occur.MUST));
		List<ArchiveIndex.Hit> hits = new ArrayList<>(index.find(open.build(), MAX_HITS));
		Query confidential = new BooleanQuery.Builder().add(filterQuery, Occur.FILTER)
			.add(ArchiveIndex.term(ArchiveIndex.CONFIDENTIAL, "true"), Occur.FILTER)
			.build();
		List<ArchiveIndex.Hit> candidates = index.find(confidential, confidentialScanLimit + 1);
		boolean capped = candidates.size() > confidentialScanLimit;
		for (ArchiveIndex.Hit candidate : candidates.subList(0, Math.min(candidates.size(), confidentialScanLimit))) {
			if (confidentialMatches(candidate.id(), query)) {
				hits.add(candidate);
			}
		}
		hits.sort(Comparator.comparingLong(ArchiveIndex.Hit::occurred).thenComparingLong(ArchiveIndex.Hit::id).reversed());
		return new Matches(hits, words, terms, capped);
	}

	/** Confidential content is matched here, decrypted in memory, never from the index (see {@link ArchiveIndex}). */
	private boolean confidentialMatches(long id, List<QueryWord> query) {
		ArchiveEntries.Entry entry = entries.find(id).orElseThrow();
		String text = ArchiveEntries.searchableText(entry.summary(), entry.parties(),
				entry.hasContent() ? entries.contentText(id) : null);
		Set<String> textWords = new HashSet<>(index.words(text));
		return query.stream().allMatch(w -> w.matches(textWords));
	}

	private static Query filterQuery(AccessScope scope, Filter filter) {
		BooleanQuery.Builder query = new BooleanQuery.Builder().add(ArchiveIndex.scopeQuery(scope), Occur.FILTER);
		if (filter.kind() != null) {
			query.add(ArchiveIndex.term(ArchiveIndex.KIND, filter.kind().name()), Occur.FILTER);
		}
		if (filter.party() != null) {
			query.add(ArchiveIndex.term(ArchiveIndex.PARTY, PartyKeys.scopeKey(filter.party())), Occur.FILTER);
		}
		ArchiveIndex.addRange(query, filter.from(), filter.to());
		if (filter.classification() != null) {
			query.add(ArchiveIndex.term(ArchiveIndex.CLASSIFICATION, filter.classification().name()), Occur.FILTER);
		}
		return query.build();
	}

	private static String describe(Filter filter, int total) {
		return (filter.q() == null ? "filters only" : "full text") + ", hits=" + total;
	}

	private static String string(Instant instant) {
		return instant == null ? null : instant.toString();
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
