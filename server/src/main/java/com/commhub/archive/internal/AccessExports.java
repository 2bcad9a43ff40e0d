package com.commhub.archive.internal;

import java.io.OutputStream;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.commhub.archive.AccessRequestView;
import com.commhub.archive.ArchiveSearchQuery;
import com.commhub.shared.BusinessRuleException;

/**
 * Exports under an approved access request (ARC-4, ARC-5): every entry in its scope, or the hits of the current
 * search, as an eDiscovery package written by {@link ArchiveExportWriter}. The export is recorded ({@link AccessLog},
 * the ids exported) before the package is written, so no package leaves without its record.
 */
@Service
public class AccessExports {

	private final ArchiveSearch search;
	private final AccessLog log;
	private final ArchiveExportWriter writer;
	private final TransactionTemplate transactions;

	AccessExports(ArchiveSearch search, AccessLog log, ArchiveExportWriter writer,
			PlatformTransactionManager transactionManager) {
		this.search = search;
		this.log = log;
		this.writer = writer;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** A checked and recorded export, ready to be written. */
	public record Prepared(ExportRequest request, String fileName) {
	}

	/**
	 * Checks the request (404 unless active and the caller's) and the query, collects the ids and records the export.
	 *
	 * @throws BusinessRuleException naming {@code q} when nothing matches, or the filter that cannot be read
	 */
	public Prepared prepare(long requestId, ArchiveSearchQuery query) {
		AccessRequestView request = search.active(requestId);
		List<Long> ids = search.idsInScope(requestId, query);
		if (ids.isEmpty()) {
			throw BusinessRuleException.invalid("q", "archive.access.exportEmpty");
		}
		ExportRequest export = new ExportRequest(request.caseReference() + " (access request " + requestId + ")",
				request.caseReference(), request.requesterLabel(), request.decidedBy(), request.purpose(), ids);
		transactions.executeWithoutResult(status -> log.record(request, AccessLog.Action.EXPORT, null,
				ids.size() + " records",
				"{\"request\":" + requestId + ",\"q\":" + Json.string(query.q()) + ",\"kind\":" + Json.string(query.kind())
						+ ",\"party\":" + Json.string(query.party()) + ",\"from\":" + Json.string(query.from())
						+ ",\"to\":" + Json.string(query.to()) + ",\"classification\":"
						+ Json.string(query.classification()) + ",\"exported\":["
						+ ids.stream().map(String::valueOf).collect(Collectors.joining(",")) + "]}"));
		return new Prepared(export, "archive-export-" + requestId + ".zip");
	}

	/** Writes the package (outside a transaction, as the writer prefers). */
	public ExportSummary write(Prepared prepared, OutputStream out) {
		return writer.write(prepared.request(), out);
	}
}
