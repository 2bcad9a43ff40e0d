package com.commhub.chat.web;

/** A group's settings as its owners edit them (CHAT-6). */
public class ConversationSettingsFormData {

	private String title;
	private String topic;
	private String classification;
	private String postingPolicy;
	private String invitePolicy;

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

	public String getPostingPolicy() {
		return postingPolicy;
	}

	public void setPostingPolicy(String postingPolicy) {
		this.postingPolicy = postingPolicy;
	}

	public String getInvitePolicy() {
		return invitePolicy;
	}

	public void setInvitePolicy(String invitePolicy) {
		this.invitePolicy = invitePolicy;
	}
}
