package com.commhub.archive;

import java.time.Instant;

import com.commhub.shared.Classification;

/**
 * One search result. {@code summaryHtml} and {@code snippetHtml} are HTML-escaped text with the matched words in
 * {@code <mark>}; nothing else in them is markup.
 */
public record ArchiveSearchHit(long entryId, RecordKind kind, Classification classification, Instant occurredAt,
		String sender, Long position, String summaryHtml, String snippetHtml) {
}
