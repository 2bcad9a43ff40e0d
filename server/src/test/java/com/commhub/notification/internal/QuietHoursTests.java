package com.commhub.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.commhub.notification.NotificationKind;
import com.commhub.notification.NotificationPreferences;
import com.commhub.notification.Urgency;

/** NOTIF-2 with fixed instants: when a notification created at a given time is delivered. */
class QuietHoursTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
	static final NotificationPreferences OFFICE = new NotificationPreferences(true, LocalTime.of(9, 0),
			LocalTime.of(18, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "Asia/Shanghai",
			Set.<NotificationKind>of());

	static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
	}

	@Test
	void insideWorkingHoursIsDeliveredAtOnce() {
		// 2026-11-24 is a Tuesday
		assertThat(QuietHours.deliveryTime(at("2026-11-24T09:00"), Urgency.NORMAL, OFFICE)).isEqualTo(at("2026-11-24T09:00"));
		assertThat(QuietHours.deliveryTime(at("2026-11-24T17:59"), Urgency.NORMAL, OFFICE)).isEqualTo(at("2026-11-24T17:59"));
	}

	@Test
	void aNormalOneOutsideWorkingHoursWaitsForTheNextStart() {
		assertThat(QuietHours.deliveryTime(at("2026-11-24T18:00"), Urgency.NORMAL, OFFICE)).isEqualTo(at("2026-11-25T09:00"));
		assertThat(QuietHours.deliveryTime(at("2026-11-24T07:30"), Urgency.NORMAL, OFFICE)).isEqualTo(at("2026-11-24T09:00"));
		// Friday evening and the weekend wait for Monday
		assertThat(QuietHours.deliveryTime(at("2026-11-27T18:30"), Urgency.NORMAL, OFFICE)).isEqualTo(at("2026-11-30T09:00"));
		assertThat(QuietHours.deliveryTime(at("2026-11-29T12:00"), Urgency.NORMAL, OFFICE)).isEqualTo(at("2026-11-30T09:00"));
	}

	@Test
	void urgentOnesAndSwitchedOffQuietHoursGoThrough() {
		assertThat(QuietHours.deliveryTime(at("2026-11-29T03:00"), Urgency.URGENT, OFFICE)).isEqualTo(at("2026-11-29T03:00"));
		NotificationPreferences off = new NotificationPreferences(false, OFFICE.workStart(), OFFICE.workEnd(),
				OFFICE.workDays(), OFFICE.timeZone(), OFFICE.mutedKinds());
		assertThat(QuietHours.deliveryTime(at("2026-11-29T03:00"), Urgency.NORMAL, off)).isEqualTo(at("2026-11-29T03:00"));
	}

	@Test
	void theRecipientsTimeZoneCounts() {
		NotificationPreferences london = new NotificationPreferences(true, LocalTime.of(9, 0), LocalTime.of(18, 0),
				EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "Europe/London", Set.of());
		// 10:00 in Shanghai is 02:00 in London: held until 09:00 London time
		assertThat(QuietHours.deliveryTime(at("2026-11-24T10:00"), Urgency.NORMAL, london))
			.isEqualTo(LocalDateTime.parse("2026-11-24T09:00").atZone(ZoneId.of("Europe/London")).toInstant());
	}
}
