package com.commhub.chat.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.commhub.chat.ChatLimits;
import com.commhub.chat.ChatQueries;
import com.commhub.chat.ConversationKind;
import com.commhub.chat.ConversationSummary;
import com.commhub.chat.ConversationView;
import com.commhub.chat.MemberView;
import com.commhub.chat.MessageHit;
import com.commhub.chat.MessagePage;
import com.commhub.chat.MessageSearch;
import com.commhub.chat.MessageState;
import com.commhub.chat.MessageView;
import com.commhub.chat.Receipts;
import com.commhub.chat.internal.ChatAccess.Membership;
import com.commhub.chat.internal.ChatAccess.Visible;
import com.commhub.chat.internal.ChatStore.MemberRow;
import com.commhub.chat.internal.ChatStore.MessageRow;
import com.commhub.security.CurrentUser;
import com.commhub.security.Permission;
import com.commhub.shared.Classification;
import com.commhub.shared.NotFoundException;
import com.commhub.shared.PageResult;

/** The chat reads of the signed-in user, all through {@link ChatAccess}. */
@Service
@Transactional(readOnly = true)
class ChatReader implements ChatQueries {

	static final int MAX_PAGE = 200;
	static final int MAX_CHANGES = 500;
	static final int PREVIEW = 80;

	private final ChatStore store;
	private final ChatAccess access;
	private final MessageViews views;
	private final ConversationViews conversationViews;
	private final People people;
	private final ChatSearch search;
	private final RateLimits limits;
	private final JdbcClient jdbc;

	ChatReader(ChatStore store, ChatAccess access, MessageViews views, ConversationViews conversationViews,
			People people, ChatSearch search, RateLimits limits, JdbcClient jdbc) {
		this.store = store;
		this.access = access;
		this.views = views;
		this.conversationViews = conversationViews;
		this.people = people;
		this.search = search;
		this.limits = limits;
		this.jdbc = jdbc;
	}

	@Override
	public List<ConversationSummary> conversations() {
		Long me = access.viewer();
		if (me == null) {
			return List.of();
		}
		record Row(long id, ConversationKind kind, String title, Classification classification, long lastSeq,
				long readSeq, long unread, long unreadMentions, java.time.Instant lastMessageAt, String lastText,
				boolean lastHidden, Long other) {
		}
		List<Row> rows = jdbc.sql("""
				select c.id, c.kind, c.title, c.classification, c.last_seq, m.read_seq, c.last_message_at,
				       (select count(*) from chat_message x where x.conversation_id = c.id and x.seq > m.read_seq
				            and x.sender_employee_id <> m.employee_id and x.state = 'DELIVERED') as unread,
				       (select count(*) from chat_message x where x.conversation_id = c.id and x.seq > m.read_seq
				            and x.state = 'DELIVERED' and m.employee_id = any(x.mentioned_ids)) as unread_mentions,
				       l.text as last_text, (l.state <> 'DELIVERED' or l.read_once) as last_hidden,
				       (select o.employee_id from chat_member o where c.kind = 'DIRECT' and o.conversation_id = c.id
				            and o.employee_id <> m.employee_id limit 1) as other
				  from chat_member m
				  join chat_conversation c on c.id = m.conversation_id
				  left join chat_message l on l.conversation_id = c.id and l.seq = c.last_seq and c.last_seq > 0
				 where m.employee_id = ?
				 order by coalesce(c.last_message_at, c.created_at) desc, c.id desc""")
			.param(me)
			.query((rs, n) -> new Row(rs.getLong("id"), ConversationKind.valueOf(rs.getString("kind")),
					rs.getString("title"), Classification.valueOf(rs.getString("classification")),
					rs.getLong("last_seq"), rs.getLong("read_seq"), rs.getLong("unread"),
					rs.getLong("unread_mentions"), ChatStore.instant(rs, "last_message_at"), rs.getString("last_text"),
					rs.getBoolean("last_hidden"), (Long) rs.getObject("other")))
			.list();
		var names = people.all(rows.stream().filter(r -> r.other() != null).map(Row::other).toList());
		return rows.stream().map(r -> new ConversationSummary(r.id(), r.kind(),
				r.kind() == ConversationKind.DIRECT && r.other() != null ? names.get(r.other()).name() : r.title(),
				r.classification(), r.lastSeq(), r.readSeq(), r.unread(), r.unreadMentions(), r.lastMessageAt(),
				r.lastText() == null || r.lastHidden() ? "" : preview(r.lastText())))
			.toList();
	}

	@Override
	public ConversationView conversation(long conversationId) {
		long me = access.requireViewer();
		return conversationViews.of(access.requireMember(conversationId, me), me);
	}

	@Override
	public List<MemberView> members(long conversationId) {
		long me = access.requireViewer();
		access.requireMember(conversationId, me);
		List<MemberRow> members = store.members(conversationId);
		var persons = people.all(members.stream().map(MemberRow::employeeId).toList());
		return members.stream().map(m -> {
			People.Person p = persons.get(m.employeeId());
			return new MemberView(m.employeeId(), p.employeeNo(), p.name(), p.departmentName(), m.owner(),
					m.readSeq());
		}).toList();
	}

	@Override
	public MessagePage messages(long conversationId, Long beforeSeq, int limit) {
		long me = access.requireViewer();
		Membership m = access.requireMember(conversationId, me);
		int size = Math.clamp(limit, 1, MAX_PAGE);
		List<MessageRow> rows = new ArrayList<>(store.topLevel(conversationId, beforeSeq, size + 1));
		boolean hasMore = rows.size() > size;
		if (hasMore) {
			rows = new ArrayList<>(rows.subList(0, size));
		}
		java.util.Collections.reverse(rows);
		if (beforeSeq == null) {
			rows.addAll(store.pendingOf(conversationId, me, null));
		}
		return new MessagePage(views.of(rows, me), hasMore, m.conversation().lastChangeSeq());
	}

	@Override
	public MessagePage changes(long conversationId, long afterChangeSeq, int limit) {
		long me = access.requireViewer();
		access.requireMember(conversationId, me);
		int size = Math.clamp(limit, 1, MAX_CHANGES);
		List<MessageRow> rows = store.changesAfter(conversationId, afterChangeSeq, size + 1);
		boolean hasMore = rows.size() > size;
		if (hasMore) {
			rows = rows.subList(0, size);
		}
		long last = rows.isEmpty() ? afterChangeSeq : rows.getLast().changeSeq();
		return new MessagePage(views.of(rows, me), hasMore, last);
	}

	@Override
	public MessageView message(long messageId) {
		long me = access.requireViewer();
		return views.of(access.requireMessage(messageId, me).message(), me);
	}

	@Override
	public List<MessageView> thread(long rootMessageId) {
		long me = access.requireViewer();
		Visible v = access.requireMessage(rootMessageId, me);
		MessageRow root = v.message();
		if (root.threadRootId() != null) {
			throw new NotFoundException("thread", rootMessageId);
		}
		List<MessageRow> rows = new ArrayList<>();
		rows.add(root);
		rows.addAll(store.replies(root.id()));
		rows.addAll(store.pendingOf(root.conversationId(), me, root.id()));
		return views.of(rows, me);
	}

	@Override
	public Receipts receipts(long messageId) {
		long me = access.requireViewer();
		Visible v = access.requireMessage(messageId, me);
		MessageRow row = v.message();
		List<MemberRow> members = store.members(row.conversationId());
		var persons = people.all(members.stream().map(MemberRow::employeeId).toList());
		List<MemberView> read = new ArrayList<>();
		List<MemberView> unread = new ArrayList<>();
		for (MemberRow m : members) {
			if (m.employeeId() == row.senderEmployeeId()) {
				continue;
			}
			People.Person p = persons.get(m.employeeId());
			MemberView view = new MemberView(m.employeeId(), p.employeeNo(), p.name(), p.departmentName(), m.owner(),
					m.readSeq());
			if (row.seq() != null && row.state() == MessageState.DELIVERED && m.readSeq() >= row.seq()) {
				read.add(view);
			}
			else {
				unread.add(view);
			}
		}
		return new Receipts(messageId, row.seq() == null ? 0 : row.seq(), read, unread);
	}

	@Override
	public long unreadTotal() {
		Long me = access.viewer();
		if (me == null) {
			return 0;
		}
		return jdbc.sql("""
				select count(*) from chat_member m
				  join chat_message x on x.conversation_id = m.conversation_id and x.seq > m.read_seq
				 where m.employee_id = ? and x.sender_employee_id <> m.employee_id and x.state = 'DELIVERED'""")
			.param(me).query(Long.class).single();
	}

	@Override
	public PageResult<MessageHit> search(MessageSearch query, int page, int size) {
		Long me = access.viewer();
		// an account without an employee is in no conversation: it finds nothing
		return search.search(me == null ? -1 : me, query, page, size);
	}

	@Override
	public ChatLimits limits() {
		if (!CurrentUser.has(Permission.COMPLIANCE_MANAGE)) {
			throw new AccessDeniedException("chat limits");
		}
		return limits.current();
	}

	private static String preview(String text) {
		String flat = text.replaceAll("\\s+", " ").strip();
		return flat.length() <= PREVIEW ? flat : flat.substring(0, PREVIEW) + "…";
	}
}
