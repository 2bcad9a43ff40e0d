package com.commhub.chat.internal.realtime;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.commhub.chat.MessageView;

/**
 * One JSON frame on {@code /user/queue/chat}. {@code type}: {@code message} (a message became visible),
 * {@code changed} (edited, recalled, reacted to, or a thread reply changed its reply count; {@code change} says
 * which), {@code read} (member {@code employeeId} read up to {@code readSeq}), {@code pending} (the recipient's held
 * message was {@code state} RELEASED→DELIVERED or DISCARDED), {@code membership} ({@code added}/{@code removed}
 * employee ids). {@code changeSeq} is set on {@code message} and {@code changed} frames: the client's catch-up key.
 * {@code message} is the message as a plain member sees it; per-viewer details (own reactions, read-once content)
 * come from the REST API.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChatFrame(String type, long conversationId, Long changeSeq, Long messageId, Long seq, Long threadRootId,
		String change, MessageView message, Long employeeId, Long readSeq, String state, List<Long> added,
		List<Long> removed) {

	static ChatFrame message(long conversationId, long changeSeq, long messageId, long seq, Long threadRootId,
			MessageView view) {
		return new ChatFrame("message", conversationId, changeSeq, messageId, seq, threadRootId, null, view, null,
				null, null, null, null);
	}

	static ChatFrame changed(long conversationId, long changeSeq, long messageId, String change, MessageView view) {
		return new ChatFrame("changed", conversationId, changeSeq, messageId, view == null ? null : view.seq(),
				view == null ? null : view.threadRootId(), change, view, null, null, null, null, null);
	}

	static ChatFrame read(long conversationId, long employeeId, long readSeq) {
		return new ChatFrame("read", conversationId, null, null, null, null, null, null, employeeId, readSeq, null,
				null, null);
	}

	static ChatFrame pending(long conversationId, long messageId, String state) {
		return new ChatFrame("pending", conversationId, null, messageId, null, null, null, null, null, null, state,
				null, null);
	}

	static ChatFrame membership(long conversationId, List<Long> added, List<Long> removed) {
		return new ChatFrame("membership", conversationId, null, null, null, null, null, null, null, null, null,
				added, removed);
	}
}
