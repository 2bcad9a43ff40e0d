package com.commhub.notification.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import com.commhub.notification.NotificationPreferences;
import com.commhub.notification.Urgency;

/**
 * NOTIF-2: when a notification is delivered. URGENT ones, and every one when quiet hours are off, at once; a NORMAL
 * one created inside working hours at once; a NORMAL one created outside them at the next start of working hours
 * (Friday 18:30 → Monday 09:00). The preference in force when it is created decides; changing preferences later does
 * not move notifications already held.
 */
public final class QuietHours {

	private QuietHours() {
	}

	public static Instant deliveryTime(Instant created, Urgency urgency, NotificationPreferences preferences) {
		if (urgency == Urgency.URGENT || !preferences.quietHours() || preferences.workDays().isEmpty()) {
			return created;
		}
		ZonedDateTime local = created.atZone(ZoneId.of(preferences.timeZone()));
		if (preferences.workDays().contains(local.getDayOfWeek())
				&& !local.toLocalTime().isBefore(preferences.workStart())
				&& local.toLocalTime().isBefore(preferences.workEnd())) {
			return created;
		}
		for (int days = 0; days <= 7; days++) {
			ZonedDateTime start = local.toLocalDate().plusDays(days).atTime(preferences.workStart())
				.atZone(local.getZone());
			if (preferences.workDays().contains(start.getDayOfWeek()) && start.isAfter(local)) {
				return start.toInstant();
			}
		}
		return created;
	}
}
