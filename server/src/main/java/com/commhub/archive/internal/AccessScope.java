package com.commhub.archive.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

import com.commhub.archive.RecordKind;
import com.commhub.shared.Classification;

/**
 * What an approved request lets its requester read: entries with at least one of {@code parties} (keys, see
 * {@link PartyKeys}), of one of {@code kinds} (empty = every kind), that occurred in [{@code from}, {@code to}) when
 * set, classified at most {@code ceiling} when set. {@link ArchiveIndex#scopeQuery} is the same rule as a Lucene query.
 */
record AccessScope(Set<String> parties, Set<RecordKind> kinds, Instant from, Instant to, Classification ceiling) {

	AccessScope {
		parties = Set.copyOf(parties);
		kinds = Set.copyOf(kinds);
	}

	boolean covers(RecordKind kind, Collection<String> partyStrings, Instant occurredAt, Classification classification) {
		if (!kinds.isEmpty() && !kinds.contains(kind)) {
			return false;
		}
		if (from != null && occurredAt.isBefore(from) || to != null && !occurredAt.isBefore(to)) {
			return false;
		}
		if (ceiling != null && classification.compareTo(ceiling) > 0) {
			return false;
		}
		return partyStrings.stream().flatMap(p -> PartyKeys.of(p).stream()).anyMatch(parties::contains);
	}
}
