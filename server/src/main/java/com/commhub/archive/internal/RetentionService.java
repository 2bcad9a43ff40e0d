package com.commhub.archive.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.commhub.archive.RecordKind;
import com.commhub.archive.RetentionSchedule;
import com.commhub.security.Audit;
import com.commhub.security.AuditOutcome;
import com.commhub.security.CurrentUser;
import com.commhub.security.Permission;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.NotFoundException;

/**
 * Retention schedules per record kind (ARC-3). Security records are never kept less than six months (Cybersecurity
 * Law art. 21); disposal certificates are permanent, because the verifier accepts removed content only when a
 * sealed certificate lists it. The database checks the same limits (V13).
 */
@Service
public class RetentionService {

	static final int SECURITY_MINIMUM_DAYS = 180;
	static final int MAXIMUM_DAYS = 36525;
	static final Set<RecordKind> SECURITY_RECORDS = Set.of(RecordKind.AUDIT_EVENT, RecordKind.ACCESS_RECORD,
			RecordKind.COMPLIANCE_DECISION);
	static final Set<RecordKind> PERMANENT = Set.of(RecordKind.DISPOSAL_CERTIFICATE);

	private final JdbcTemplate jdbc;
	private final Audit audit;
	private final Clock clock;

	RetentionService(JdbcTemplate jdbc, Audit audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** Viewing needs ARCHIVE_RETENTION_MANAGE or ARCHIVE_STATUS_VIEW (the auditor checks what was disposed). */
	public static void requireView() {
		if (!CurrentUser.has(Permission.ARCHIVE_RETENTION_MANAGE) && !CurrentUser.has(Permission.ARCHIVE_STATUS_VIEW)) {
			throw new AccessDeniedException("archive retention");
		}
	}

	public static void requireManage() {
		if (!CurrentUser.has(Permission.ARCHIVE_RETENTION_MANAGE)) {
			throw new AccessDeniedException("archive retention");
		}
	}

	public static boolean canManage() {
		return CurrentUser.has(Permission.ARCHIVE_RETENTION_MANAGE);
	}

	/** Every kind, in the enum's order; a kind without a row is kept permanently. */
	@Transactional(readOnly = true)
	public List<RetentionSchedule> schedules() {
		requireView();
		return all();
	}

	List<RetentionSchedule> all() {
		Map<RecordKind, RetentionSchedule> stored = new EnumMap<>(RecordKind.class);
		jdbc.query("select kind, retention_days, updated_at, updated_by from arc_retention_schedule", rs -> {
			RecordKind kind = kindOrNull(rs.getString(1));
			if (kind != null) {
				Integer days = rs.getObject(2) == null ? null : rs.getInt(2);
				stored.put(kind, schedule(kind, days, rs.getObject(3, OffsetDateTime.class).toInstant(),
						rs.getString(4)));
			}
		});
		return Arrays.stream(RecordKind.values())
			.map(kind -> stored.getOrDefault(kind, schedule(kind, null, null, null)))
			.toList();
	}

	@Transactional(readOnly = true)
	public RetentionSchedule schedule(String kind) {
		requireView();
		RecordKind recordKind = parseKind(kind);
		return all().stream().filter(s -> s.kind() == recordKind).findFirst().orElseThrow();
	}

	/** Sets the period of one kind; {@code days} null = permanently. Audited. */
	@Transactional
	public RetentionSchedule update(String kind, Integer days) {
		requireManage();
		RecordKind recordKind = parseKind(kind);
		RetentionSchedule before = all().stream().filter(s -> s.kind() == recordKind).findFirst().orElseThrow();
		if (days != null) {
			if (before.fixed()) {
				throw BusinessRuleException.invalid("retentionDays", "archive.retention.permanentOnly");
			}
			if (days < before.minimumDays()) {
				throw BusinessRuleException.invalid("retentionDays",
						before.minimumDays() == SECURITY_MINIMUM_DAYS ? "archive.retention.securityMinimum"
								: "archive.retention.tooShort", before.minimumDays());
			}
			if (days > MAXIMUM_DAYS) {
				throw BusinessRuleException.invalid("retentionDays", "archive.retention.tooLong", MAXIMUM_DAYS);
			}
		}
		String by = CurrentUser.require().getUsername();
		jdbc.update("""
				insert into arc_retention_schedule (kind, retention_days, updated_at, updated_by) values (?, ?, ?, ?)
				on conflict (kind) do update set retention_days = excluded.retention_days,
				    updated_at = excluded.updated_at, updated_by = excluded.updated_by""", recordKind.name(), days,
				OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), by);
		audit.record("archive.retention.update", "retention-schedule", recordKind.name(), recordKind.name(),
				AuditOutcome.SUCCESS, describe(before.retentionDays()) + " -> " + describe(days));
		return all().stream().filter(s -> s.kind() == recordKind).findFirst().orElseThrow();
	}

	private static String describe(Integer days) {
		return days == null ? "permanent" : days + " days";
	}

	private static RetentionSchedule schedule(RecordKind kind, Integer days, Instant at, String by) {
		int minimum = SECURITY_RECORDS.contains(kind) ? SECURITY_MINIMUM_DAYS : 1;
		return new RetentionSchedule(kind, days, minimum, PERMANENT.contains(kind), at, by);
	}

	static RecordKind parseKind(String kind) {
		RecordKind parsed = kindOrNull(kind);
		if (parsed == null) {
			throw new NotFoundException("record kind", kind);
		}
		return parsed;
	}

	private static RecordKind kindOrNull(String kind) {
		try {
			return kind == null ? null : RecordKind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
