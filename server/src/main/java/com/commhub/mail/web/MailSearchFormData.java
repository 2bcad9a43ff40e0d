package com.commhub.mail.web;

/**
 * The mail search filters as typed. Dates and the person stay text so that a bad entry becomes a field error;
 * {@code personEmployeeId} is filled by the controller from {@code person} (工号 or name) and exists so that the mail
 * module's refusals naming it land next to the person field.
 */
public class MailSearchFormData {

	private String text;
	private String person;
	private Long personEmployeeId;
	private String folder;
	private String from;
	private String to;
	private boolean withAttachments;
	private String classification;
	private boolean flagged;
	private Long labelId;

	/** Whether any filter is set (an empty form shows no results, not every mail). */
	public boolean any() {
		return notBlank(text) || notBlank(person) || notBlank(folder) || notBlank(from) || notBlank(to)
				|| withAttachments || notBlank(classification) || flagged || labelId != null;
	}

	private static boolean notBlank(String value) {
		return value != null && !value.isBlank();
	}

	public String getText() {
		return text;
	}

	public void setText(String text) {
		this.text = text;
	}

	public String getPerson() {
		return person;
	}

	public void setPerson(String person) {
		this.person = person;
	}

	public Long getPersonEmployeeId() {
		return personEmployeeId;
	}

	public void setPersonEmployeeId(Long personEmployeeId) {
		this.personEmployeeId = personEmployeeId;
	}

	public String getFolder() {
		return folder;
	}

	public void setFolder(String folder) {
		this.folder = folder;
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

	public boolean isWithAttachments() {
		return withAttachments;
	}

	public void setWithAttachments(boolean withAttachments) {
		this.withAttachments = withAttachments;
	}

	public String getClassification() {
		return classification;
	}

	public void setClassification(String classification) {
		this.classification = classification;
	}

	public boolean isFlagged() {
		return flagged;
	}

	public void setFlagged(boolean flagged) {
		this.flagged = flagged;
	}

	public Long getLabelId() {
		return labelId;
	}

	public void setLabelId(Long labelId) {
		this.labelId = labelId;
	}
}
