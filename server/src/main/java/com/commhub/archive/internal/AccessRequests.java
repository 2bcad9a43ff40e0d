package com.commhub.archive.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.commhub.archive.AccessRequestDecided;
import com.commhub.archive.AccessRequestStatus;
import com.commhub.archive.AccessRequestSubmitted;
import com.commhub.archive.AccessRequestView;
import com.commhub.archive.ArchiveRecorder;
import com.commhub.archive.NewAccessRequest;
import com.commhub.archive.NewArchiveEntry;
import com.commhub.archive.RecordKind;
import com.commhub.security.Audit;
import com.commhub.security.AuditOutcome;
import com.commhub.security.CommHubUser;
import com.commhub.security.CurrentUser;
import com.commhub.security.DirectoryLookup;
import com.commhub.security.Permission;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.Classification;
import com.commhub.shared.NotFoundException;
import com.commhub.shared.TimeFilter;

/**
 * Archive access requests (ARC-4): asked for by holders of ARCHIVE_ACCESS_REQUEST, decided by a holder of
 * ARCHIVE_ACCESS_APPROVE who is not the requester (two-person rule; the table refuses it too), withdrawn by the
 * requester while pending. Every step is audited and recorded in the archive as an ACCESS_RECORD entry in the same
 * transaction. A request nobody may see answers 404.
 */
@Service
public class AccessRequests {

	static final int MAX_DAYS = 90;
	static final String SUBJECT_TYPE = "archive-access-request";
	/** "林浩然 (HT1040)": the 工号 in the directory's employee label. */
	private static final Pattern LABEL_NUMBER = Pattern.compile("\\(([^()\\s]+)\\)\\s*$");

	private final JdbcClient jdbc;
	private final DirectoryLookup directory;
	private final ArchiveRecorder archive;
	private final Audit audit;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	AccessRequests(JdbcClient jdbc, DirectoryLookup directory, ArchiveRecorder archive, Audit audit,
			PlatformTransactionManager transactionManager, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.archive = archive;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.events = events;
	}

	public static boolean canRequest() {
		return CurrentUser.has(Permission.ARCHIVE_ACCESS_REQUEST);
	}

	public static boolean canApprove() {
		return CurrentUser.has(Permission.ARCHIVE_ACCESS_APPROVE);
	}

	static void requireRequest() {
		if (!canRequest()) {
			throw new AccessDeniedException("archive access requests");
		}
	}

	static void requireApprove() {
		if (!canApprove()) {
			throw new AccessDeniedException("archive access approvals");
		}
	}

	/** The departments a scope may name, for the request form. */
	public List<DirectoryLookup.Choice> departments() {
		requireRequest();
		return directory.departments();
	}

	public AccessRequestView create(NewAccessRequest input) {
		requireRequest();
		CommHubUser user = CurrentUser.require();
		String purpose = required("purpose", input.purpose(), 2000);
		String caseReference = required("caseReference", input.caseReference(), 100);
		Set<String> people = new LinkedHashSet<>();
		for (String person : input.people()) {
			if (person.length() > 200) {
				throw BusinessRuleException.invalid("people", "archive.access.personTooLong");
			}
			people.add(PartyKeys.scopeKey(person));
		}
		Set<String> parties = new LinkedHashSet<>(people);
		for (Long departmentId : input.departmentIds()) {
			if (directory.label(DirectoryLookup.SubjectType.DEPARTMENT, departmentId).isEmpty()) {
				throw BusinessRuleException.invalid("departmentIds", "archive.access.unknownDepartment", departmentId);
			}
			for (long employeeId : directory.employeesInDepartmentTree(departmentId)) {
				directory.label(DirectoryLookup.SubjectType.EMPLOYEE, employeeId)
					.map(LABEL_NUMBER::matcher)
					.filter(Matcher::find)
					.ifPresent(m -> parties.add(PartyKeys.scopeKey(m.group(1))));
			}
		}
		if (people.isEmpty() && input.departmentIds().isEmpty()) {
			throw BusinessRuleException.invalid("people", "archive.access.emptyScope");
		}
		if (parties.isEmpty()) {
			throw BusinessRuleException.invalid("departmentIds", "archive.access.nobodyInScope");
		}
		Set<RecordKind> kinds = new LinkedHashSet<>();
		for (String kind : input.kinds()) {
			kinds.add(kind(kind, "kinds"));
		}
		Instant from = TimeFilter.bound("from", input.from(), clock.getZone(), false, "archive.access.badDate");
		Instant to = TimeFilter.bound("to", input.to(), clock.getZone(), true, "archive.access.badDate");
		if (from != null && to != null && !from.isBefore(to)) {
			throw BusinessRuleException.invalid("to", "archive.access.datesReversed");
		}
		Classification ceiling = null;
		if (input.classificationCeiling() != null && !input.classificationCeiling().isBlank()) {
			ceiling = Classification.parse(input.classificationCeiling())
				.orElseThrow(() -> BusinessRuleException.invalid("classificationCeiling", "validation.badValue"));
		}
		Integer days = input.durationDays();
		if (days == null || days < 1 || days > MAX_DAYS) {
			throw BusinessRuleException.invalid("durationDays", "archive.access.durationOutOfBounds", MAX_DAYS);
		}
		Instant now = clock.instant();
		String label = label(user);
		Classification levelCeiling = ceiling;
		long id = transactions.execute(status -> {
			long created = jdbc.sql("""
					insert into arc_access_request (requester_account_id, requester_name, requester_label, purpose,
					    case_reference, scope_people, scope_department_ids, scope_parties, scope_kinds, scope_from, scope_to,
					    classification_ceiling, duration_days, status, requested_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?) returning id""")
				.params(user.accountId(), user.getUsername(), label, purpose, caseReference, String.join("\n", people),
						input.departmentIds().stream().map(String::valueOf).collect(Collectors.joining(",")),
						String.join("\n", parties), kinds.stream().map(Enum::name).collect(Collectors.joining(",")),
						utc(from), utc(to), levelCeiling == null ? null : levelCeiling.name(), days, utc(now))
				.query(Long.class)
				.single();
			AccessRequestView view = load(created).orElseThrow();
			audit.record("archive.access.request", "archive-access-request", created, caseReference,
					AuditOutcome.SUCCESS, "parties=" + parties.size() + " days=" + days);
			recordStep(view, "REQUESTED", label, describe(view));
			events.publishEvent(new AccessRequestSubmitted(created, user.accountId(), label, caseReference, now));
			return created;
		});
		return load(id).orElseThrow();
	}

	/** My requests, newest first. */
	public List<AccessRequestView> mine() {
		requireRequest();
		return jdbc.sql("select * from arc_access_request where requester_account_id = ? order by id desc limit 200")
			.param(CurrentUser.require().accountId())
			.query(this::map)
			.list();
	}

	/** Pending requests of other people, oldest first: the approver's queue. */
	public List<AccessRequestView> pendingForMe() {
		requireApprove();
		return jdbc.sql("""
				select * from arc_access_request where status = 'PENDING' and requester_account_id <> ?
				order by id limit 500""")
			.param(CurrentUser.require().accountId())
			.query(this::map)
			.list();
	}

	/** A request its requester or an approver may see; 404 for anyone else. */
	public AccessRequestView get(long id) {
		if (!canRequest() && !canApprove()) {
			throw new AccessDeniedException("archive access requests");
		}
		AccessRequestView view = load(id).orElseThrow(() -> new NotFoundException("access request", id));
		if (!isMine(id) && !canApprove()) {
			throw new NotFoundException("access request", id);
		}
		return view;
	}

	public boolean isMine(long id) {
		Long requester = requesterOf(id);
		return requester != null && requester == CurrentUser.require().accountId();
	}

	public AccessRequestView approve(long id, String reason) {
		return decide(id, true, reason == null || reason.isBlank() ? null : limit(reason.trim(), 2000));
	}

	public AccessRequestView reject(long id, String reason) {
		requireApprove();
		return decide(id, false, required("reason", reason, 2000));
	}

	private AccessRequestView decide(long id, boolean approve, String reason) {
		requireApprove();
		CommHubUser user = CurrentUser.require();
		Long requester = requesterOf(id);
		if (requester == null) {
			throw new NotFoundException("access request", id);
		}
		String action = approve ? "archive.access.approve" : "archive.access.reject";
		if (requester == user.accountId()) {
			// two-person rule: refused and audited even when the requester holds both permissions
			audit.record(action, "archive-access-request", id, null, AuditOutcome.DENIED, "own request");
			throw BusinessRuleException.conflict(null, "archive.access.ownRequest");
		}
		Instant now = clock.instant();
		transactions.executeWithoutResult(status -> {
			int changed = jdbc.sql("""
					update arc_access_request set status = ?, decided_by_account_id = ?, decided_by_name = ?,
					    decided_at = ?, decision_reason = ?,
					    expires_at = case when ?::boolean then ?::timestamptz + make_interval(days => duration_days) end
					where id = ? and status = 'PENDING' and requester_account_id <> ?""")
				.params(approve ? "APPROVED" : "REJECTED", user.accountId(), user.getUsername(), utc(now), reason,
						approve, utc(now), id, user.accountId())
				.update();
			if (changed == 0) {
				throw BusinessRuleException.conflict(null, "archive.access.notPending");
			}
			AccessRequestView view = load(id).orElseThrow();
			audit.record(action, "archive-access-request", id, view.caseReference(), AuditOutcome.SUCCESS, reason);
			recordStep(view, approve ? "APPROVED" : "REJECTED", label(user),
					"{\"request\":" + id + ",\"decision\":\"" + (approve ? "APPROVED" : "REJECTED") + "\",\"by\":"
							+ Json.string(user.getUsername()) + ",\"reason\":" + Json.string(reason) + ",\"expiresAt\":"
							+ Json.string(view.expiresAt() == null ? null : view.expiresAt().toString()) + "}");
			events.publishEvent(new AccessRequestDecided(id, requester, view.status(), view.caseReference(),
					label(user), now));
		});
		return load(id).orElseThrow();
	}

	public AccessRequestView withdraw(long id) {
		requireRequest();
		CommHubUser user = CurrentUser.require();
		if (!isMine(id)) {
			throw new NotFoundException("access request", id);
		}
		transactions.executeWithoutResult(status -> {
			int changed = jdbc.sql("""
					update arc_access_request set status = 'WITHDRAWN', decided_at = ?
					where id = ? and status = 'PENDING' and requester_account_id = ?""")
				.params(utc(clock.instant()), id, user.accountId())
				.update();
			if (changed == 0) {
				throw BusinessRuleException.conflict(null, "archive.access.notPending");
			}
			AccessRequestView view = load(id).orElseThrow();
			audit.record("archive.access.withdraw", "archive-access-request", id, view.caseReference(),
					AuditOutcome.SUCCESS, null);
			recordStep(view, "WITHDRAWN", label(user), "{\"request\":" + id + ",\"decision\":\"WITHDRAWN\"}");
		});
		return load(id).orElseThrow();
	}

	/** An approved request of the current user that has not expired; 404 otherwise (also for other people's). */
	AccessRequestView requireActive(long id) {
		requireRequest();
		AccessRequestView view = load(id).orElseThrow(() -> new NotFoundException("access request", id));
		if (!isMine(id) || view.status() != AccessRequestStatus.APPROVED) {
			throw new NotFoundException("access request", id);
		}
		return view;
	}

	static AccessScope scope(AccessRequestView view) {
		return new AccessScope(Set.copyOf(view.parties()), Set.copyOf(view.kinds()), view.from(), view.to(),
				view.classificationCeiling());
	}

	static RecordKind kind(String text, String field) {
		try {
			return RecordKind.valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw BusinessRuleException.invalid(field, "archive.access.unknownKind", text);
		}
	}

	static String label(CommHubUser user) {
		return user.getUsername() + (user.displayName() == null ? "" : " " + user.displayName());
	}

	private void recordStep(AccessRequestView view, String step, String actorLabel, String content) {
		archive.record(NewArchiveEntry.text(RecordKind.ACCESS_RECORD, SUBJECT_TYPE, String.valueOf(view.id()),
				new NewArchiveEntry.Parties(actorLabel, List.of(view.requesterLabel()), List.of()),
				Classification.INTERNAL, clock.instant(),
				"access request " + view.id() + " " + step + " (" + view.caseReference() + ")", content));
	}

	private static String describe(AccessRequestView view) {
		return "{\"request\":" + view.id() + ",\"requester\":" + Json.string(view.requesterName()) + ",\"purpose\":"
				+ Json.string(view.purpose()) + ",\"caseReference\":" + Json.string(view.caseReference())
				+ ",\"people\":" + Json.strings(view.people()) + ",\"departments\":"
				+ Json.strings(view.departmentIds().stream().map(String::valueOf).toList()) + ",\"parties\":"
				+ Json.strings(view.parties()) + ",\"kinds\":"
				+ Json.strings(view.kinds().stream().map(Enum::name).toList()) + ",\"from\":"
				+ Json.string(view.from() == null ? null : view.from().toString()) + ",\"to\":"
				+ Json.string(view.to() == null ? null : view.to().toString()) + ",\"classificationCeiling\":"
				+ Json.string(view.classificationCeiling() == null ? null : view.classificationCeiling().name())
				+ ",\"durationDays\":" + view.durationDays() + "}";
	}

	private Long requesterOf(long id) {
		return jdbc.sql("select requester_account_id from arc_access_request where id = ?")
			.param(id)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	private Optional<AccessRequestView> load(long id) {
		return jdbc.sql("select * from arc_access_request where id = ?").param(id).query(this::map).optional();
	}

	private AccessRequestView map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Instant expires = instant(rs.getObject("expires_at", OffsetDateTime.class));
		AccessRequestStatus status = AccessRequestStatus.valueOf(rs.getString("status"));
		if (status == AccessRequestStatus.APPROVED && expires != null && !clock.instant().isBefore(expires)) {
			status = AccessRequestStatus.EXPIRED;
		}
		String ceiling = rs.getString("classification_ceiling");
		return new AccessRequestView(rs.getLong("id"), rs.getString("requester_name"), rs.getString("requester_label"),
				rs.getString("purpose"), rs.getString("case_reference"), lines(rs.getString("scope_people")),
				split(rs.getString("scope_department_ids")).stream().map(Long::valueOf).toList(),
				lines(rs.getString("scope_parties")),
				split(rs.getString("scope_kinds")).stream().map(RecordKind::valueOf).toList(),
				instant(rs.getObject("scope_from", OffsetDateTime.class)),
				instant(rs.getObject("scope_to", OffsetDateTime.class)),
				ceiling == null ? null : Classification.valueOf(ceiling), rs.getInt("duration_days"), status,
				instant(rs.getObject("requested_at", OffsetDateTime.class)), rs.getString("decided_by_name"),
				instant(rs.getObject("decided_at", OffsetDateTime.class)), rs.getString("decision_reason"), expires);
	}

	private static List<String> lines(String text) {
		return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
	}

	private static List<String> split(String text) {
		return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(","));
	}

	private static Instant instant(OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static String required(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			throw BusinessRuleException.invalid(field, "validation.required");
		}
		if (value.trim().length() > max) {
			throw BusinessRuleException.invalid(field, "archive.access.tooLong", max);
		}
		return value.trim();
	}

	private static String limit(String value, int max) {
		if (value.length() > max) {
			throw BusinessRuleException.invalid("reason", "archive.access.tooLong", max);
		}
		return value;
	}
}
