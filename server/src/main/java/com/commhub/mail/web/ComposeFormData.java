package com.commhub.mail.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The composer. Addressees are {@code KIND:id} ({@code EMPLOYEE:12}, {@code DEPARTMENT:3}, {@code GROUP:7}) from the
 * pickers' chips; the follow-up date is text so that a bad entry becomes a field error; {@code body} is the editor's
 * HTML (sanitised by the mail module).
 * {@code ccReviewed}: the sender has seen the MAIL-3 CC suggestions (or there were none to show).
 */
public class ComposeFormData {

	private Long draftId;
	private List<String> to = new ArrayList<>();
	private List<String> cc = new ArrayList<>();
	private List<String> bcc = new ArrayList<>();
	private String subject;
	private String body;
	private String classification;
	private List<Long> attachmentIds = new ArrayList<>();
	private boolean receiptRequested;
	private String followUpOn;
	private Long replyToMailId;
	private Long forwardOfMailId;
	private String justification;
	private boolean ccReviewed;

	public Long getDraftId() {
		return draftId;
	}

	public void setDraftId(Long draftId) {
		this.draftId = draftId;
	}

	public List<String> getTo() {
		return to;
	}

	public void setTo(List<String> to) {
		this.to = to == null ? new ArrayList<>() : to;
	}

	public List<String> getCc() {
		return cc;
	}

	public void setCc(List<String> cc) {
		this.cc = cc == null ? new ArrayList<>() : cc;
	}

	public List<String> getBcc() {
		return bcc;
	}

	public void setBcc(List<String> bcc) {
		this.bcc = bcc == null ? new ArrayList<>() : bcc;
	}

	public String getSubject() {
		return subject;
	}

	public void setSubject(String subject) {
		this.subject = subject;
	}

	public String getBody() {
		return body;
	}

	public void setBody(String body) {
		this.body = body;
	}

	public String getClassification() {
		return classification;
	}

	public void setClassification(String classification) {
		this.classification = classification;
	}

	public List<Long> getAttachmentIds() {
		return attachmentIds;
	}

	public void setAttachmentIds(List<Long> attachmentIds) {
		this.attachmentIds = attachmentIds == null ? new ArrayList<>() : attachmentIds;
	}

	public boolean isReceiptRequested() {
		return receiptRequested;
	}

	public void setReceiptRequested(boolean receiptRequested) {
		this.receiptRequested = receiptRequested;
	}

	public String getFollowUpOn() {
		return followUpOn;
	}

	public void setFollowUpOn(String followUpOn) {
		this.followUpOn = followUpOn;
	}

	public Long getReplyToMailId() {
		return replyToMailId;
	}

	public void setReplyToMailId(Long replyToMailId) {
		this.replyToMailId = replyToMailId;
	}

	public Long getForwardOfMailId() {
		return forwardOfMailId;
	}

	public void setForwardOfMailId(Long forwardOfMailId) {
		this.forwardOfMailId = forwardOfMailId;
	}

	public String getJustification() {
		return justification;
	}

	public void setJustification(String justification) {
		this.justification = justification;
	}

	public boolean isCcReviewed() {
		return ccReviewed;
	}

	public void setCcReviewed(boolean ccReviewed) {
		this.ccReviewed = ccReviewed;
	}
}
