package com.commhub.chat.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** The chat search filters (CHAT-8); everything but {@code q} may stay empty. */
public class ChatSearchFormData {

	private String q;
	private Long person;
	private Long conversation;
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate from;
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate to;
	private boolean attachments;
	private String classification;
	private int page;

	public String getQ() {
		return q;
	}

	public void setQ(String q) {
		this.q = q;
	}

	public Long getPerson() {
		return person;
	}

	public void setPerson(Long person) {
		this.person = person;
	}

	public Long getConversation() {
		return conversation;
	}

	public void setConversation(Long conversation) {
		this.conversation = conversation;
	}

	public LocalDate getFrom() {
		return from;
	}

	public void setFrom(LocalDate from) {
		this.from = from;
	}

	public LocalDate getTo() {
		return to;
	}

	public void setTo(LocalDate to) {
		this.to = to;
	}

	public boolean isAttachments() {
		return attachments;
	}

	public void setAttachments(boolean attachments) {
		this.attachments = attachments;
	}

	public String getClassification() {
		return classification;
	}

	public void setClassification(String classification) {
		this.classification = classification;
	}

	public int getPage() {
		return page;
	}

	public void setPage(int page) {
		this.page = page;
	}
}
