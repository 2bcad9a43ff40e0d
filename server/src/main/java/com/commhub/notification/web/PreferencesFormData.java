package com.commhub.notification.web;

import java.util.ArrayList;
import java.util.List;

/** The preferences form: times as HH:mm text so that a bad entry becomes a field error, not a binding failure. */
public class PreferencesFormData {

	private boolean quietHours;
	private String workStart;
	private String workEnd;
	private List<String> workDays = new ArrayList<>();
	private String timeZone;
	private List<String> mutedKinds = new ArrayList<>();

	public boolean isQuietHours() {
		return quietHours;
	}

	public void setQuietHours(boolean quietHours) {
		this.quietHours = quietHours;
	}

	public String getWorkStart() {
		return workStart;
	}

	public void setWorkStart(String workStart) {
		this.workStart = workStart;
	}

	public String getWorkEnd() {
		return workEnd;
	}

	public void setWorkEnd(String workEnd) {
		this.workEnd = workEnd;
	}

	public List<String> getWorkDays() {
		return workDays;
	}

	public void setWorkDays(List<String> workDays) {
		this.workDays = workDays;
	}

	public String getTimeZone() {
		return timeZone;
	}

	public void setTimeZone(String timeZone) {
		this.timeZone = timeZone;
	}

	public List<String> getMutedKinds() {
		return mutedKinds;
	}

	public void setMutedKinds(List<String> mutedKinds) {
		this.mutedKinds = mutedKinds;
	}
}
