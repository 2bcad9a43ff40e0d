package com.commhub.chat.web;

import com.commhub.chat.ChatLimits;

/** The officer's anti-flooding form (CHAT-9); a blank or non-numeric field is rejected next to it. */
public class LimitsFormData {

	private Integer postsPerMinute;
	private Integer mentionsPerMessage;
	private Integer duplicatePosts;
	private Integer duplicateWindowSeconds;

	static LimitsFormData of(ChatLimits limits) {
		LimitsFormData form = new LimitsFormData();
		form.postsPerMinute = limits.postsPerMinute();
		form.mentionsPerMessage = limits.mentionsPerMessage();
		form.duplicatePosts = limits.duplicatePosts();
		form.duplicateWindowSeconds = limits.duplicateWindowSeconds();
		return form;
	}

	ChatLimits toLimits() {
		return new ChatLimits(zeroIfNull(postsPerMinute), zeroIfNull(mentionsPerMessage), zeroIfNull(duplicatePosts),
				zeroIfNull(duplicateWindowSeconds));
	}

	private static int zeroIfNull(Integer value) {
		return value == null ? 0 : value;
	}

	public Integer getPostsPerMinute() {
		return postsPerMinute;
	}

	public void setPostsPerMinute(Integer postsPerMinute) {
		this.postsPerMinute = postsPerMinute;
	}

	public Integer getMentionsPerMessage() {
		return mentionsPerMessage;
	}

	public void setMentionsPerMessage(Integer mentionsPerMessage) {
		this.mentionsPerMessage = mentionsPerMessage;
	}

	public Integer getDuplicatePosts() {
		return duplicatePosts;
	}

	public void setDuplicatePosts(Integer duplicatePosts) {
		this.duplicatePosts = duplicatePosts;
	}

	public Integer getDuplicateWindowSeconds() {
		return duplicateWindowSeconds;
	}

	public void setDuplicateWindowSeconds(Integer duplicateWindowSeconds) {
		this.duplicateWindowSeconds = duplicateWindowSeconds;
	}
}
