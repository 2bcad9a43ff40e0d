package com.commhub.chat.web;

import java.util.ArrayList;
import java.util.List;

/** The new-conversation form: kind DIRECT (one person), GROUP (title and members) or PROJECT (a directory group). */
public class NewConversationFormData {

	private String kind = "DIRECT";
	private Long person;
	private String title;
	private String topic;
	private String classification;
	private List<Long> members = new ArrayList<>();
	private Long directoryGroupId;

	public String getKind() {
		return kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public Long getPerson() {
		return person;
	}

	public void setPerson(Long person) {
		this.person = person;
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getTopic() {
		return topic;
	}

	public void setTopic(String topic) {
		this.topic = topic;
	}

	public String getClassification() {
		return classification;
	}

	public void setClassification(String classification) {
		this.classification = classification;
	}

	public List<Long> getMembers() {
		return members;
	}

	public void setMembers(List<Long> members) {
		this.members = members;
	}

	public Long getDirectoryGroupId() {
		return directoryGroupId;
	}

	public void setDirectoryGroupId(Long directoryGroupId) {
		this.directoryGroupId = directoryGroupId;
	}
}
