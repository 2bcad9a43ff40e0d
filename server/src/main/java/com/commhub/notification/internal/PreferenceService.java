package com.commhub.notification.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.commhub.notification.NotificationKind;
import com.commhub.notification.NotificationPreferences;
import com.commhub.security.CurrentUser;
import com.commhub.shared.BusinessRuleException;

/** Each person's quiet hours and muted kinds ({@code ntf_preference}); the configured defaults until they save. */
@Service
@EnableConfigurationProperties(NotificationProperties.class)
public class PreferenceService {

	private final JdbcClient jdbc;
	private final NotificationProperties defaults;
	private final Clock clock;

	PreferenceService(JdbcClient jdbc, NotificationProperties defaults, Clock clock) {
		this.jdbc = jdbc;
		this.defaults = defaults;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public NotificationPreferences mine() {
		return of(CurrentUser.require().accountId());
	}

	@Transactional(readOnly = true)
	public NotificationPreferences of(long accountId) {
		return jdbc.sql("select * from ntf_preference where account_id = ?")
			.param(accountId)
			.query((rs, n) -> new NotificationPreferences(rs.getBoolean("quiet_hours"),
					rs.getObject("work_start", LocalTime.class), rs.getObject("work_end", LocalTime.class),
					split(rs.getString("work_days"), DayOfWeek.class),
					rs.getString("time_zone"), split(rs.getString("muted_kinds"), NotificationKind.class)))
			.optional()
			.orElseGet(this::defaults);
	}

	NotificationPreferences defaults() {
		return new NotificationPreferences(defaults.isQuietHours(), defaults.getWorkStart(), defaults.getWorkEnd(),
				EnumSet.copyOf(defaults.getWorkDays()), clock.getZone().getId(), EnumSet.noneOf(NotificationKind.class));
	}

	@Transactional
	public NotificationPreferences update(NotificationPreferences input) {
		long me = CurrentUser.require().accountId();
		if (input.workStart() == null) {
			throw BusinessRuleException.invalid("workStart", "validation.required");
		}
		if (input.workEnd() == null) {
			throw BusinessRuleException.invalid("workEnd", "validation.required");
		}
		if (!input.workStart().isBefore(input.workEnd())) {
			throw BusinessRuleException.invalid("workEnd", "notification.preferences.endBeforeStart");
		}
		if (input.workDays() == null || input.workDays().isEmpty()) {
			throw BusinessRuleException.invalid("workDays", "notification.preferences.noWorkDays");
		}
		String zone = input.timeZone() == null || input.timeZone().isBlank() ? clock.getZone().getId()
				: input.timeZone().strip();
		try {
			ZoneId.of(zone);
		}
		catch (DateTimeException ex) {
			throw BusinessRuleException.invalid("timeZone", "notification.preferences.badTimeZone", zone);
		}
		Set<NotificationKind> muted = input.mutedKinds() == null ? Set.of() : input.mutedKinds();
		for (NotificationKind kind : muted) {
			if (kind.mandatory()) {
				throw BusinessRuleException.invalid("mutedKinds", "notification.preferences.mandatory", kind.name());
			}
		}
		jdbc.sql("""
				insert into ntf_preference (account_id, quiet_hours, work_start, work_end, work_days, time_zone,
				    muted_kinds, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (account_id) do update set quiet_hours = excluded.quiet_hours,
				    work_start = excluded.work_start, work_end = excluded.work_end, work_days = excluded.work_days,
				    time_zone = excluded.time_zone, muted_kinds = excluded.muted_kinds, updated_at = excluded.updated_at""")
			.params(me, input.quietHours(), input.workStart(), input.workEnd(), join(input.workDays()), zone,
					join(muted), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.update();
		return of(me);
	}

	private static String join(Set<? extends Enum<?>> values) {
		return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
	}

	private static <E extends Enum<E>> Set<E> split(String text, Class<E> type) {
		Set<E> result = EnumSet.noneOf(type);
		if (text != null && !text.isBlank()) {
			Arrays.stream(text.split(",")).map(v -> Enum.valueOf(type, v.strip())).forEach(result::add);
		}
		return result;
	}
}
