package com.commhub.archive;

import java.util.List;

import com.commhub.shared.PageResult;

/**
 * One page of search hits, newest first, and the words the query was segmented into. {@code confidentialScanCapped}
 * is set when more confidential entries were in scope than are decrypted per query (narrow the filters).
 */
public record ArchiveSearchResult(PageResult<ArchiveSearchHit> hits, List<String> terms, boolean confidentialScanCapped) {
}
