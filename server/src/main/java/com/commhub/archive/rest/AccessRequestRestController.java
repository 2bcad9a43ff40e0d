package com.commhub.archive.rest;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.commhub.archive.AccessRequestView;
import com.commhub.archive.ArchiveRecordView;
import com.commhub.archive.ArchiveSearchQuery;
import com.commhub.archive.ArchiveSearchResult;
import com.commhub.archive.NewAccessRequest;
import com.commhub.archive.internal.AccessExports;
import com.commhub.archive.internal.AccessRequests;
import com.commhub.archive.internal.ArchiveSearch;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Archive access requests and the scoped search (ARC-4). Requests: ARCHIVE_ACCESS_REQUEST; decisions:
 * ARCHIVE_ACCESS_APPROVE, never on one's own request. Search and records: the requester of an active request only;
 * anything else is 404.
 */
@RestController
@RequestMapping("/api/v1/archive")
@Tag(name = "Archive access")
class AccessRequestRestController {

	private final AccessRequests requests;
	private final ArchiveSearch search;
	private final AccessExports exports;

	AccessRequestRestController(AccessRequests requests, ArchiveSearch search, AccessExports exports) {
		this.requests = requests;
		this.search = search;
		this.exports = exports;
	}

	@GetMapping("/access-requests")
	@Operation(summary = "My access requests, newest first")
	List<AccessRequestView> mine() {
		return requests.mine();
	}

	@PostMapping("/access-requests")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Ask for access to archived records: purpose, case reference, scope and duration in days")
	AccessRequestView create(@RequestBody NewAccessRequest request) {
		return requests.create(request);
	}

	@GetMapping("/access-approvals")
	@Operation(summary = "Pending requests of other people, for approvers (oldest first)")
	List<AccessRequestView> pending() {
		return requests.pendingForMe();
	}

	@GetMapping("/access-requests/{id}")
	@Operation(summary = "One request, for its requester and approvers")
	AccessRequestView get(@PathVariable long id) {
		return requests.get(id);
	}

	record Decision(String reason) {
	}

	@PostMapping("/access-requests/{id}/approve")
	@Operation(summary = "Approve someone else's pending request; access starts now and lasts its duration")
	AccessRequestView approve(@PathVariable long id, @RequestBody(required = false) Decision decision) {
		return requests.approve(id, decision == null ? null : decision.reason());
	}

	@PostMapping("/access-requests/{id}/reject")
	@Operation(summary = "Reject someone else's pending request; a reason is required")
	AccessRequestView reject(@PathVariable long id, @RequestBody(required = false) Decision decision) {
		return requests.reject(id, decision == null ? null : decision.reason());
	}

	@PostMapping("/access-requests/{id}/withdraw")
	@Operation(summary = "Withdraw my pending request")
	AccessRequestView withdraw(@PathVariable long id) {
		return requests.withdraw(id);
	}

	@GetMapping("/access-requests/{id}/search")
	@Operation(summary = "Search within an active request's scope (recorded as an ACCESS_RECORD)")
	ArchiveSearchResult search(@PathVariable long id,
			@Parameter(description = "full text; Chinese is word-segmented; all words must occur") @RequestParam(required = false) String q,
			@Parameter(description = "a record kind, e.g. MAIL") @RequestParam(required = false) String kind,
			@Parameter(description = "ISO date or instant, inclusive") @RequestParam(required = false) String from,
			@Parameter(description = "ISO instant (exclusive) or date (inclusive)") @RequestParam(required = false) String to,
			@Parameter(description = "工号 or party string") @RequestParam(required = false) String party,
			@Parameter(description = "PUBLIC, INTERNAL, CONFIDENTIAL, TOP_SECRET") @RequestParam(required = false) String classification,
			@RequestParam(defaultValue = "0") int page) {
		return search.search(id, new ArchiveSearchQuery(q, kind, party, from, to, classification), page);
	}

	@GetMapping("/access-requests/{id}/export")
	@Operation(summary = "eDiscovery ZIP of every entry in scope, or of the search's hits (recorded as an ACCESS_RECORD)")
	void export(@PathVariable long id, @RequestParam(required = false) String q,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String party,
			@RequestParam(required = false) String classification, HttpServletResponse response) throws IOException {
		AccessExports.Prepared prepared = exports.prepare(id,
				new ArchiveSearchQuery(q, kind, party, from, to, classification));
		response.setContentType("application/zip");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + prepared.fileName() + "\"");
		exports.write(prepared, response.getOutputStream());
	}

	@GetMapping("/access-requests/{id}/entries/{entryId}")
	@Operation(summary = "Open one record in scope (recorded as an ACCESS_RECORD)")
	ArchiveRecordView entry(@PathVariable long id, @PathVariable long entryId) {
		return search.open(id, entryId);
	}
}
