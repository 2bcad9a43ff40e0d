package com.commhub.archive.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.commhub.archive.LegalHold;
import com.commhub.archive.NewLegalHold;
import com.commhub.security.Audit;
import com.commhub.security.AuditOutcome;
import com.commhub.security.CurrentUser;
import com.commhub.security.DirectoryLookup;
import com.commhub.security.Permission;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.NotFoundException;

/**
 * Legal holds (ARC-3): created and released only with ARCHIVE_LEGAL_HOLD, always with a reason, both audited. A
 * department hold keeps the 工号 of the department tree's members at creation and adds the current members at each
 * disposal, so neither a later transfer nor a new joiner escapes it.
 */
@Service
public class LegalHoldService {

	/** The directory's employee label is "name (工号)". */
	private static final Pattern EMPLOYEE_NO = Pattern.compile("\\(([^()]+)\\)\\s*$");

	private final JdbcTemplate jdbc;
	private final DirectoryLookup directory;
	private final Audit audit;
	private final Clock clock;

	LegalHoldService(JdbcTemplate jdbc, DirectoryLookup directory, Audit audit, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	public static boolean allowed() {
		return CurrentUser.has(Permission.ARCHIVE_LEGAL_HOLD);
	}

	static void require() {
		if (!allowed()) {
			throw new AccessDeniedException("legal holds");
		}
	}

	@Transactional(readOnly = true)
	public List<LegalHold> list() {
		require();
		return jdbc.query("select * from arc_legal_hold order by released_at is not null, id desc", this::hold);
	}

	@Transactional(readOnly = true)
	public LegalHold get(long id) {
		if (!allowed()) {
			throw new NotFoundException("legal hold", id);
		}
		return find(id);
	}

	private LegalHold find(long id) {
		return jdbc.query("select * from arc_legal_hold where id = ?", this::hold, id).stream().findFirst()
			.orElseThrow(() -> new NotFoundException("legal hold", id));
	}

	public List<DirectoryLookup.Choice> departments() {
		return directory.departments();
	}

	@Transactional
	public LegalHold create(NewLegalHold request) {
		require();
		String caseId = required(request.caseId(), "caseId", 100);
		String reason = required(request.reason(), "reason", 2000);
		String keyword = request.keyword() == null || request.keyword().isBlank() ? null : request.keyword().trim();
		if (keyword != null && keyword.length() > 200) {
			throw BusinessRuleException.invalid("keyword", "archive.hold.tooLong", 200);
		}
		for (String party : request.parties()) {
			if (party.length() > 200) {
				throw BusinessRuleException.invalid("parties", "archive.hold.tooLong", 200);
			}
		}
		ZoneId zone = clock.getZone();
		LocalDate from = date(request.from(), "from");
		LocalDate to = date(request.to(), "to");
		if (from != null && to != null && to.isBefore(from)) {
			throw BusinessRuleException.invalid("to", "archive.hold.toBeforeFrom");
		}
		List<String> members = List.of();
		if (request.departmentId() != null) {
			if (directory.label(DirectoryLookup.SubjectType.DEPARTMENT, request.departmentId()).isEmpty()) {
				throw BusinessRuleException.invalid("departmentId", "archive.hold.noSuchDepartment");
			}
			members = List.copyOf(departmentMembers(request.departmentId()));
		}
		if (request.parties().isEmpty() && request.departmentId() == null && keyword == null && from == null
				&& to == null) {
			throw BusinessRuleException.invalid(null, "archive.hold.noCriteria");
		}
		String by = CurrentUser.require().getUsername();
		// a disposal batch running now either finished before this hold or will see it
		jdbc.queryForObject("select pg_advisory_xact_lock(?)::text", String.class, DisposalService.LOCK_KEY);
		List<String> custodians = members;
		Long id = jdbc.query(connection -> {
			var statement = connection.prepareStatement("""
					insert into arc_legal_hold (case_id, reason, parties, department_id, department_members, keyword,
					    occurred_from, occurred_to, created_at, created_by)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""");
			statement.setString(1, caseId);
			statement.setString(2, reason);
			statement.setArray(3, connection.createArrayOf("text", request.parties().toArray()));
			statement.setObject(4, request.departmentId());
			statement.setArray(5, connection.createArrayOf("text", custodians.toArray()));
			statement.setString(6, keyword);
			statement.setObject(7, from == null ? null : from.atStartOfDay(zone).toOffsetDateTime());
			statement.setObject(8, to == null ? null : to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
			statement.setObject(9, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
			statement.setString(10, by);
			return statement;
		}, rs -> rs.next() ? rs.getLong(1) : null);
		LegalHold hold = find(id);
		audit.record("archive.hold.create", "legal-hold", id, caseId, AuditOutcome.SUCCESS,
				"reason: " + reason + "; criteria: " + criteria(hold));
		return hold;
	}

	@Transactional
	public LegalHold release(long id, String releaseReason) {
		if (!allowed()) {
			throw new NotFoundException("legal hold", id);
		}
		LegalHold hold = find(id);
		String reason = required(releaseReason, "reason", 2000);
		int updated = jdbc.update("update arc_legal_hold set released_at = ?, released_by = ?, release_reason = ? "
				+ "where id = ? and released_at is null", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
				CurrentUser.require().getUsername(), reason, id);
		if (updated == 0) {
			throw BusinessRuleException.conflict(null, "archive.hold.alreadyReleased");
		}
		audit.record("archive.hold.release", "legal-hold", id, hold.caseId(), AuditOutcome.SUCCESS,
				"reason: " + reason);
		return find(id);
	}

	/** The active holds, each ready to test entries; department members resolved now and at creation. */
	List<ActiveHold> activeHolds() {
		List<LegalHold> holds = jdbc.query("select * from arc_legal_hold where released_at is null order by id",
				this::hold);
		List<ActiveHold> active = new ArrayList<>();
		for (LegalHold hold : holds) {
			Set<String> custodians = new LinkedHashSet<>(hold.parties());
			if (hold.departmentId() != null) {
				custodians.addAll(hold.departmentMembers());
				custodians.addAll(departmentMembers(hold.departmentId()));
			}
			ZoneId zone = clock.getZone();
			active.add(new ActiveHold(hold.id(), hold.caseId(), custodians, hold.departmentId() != null,
					hold.keyword(), hold.from() == null ? null : hold.from().atStartOfDay(zone).toInstant(),
					hold.to() == null ? null : hold.to().plusDays(1).atStartOfDay(zone).toInstant()));
		}
		return active;
	}

	private Set<String> departmentMembers(long departmentId) {
		Set<String> numbers = new LinkedHashSet<>();
		for (Long employee : directory.employeesInDepartmentTree(departmentId)) {
			directory.label(DirectoryLookup.SubjectType.EMPLOYEE, employee).ifPresent(label -> {
				Matcher matcher = EMPLOYEE_NO.matcher(label);
				if (matcher.find()) {
					numbers.add(matcher.group(1).trim());
				}
			});
		}
		return numbers;
	}

	private LegalHold hold(ResultSet rs, int n) throws SQLException {
		ZoneId zone = clock.getZone();
		OffsetDateTime from = rs.getObject("occurred_from", OffsetDateTime.class);
		OffsetDateTime to = rs.getObject("occurred_to", OffsetDateTime.class);
		OffsetDateTime released = rs.getObject("released_at", OffsetDateTime.class);
		long department = rs.getLong("department_id");
		Long departmentId = rs.wasNull() ? null : department;
		return new LegalHold(rs.getLong("id"), rs.getString("case_id"), rs.getString("reason"),
				strings(rs.getArray("parties")), departmentId,
				departmentId == null ? null
						: directory.label(DirectoryLookup.SubjectType.DEPARTMENT, departmentId)
							.orElse("#" + departmentId),
				strings(rs.getArray("department_members")), rs.getString("keyword"),
				from == null ? null : from.atZoneSameInstant(zone).toLocalDate(),
				to == null ? null : to.atZoneSameInstant(zone).toLocalDate().minusDays(1),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"),
				released == null ? null : released.toInstant(), rs.getString("released_by"),
				rs.getString("release_reason"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	private static String criteria(LegalHold hold) {
		List<String> parts = new ArrayList<>();
		if (!hold.parties().isEmpty()) {
			parts.add("parties=" + hold.parties());
		}
		if (hold.departmentId() != null) {
			parts.add("department=" + hold.departmentLabel() + " (" + hold.departmentMembers().size() + " members)");
		}
		if (hold.keyword() != null) {
			parts.add("keyword=" + hold.keyword());
		}
		if (hold.from() != null || hold.to() != null) {
			parts.add("occurred=" + (hold.from() == null ? "" : hold.from()) + ".."
					+ (hold.to() == null ? "" : hold.to()));
		}
		return String.join(", ", parts);
	}

	private static String required(String value, String field, int max) {
		if (value == null || value.isBlank()) {
			throw BusinessRuleException.invalid(field, "archive.hold.required");
		}
		String trimmed = value.trim();
		if (trimmed.length() > max) {
			throw BusinessRuleException.invalid(field, "archive.hold.tooLong", max);
		}
		return trimmed;
	}

	private static LocalDate date(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			throw BusinessRuleException.invalid(field, "archive.hold.badDate");
		}
	}

	/** A hold as the disposal tests it. Custodians match as whole tokens of the parties text. */
	record ActiveHold(long id, String caseId, Set<String> custodians, boolean byDepartment, String keyword,
			Instant from, Instant to) {

		boolean matchesWithoutContent(String parties, Instant occurredAt) {
			if (from != null && occurredAt.isBefore(from) || to != null && !occurredAt.isBefore(to)) {
				return false;
			}
			if (!custodians.isEmpty() || byDepartment) {
				return custodians.stream().anyMatch(c -> containsToken(parties, c));
			}
			return true;
		}

		boolean matchesText(String summary, String content) {
			if (keyword == null) {
				return true;
			}
			String needle = keyword.toLowerCase(Locale.ROOT);
			return summary != null && summary.toLowerCase(Locale.ROOT).contains(needle)
					|| content != null && content.toLowerCase(Locale.ROOT).contains(needle);
		}

		static boolean containsToken(String text, String token) {
			if (text == null || token.isEmpty()) {
				return false;
			}
			for (int at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
				int end = at + token.length();
				boolean startOk = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
				boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
				if (startOk && endOk) {
					return true;
				}
			}
			return false;
		}
	}
}
