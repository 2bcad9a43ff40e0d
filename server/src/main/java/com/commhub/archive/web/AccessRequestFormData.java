package com.commhub.archive.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.commhub.archive.NewAccessRequest;

/** The new access request form. People are typed one per line (or separated by commas); dates are yyyy-MM-dd. */
public class AccessRequestFormData {

	private String purpose;
	private String caseReference;
	private String people;
	private List<Long> departmentIds = new ArrayList<>();
	private List<String> kinds = new ArrayList<>();
	private String from;
	private String to;
	private String classificationCeiling;
	private String durationDays = "7";

	NewAccessRequest toRequest() {
		List<String> persons = people == null ? List.of()
				: Arrays.stream(people.split("[\\n,，;；]")).map(String::trim).filter(p -> !p.isEmpty()).toList();
		Integer days;
		try {
			days = durationDays == null || durationDays.isBlank() ? null : Integer.valueOf(durationDays.trim());
		}
		catch (NumberFormatException ex) {
			days = -1;
		}
		return new NewAccessRequest(purpose, caseReference, persons, departmentIds, kinds, from, to,
				classificationCeiling, days);
	}

	public String getPurpose() {
		return purpose;
	}

	public void setPurpose(String purpose) {
		this.purpose = purpose;
	}

	public String getCaseReference() {
		return caseReference;
	}

	public void setCaseReference(String caseReference) {
		this.caseReference = caseReference;
	}

	public String getPeople() {
		return people;
	}

	public void setPeople(String people) {
		this.people = people;
	}

	public List<Long> getDepartmentIds() {
		return departmentIds;
	}

	public void setDepartmentIds(List<Long> departmentIds) {
		this.departmentIds = departmentIds == null ? new ArrayList<>() : departmentIds;
	}

	public List<String> getKinds() {
		return kinds;
	}

	public void setKinds(List<String> kinds) {
		this.kinds = kinds == null ? new ArrayList<>() : kinds;
	}

	public String getFrom() {
		return from;
	}

	public void setFrom(String from) {
		this.from = from;
	}

	public String getTo() {
		return to;
	}

	public void setTo(String to) {
		this.to = to;
	}

	public String getClassificationCeiling() {
		return classificationCeiling;
	}

	public void setClassificationCeiling(String classificationCeiling) {
		this.classificationCeiling = classificationCeiling;
	}

	public String getDurationDays() {
		return durationDays;
	}

	public void setDurationDays(String durationDays) {
		this.durationDays = durationDays;
	}
}
