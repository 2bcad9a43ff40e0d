package com.commhub.archive.web;

import com.commhub.archive.ArchiveSearchQuery;

/** The scoped search form; every field is optional. */
public class ArchiveSearchFormData {

	private String q;
	private String kind;
	private String party;
	private String from;
	private String to;
	private String classification;

	ArchiveSearchQuery toQuery() {
		return new ArchiveSearchQuery(q, kind, party, from, to, classification);
	}

	public String getQ() {
		return q;
	}

	public void setQ(String q) {
		this.q = q;
	}

	public String getKind() {
		return kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public String getParty() {
		return party;
	}

	public void setParty(String party) {
		this.party = party;
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

	public String getClassification() {
		return classification;
	}

	public void setClassification(String classification) {
		this.classification = classification;
	}
}
