package com.commhub.archive.web;

import java.util.Arrays;
import java.util.List;

import com.commhub.archive.NewLegalHold;

/** The legal hold form; persons are separated by commas, semicolons or lines. */
public class LegalHoldFormData {

	private String caseId;
	private String reason;
	private String parties;
	private String departmentId;
	private String keyword;
	private String from;
	private String to;

	NewLegalHold toRequest(Long department) {
		List<String> persons = parties == null ? List.of() : Arrays.asList(parties.split("[,，;；\\r\\n]+"));
		return new NewLegalHold(caseId, reason, persons, department, keyword, from, to);
	}

	public String getCaseId() {
		return caseId;
	}

	public void setCaseId(String caseId) {
		this.caseId = caseId;
	}

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

	public String getParties() {
		return parties;
	}

	public void setParties(String parties) {
		this.parties = parties;
	}

	public String getDepartmentId() {
		return departmentId;
	}

	public void setDepartmentId(String departmentId) {
		this.departmentId = departmentId;
	}

	public String getKeyword() {
		return keyword;
	}

	public void setKeyword(String keyword) {
		this.keyword = keyword;
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
}
