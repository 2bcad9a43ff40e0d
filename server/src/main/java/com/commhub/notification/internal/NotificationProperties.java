package com.commhub.notification.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code commhub.notification.*}: the working hours a person has until they set their own (default 09:00–18:00,
 * Monday to Friday, in the application's time zone {@code commhub.time-zone}).
 */
@ConfigurationProperties("commhub.notification")
public class NotificationProperties {

	private LocalTime workStart = LocalTime.of(9, 0);
	private LocalTime workEnd = LocalTime.of(18, 0);
	private Set<DayOfWeek> workDays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
	private boolean quietHours = true;

	public LocalTime getWorkStart() {
		return workStart;
	}

	public void setWorkStart(LocalTime workStart) {
		this.workStart = workStart;
	}

	public LocalTime getWorkEnd() {
		return workEnd;
	}

	public void setWorkEnd(LocalTime workEnd) {
		this.workEnd = workEnd;
	}

	public Set<DayOfWeek> getWorkDays() {
		return workDays;
	}

	public void setWorkDays(Set<DayOfWeek> workDays) {
		this.workDays = workDays;
	}

	public boolean isQuietHours() {
		return quietHours;
	}

	public void setQuietHours(boolean quietHours) {
		this.quietHours = quietHours;
	}
}
