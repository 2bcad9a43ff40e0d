package com.commhub.chat.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import com.commhub.chat.ConversationKind;
import com.commhub.chat.ConversationView;
import com.commhub.chat.internal.ChatAccess.Membership;
import com.commhub.chat.internal.ChatStore.ConversationRow;

/** A conversation as one member sees it: a DIRECT conversation is titled with the other person's name. */
@Component
class ConversationViews {

	private final ChatStore store;
	private final ChatAccess access;
	private final People people;

	ConversationViews(ChatStore store, ChatAccess access, People people) {
		this.store = store;
		this.access = access;
		this.people = people;
	}

	ConversationView of(long conversationId, long viewer) {
		return of(access.requireMember(conversationId, viewer), viewer);
	}

	ConversationView of(Membership m, long viewer) {
		ConversationRow c = m.conversation();
		List<Long> members = store.memberIds(c.id());
		return new ConversationView(c.id(), c.kind(), title(c, members, viewer), c.topic(), c.classification(),
				c.postingPolicy(), c.invitePolicy(), c.departmentId(), c.directoryGroupId(), members.size(),
				c.lastSeq(), c.lastChangeSeq(), m.member().readSeq(), m.member().owner(), ChatAccess.mayPost(m),
				ChatAccess.mayInvite(m), ChatAccess.mayManage(m), c.createdAt());
	}

	/** What the caller who just left still gets back: the conversation without any rights in it. */
	ConversationView asFormerMember(ConversationRow c) {
		return new ConversationView(c.id(), c.kind(), c.title(), c.topic(), c.classification(), c.postingPolicy(),
				c.invitePolicy(), c.departmentId(), c.directoryGroupId(), store.memberIds(c.id()).size(), c.lastSeq(),
				c.lastChangeSeq(), 0, false, false, false, false, c.createdAt());
	}

	String title(ConversationRow c, List<Long> members, long viewer) {
		if (c.kind() == ConversationKind.DIRECT) {
			return members.stream().filter(id -> id != viewer).findFirst().map(id -> people.of(id).name())
				.orElse(people.of(viewer).name());
		}
		return c.title();
	}
}
