package com.commhub.compliance.web;

/** A policy edited as its JSON definition (the same format as export/import). */
public class PolicyFormData {

	private String definition = "";

	public String getDefinition() {
		return definition;
	}

	public void setDefinition(String definition) {
		this.definition = definition;
	}
}
