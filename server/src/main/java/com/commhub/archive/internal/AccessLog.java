package com.commhub.archive.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.commhub.archive.AccessRequestView;
import com.commhub.archive.ArchiveEntryId;
import com.commhub.archive.ArchiveRecorder;
import com.commhub.archive.NewArchiveEntry;
import com.commhub.archive.RecordKind;
import com.commhub.security.CommHubUser;
import com.commhub.security.CurrentUser;
import com.commhub.shared.Classification;

/**
 * The bookkeeping of every read under an access request (ARC-4 "every view is audited"): a row in
 * {@code arc_access_event} and an ACCESS_RECORD entry in the chain, in the read's own transaction, so no search,
 * view or export returns anything without its record. The entries are classified CONFIDENTIAL: the query words of an
 * investigation may be the very words of confidential content, so they are encrypted at rest and, like all
 * confidential content, never written to the search index; the summary holds no query text.
 */
@Component
public class AccessLog {

	public enum Action {
		SEARCH, VIEW, EXPORT
	}

	private final JdbcClient jdbc;
	private final ArchiveRecorder archive;
	private final Clock clock;

	AccessLog(JdbcClient jdbc, ArchiveRecorder archive, Clock clock) {
		this.jdbc = jdbc;
		this.archive = archive;
		this.clock = clock;
	}

	/**
	 * @param summary what happened without the query's words (it is not encrypted)
	 * @param detail JSON text: the query and filters, the entry viewed, or what was exported
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public ArchiveEntryId record(AccessRequestView request, Action action, Long entryId, String summary, String detail) {
		CommHubUser user = CurrentUser.require();
		Instant now = clock.instant();
		ArchiveEntryId recorded = archive.record(NewArchiveEntry.text(RecordKind.ACCESS_RECORD,
				AccessRequests.SUBJECT_TYPE, String.valueOf(request.id()),
				new NewArchiveEntry.Parties(AccessRequests.label(user), List.of(), List.of()), Classification.CONFIDENTIAL,
				now, action + " under access request " + request.id() + " (" + request.caseReference() + "): " + summary,
				detail));
		jdbc.sql("""
				insert into arc_access_event (request_id, account_id, actor_name, action, entry_id, detail,
				    archive_entry_id, occurred_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(request.id(), user.accountId(), user.getUsername(), action.name(), entryId, detail,
					recorded.value(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update();
		return recorded;
	}
}
