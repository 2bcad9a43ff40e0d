package com.commhub.archive.web;

/** The audit trail filter form; every field is optional. Dates are yyyy-MM-dd in the company's time zone. */
public class AuditFilterFormData {

	private String action;
	private String actor;
	private String outcome;
	private String from;
	private String to;

	public String getAction() {
		return action;
	}

	public void setAction(String action) {
		this.action = action;
	}

	public String getActor() {
		return actor;
	}

	public void setActor(String actor) {
		this.actor = actor;
	}

	public String getOutcome() {
		return outcome;
	}

	public void setOutcome(String outcome) {
		this.outcome = outcome;
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
