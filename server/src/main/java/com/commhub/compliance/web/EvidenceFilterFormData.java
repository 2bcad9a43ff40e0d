package com.commhub.compliance.web;

/** The evidence log filter form; every field is optional. Dates are yyyy-MM-dd in the company's time zone. */
public class EvidenceFilterFormData {

	private String action;
	private String channel;
	private String from;
	private String to;

	public String getAction() {
		return action;
	}

	public void setAction(String action) {
		this.action = action;
	}

	public String getChannel() {
		return channel;
	}

	public void setChannel(String channel) {
		this.channel = channel;
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
