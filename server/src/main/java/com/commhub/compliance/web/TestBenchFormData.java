package com.commhub.compliance.web;

/** The test bench form: text, channel, declared classification and recipients (one address per line). */
public class TestBenchFormData {

	private String text = "";
	private String channel = "EXTERNAL_MAIL";
	private String classification = "";
	private String internalRecipients = "";
	private String externalRecipients = "";

	public String getText() {
		return text;
	}

	public void setText(String text) {
		this.text = text;
	}

	public String getChannel() {
		return channel;
	}

	public void setChannel(String channel) {
		this.channel = channel;
	}

	public String getClassification() {
		return classification;
	}

	public void setClassification(String classification) {
		this.classification = classification;
	}

	public String getInternalRecipients() {
		return internalRecipients;
	}

	public void setInternalRecipients(String internalRecipients) {
		this.internalRecipients = internalRecipients;
	}

	public String getExternalRecipients() {
		return externalRecipients;
	}

	public void setExternalRecipients(String externalRecipients) {
		this.externalRecipients = externalRecipients;
	}
}
