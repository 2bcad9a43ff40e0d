package com.commhub.chat.internal;

import org.springframework.stereotype.Component;

import com.commhub.chat.ConversationKind;
import com.commhub.chat.ConversationPolicy;
import com.commhub.chat.MessageState;
import com.commhub.chat.internal.ChatStore.ConversationRow;
import com.commhub.chat.internal.ChatStore.MemberRow;
import com.commhub.chat.internal.ChatStore.MessageRow;
import com.commhub.security.CommHubUser;
import com.commhub.security.CurrentUser;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.NotFoundException;

/**
 * The one gate of the chat module. Only members see a conversation and anything in it (messages, threads, receipts,
 * files, search hits) — nobody else, administrators included, whatever the classification; everyone else gets
 * {@link NotFoundException}. Held, quarantined and discarded messages are seen by their sender alone. What a member
 * may do depends on the kind and the group settings (CHAT-6).
 */
@Component
public class ChatAccess {

	private final ChatStore store;

	ChatAccess(ChatStore store) {
		this.store = store;
	}

	/** The signed-in user's employee id; an account without an employee (the built-in admin) sees no chat at all. */
	Long viewer() {
		return CurrentUser.find().map(CommHubUser::employeeId).orElse(null);
	}

	long requireViewer() {
		Long viewer = viewer();
		if (viewer == null) {
			throw new NotFoundException("conversation", "-");
		}
		return viewer;
	}

	record Membership(ConversationRow conversation, MemberRow member) {
	}

	record Visible(MessageRow message, Membership membership) {
	}

	Membership requireMember(long conversationId, Long employeeId) {
		if (employeeId == null) {
			throw new NotFoundException("conversation", conversationId);
		}
		return store.membership(conversationId, employeeId)
			.orElseThrow(() -> new NotFoundException("conversation", conversationId));
	}

	Visible requireMessage(long messageId, Long employeeId) {
		MessageRow message = store.message(messageId).orElseThrow(() -> new NotFoundException("message", messageId));
		if (employeeId == null || !mayView(message, employeeId)) {
			throw new NotFoundException("message", messageId);
		}
		Membership membership;
		try {
			membership = requireMember(message.conversationId(), employeeId);
		}
		catch (NotFoundException ex) {
			throw new NotFoundException("message", messageId);
		}
		return new Visible(message, membership);
	}

	/** Whether a message (of a conversation the viewer is a member of) is visible: pending ones to the sender only. */
	static boolean mayView(MessageRow message, long employeeId) {
		return message.state() == MessageState.DELIVERED || message.state() == MessageState.RECALLED
				|| message.senderEmployeeId() == employeeId;
	}

	/** Whether the file is attached to a message the user may see (or sent). */
	public boolean mayReadFile(long fileId, Long employeeId) {
		return employeeId != null && store.fileVisibleTo(fileId, employeeId);
	}

	static boolean mayPost(Membership m) {
		return m.conversation().postingPolicy() == ConversationPolicy.EVERYONE || m.member().owner();
	}

	static boolean mayInvite(Membership m) {
		return m.conversation().kind() == ConversationKind.GROUP
				&& (m.conversation().invitePolicy() == ConversationPolicy.EVERYONE || m.member().owner());
	}

	static boolean mayManage(Membership m) {
		return m.conversation().kind() != ConversationKind.DIRECT && m.member().owner();
	}

	static void requirePost(Membership m) {
		if (!mayPost(m)) {
			throw BusinessRuleException.conflict("text", "chat.post.ownersOnly");
		}
	}

	static void requireInvite(Membership m) {
		if (!mayInvite(m)) {
			throw BusinessRuleException.conflict("employeeIds", "chat.members.mayNotInvite");
		}
	}

	static void requireManage(Membership m) {
		if (!mayManage(m)) {
			throw BusinessRuleException.conflict(null, "chat.settings.ownersOnly");
		}
	}
}
