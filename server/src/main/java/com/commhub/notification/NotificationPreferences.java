package com.commhub.notification;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/**
 * A person's notification settings: working hours (start inclusive, end exclusive, on the given days, in the time
 * zone), whether NORMAL notifications wait for them ({@code quietHours}), and muted kinds (never mandatory ones).
 */
public record NotificationPreferences(boolean quietHours, LocalTime workStart, LocalTime workEnd,
		Set<DayOfWeek> workDays, String timeZone, Set<NotificationKind> mutedKinds) {
}
