package com.commhub.chat.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.commhub.chat.ConversationKind;
import com.commhub.chat.ConversationPolicy;
import com.commhub.chat.MessageState;
import com.commhub.shared.Classification;

/**
 * The SQL of the chat tables: conversations, members and their read positions (watermarks), the per-conversation
 * counters, and message reads. Message rows are written through {@link ChatMessage} (so the search index follows);
 * counters and read positions are written here.
 */
@Component
class ChatStore {

	static final String MESSAGE_COLUMNS = """
			m.id, m.conversation_id, m.seq, m.change_seq, m.thread_root_id, m.sender_employee_id, m.text, m.state,
			m.classification, m.read_once, m.expires_at, m.edited_at, m.recalled_at, m.client_message_id,
			m.archive_entry_id, m.reply_count, m.has_attachments, m.created_at\s""";

	private final JdbcClient jdbc;

	ChatStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---- conversations ----

	record ConversationRow(long id, ConversationKind kind, String title, String topic, Classification classification,
			ConversationPolicy postingPolicy, ConversationPolicy invitePolicy, Long departmentId,
			Long directoryGroupId, String directKey, long lastSeq, long lastChangeSeq, Long createdBy,
			Instant createdAt, Instant lastMessageAt) {
	}

	record MemberRow(long employeeId, boolean owner, long readSeq, Instant joinedAt) {
	}

	/** The two counters after an increment: the new seq (0 when none was taken) and the new change seq. */
	record Counters(long seq, long changeSeq) {
	}

	Optional<ConversationRow> conversation(long id) {
		return jdbc.sql("select * from chat_conversation where id = ?").param(id).query(ChatStore::conversation)
			.optional();
	}

	Optional<ConversationRow> directConversation(String directKey) {
		return jdbc.sql("select * from chat_conversation where direct_key = ?").param(directKey)
			.query(ChatStore::conversation).optional();
	}

	Optional<ConversationRow> departmentChannel(long departmentId) {
		return jdbc.sql("select * from chat_conversation where kind = 'DEPARTMENT' and department_id = ?")
			.param(departmentId).query(ChatStore::conversation).optional();
	}

	Optional<ConversationRow> projectConversation(long groupId) {
		return jdbc.sql("select * from chat_conversation where kind = 'PROJECT' and directory_group_id = ?")
			.param(groupId).query(ChatStore::conversation).optional();
	}

	List<ConversationRow> conversationsOfKind(ConversationKind kind) {
		return jdbc.sql("select * from chat_conversation where kind = ? order by id").param(kind.name())
			.query(ChatStore::conversation).list();
	}

	long insertConversation(ConversationKind kind, String title, String topic, Classification classification,
			ConversationPolicy posting, ConversationPolicy invite, Long departmentId, Long groupId, String directKey,
			Long createdBy, Instant now) {
		return jdbc.sql("""
				insert into chat_conversation (kind, title, topic, classification, posting_policy, invite_policy,
				    department_id, directory_group_id, direct_key, created_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(kind.name(), title, topic, classification.name(), posting.name(), invite.name(), departmentId,
					groupId, directKey, createdBy, Timestamp.from(now))
			.query(Long.class).single();
	}

	void updateSettings(long id, String title, String topic, Classification classification,
			ConversationPolicy posting, ConversationPolicy invite) {
		jdbc.sql("""
				update chat_conversation set title = ?, topic = ?, classification = ?, posting_policy = ?,
				    invite_policy = ? where id = ?""")
			.params(title, topic, classification.name(), posting.name(), invite.name(), id).update();
	}

	/**
	 * Takes the next change seq, and the next seq when {@code newSeq}, of a conversation. The row stays locked until
	 * the transaction ends, so seq order is commit order within a conversation (catch-up relies on it).
	 * {@code extraChanges} reserves that many further change seqs (a thread reply also changes its root).
	 */
	Counters nextCounters(long conversationId, boolean newSeq, int extraChanges, Instant messageAt) {
		return jdbc.sql("""
				update chat_conversation
				   set last_seq = last_seq + ?, last_change_seq = last_change_seq + ?,
				       last_message_at = coalesce(?, last_message_at)
				 where id = ? returning last_seq, last_change_seq""")
			.params(newSeq ? 1 : 0, 1 + extraChanges, messageAt == null ? null : Timestamp.from(messageAt),
					conversationId)
			.query((rs, n) -> new Counters(newSeq ? rs.getLong(1) : 0, rs.getLong(2) - extraChanges)).single();
	}

	// ---- members ----

	List<MemberRow> members(long conversationId) {
		return jdbc.sql("""
				select employee_id, owner, read_seq, joined_at from chat_member where conversation_id = ?
				order by owner desc, joined_at, employee_id""")
			.param(conversationId)
			.query((rs, n) -> new MemberRow(rs.getLong(1), rs.getBoolean(2), rs.getLong(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	List<Long> memberIds(long conversationId) {
		return jdbc.sql("select employee_id from chat_member where conversation_id = ? order by employee_id")
			.param(conversationId).query(Long.class).list();
	}

	Optional<MemberRow> member(long conversationId, long employeeId) {
		return jdbc.sql("""
				select employee_id, owner, read_seq, joined_at from chat_member
				where conversation_id = ? and employee_id = ?""")
			.params(conversationId, employeeId)
			.query((rs, n) -> new MemberRow(rs.getLong(1), rs.getBoolean(2), rs.getLong(3),
					rs.getTimestamp(4).toInstant()))
			.optional();
	}

	/** The conversation and the employee's membership of it, in one round trip (every request checks it). */
	Optional<ChatAccess.Membership> membership(long conversationId, long employeeId) {
		return jdbc.sql("""
				select c.*, m.employee_id as member_employee_id, m.owner as member_owner,
				       m.read_seq as member_read_seq, m.joined_at as member_joined_at
				  from chat_conversation c join chat_member m on m.conversation_id = c.id
				 where c.id = ? and m.employee_id = ?""")
			.params(conversationId, employeeId)
			.query((rs, n) -> new ChatAccess.Membership(conversation(rs, n),
					new MemberRow(rs.getLong("member_employee_id"), rs.getBoolean("member_owner"),
							rs.getLong("member_read_seq"), rs.getTimestamp("member_joined_at").toInstant())))
			.optional();
	}

	/** Adds members (those already in stay as they are); returns the ids actually added. */
	List<Long> addMembers(long conversationId, Collection<Long> employeeIds, boolean owner, Instant now) {
		List<Long> added = new ArrayList<>();
		for (Long employeeId : employeeIds) {
			int rows = jdbc.sql("""
					insert into chat_member (conversation_id, employee_id, owner, read_seq, joined_at)
					select ?, ?, ?, c.last_seq, ? from chat_conversation c where c.id = ?
					on conflict do nothing""")
				.params(conversationId, employeeId, owner, Timestamp.from(now), conversationId).update();
			if (rows > 0) {
				added.add(employeeId);
			}
		}
		return added;
	}

	boolean removeMember(long conversationId, long employeeId) {
		return jdbc.sql("delete from chat_member where conversation_id = ? and employee_id = ?")
			.params(conversationId, employeeId).update() > 0;
	}

	void setOwner(long conversationId, long employeeId, boolean owner) {
		jdbc.sql("update chat_member set owner = ? where conversation_id = ? and employee_id = ?")
			.params(owner, conversationId, employeeId).update();
	}

	long ownerCount(long conversationId) {
		return jdbc.sql("select count(*) from chat_member where conversation_id = ? and owner")
			.param(conversationId).query(Long.class).single();
	}

	/** Moves a read position forward only; returns the position afterwards (empty when not a member). */
	Optional<Long> markRead(long conversationId, long employeeId, long seq) {
		return jdbc.sql("""
				update chat_member m set read_seq = greatest(m.read_seq, least(?, c.last_seq))
				  from chat_conversation c
				 where c.id = m.conversation_id and m.conversation_id = ? and m.employee_id = ?
				returning m.read_seq""")
			.params(seq, conversationId, employeeId).query(Long.class).optional();
	}

	// ---- messages ----

	record MessageRow(long id, long conversationId, Long seq, long changeSeq, Long threadRootId,
			long senderEmployeeId, String text, MessageState state, Classification classification, boolean readOnce,
			Instant expiresAt, Instant editedAt, Instant recalledAt, String clientMessageId, Long archiveEntryId,
			int replyCount, boolean hasAttachments, Instant createdAt) {
	}

	long nextMessageId() {
		return jdbc.sql("select nextval('chat_message_id_seq')").query(Long.class).single();
	}

	Optional<MessageRow> message(long id) {
		return jdbc.sql("select " + MESSAGE_COLUMNS + " from chat_message m where m.id = ?").param(id)
			.query(ChatStore::message).optional();
	}

	Optional<MessageRow> messageByClientId(long senderEmployeeId, String clientMessageId) {
		return jdbc.sql("select " + MESSAGE_COLUMNS
				+ " from chat_message m where m.sender_employee_id = ? and m.client_message_id = ?")
			.params(senderEmployeeId, clientMessageId).query(ChatStore::message).optional();
	}

	/** Top-level delivered or recalled messages with seq below {@code beforeSeq} (any when null), newest first. */
	List<MessageRow> topLevel(long conversationId, Long beforeSeq, int limit) {
		return jdbc.sql("select " + MESSAGE_COLUMNS + """
				 from chat_message m
				where m.conversation_id = ? and m.seq is not null and m.thread_root_id is null and m.seq < ?
				order by m.seq desc limit ?""")
			.params(conversationId, beforeSeq == null ? Long.MAX_VALUE : beforeSeq, limit)
			.query(ChatStore::message).list();
	}

	/** The sender's own messages still held or quarantined in a conversation (top-level or in a thread). */
	List<MessageRow> pendingOf(long conversationId, long senderEmployeeId, Long threadRootId) {
		return jdbc.sql("select " + MESSAGE_COLUMNS + """
				 from chat_message m
				where m.conversation_id = ? and m.sender_employee_id = ? and m.state in ('HELD_FOR_APPROVAL', 'QUARANTINED')
				  and m.thread_root_id is not distinct from ?
				order by m.id""")
			.params(conversationId, senderEmployeeId, threadRootId).query(ChatStore::message).list();
	}

	List<MessageRow> changesAfter(long conversationId, long afterChangeSeq, int limit) {
		return jdbc.sql("select " + MESSAGE_COLUMNS + """
				 from chat_message m
				where m.conversation_id = ? and m.seq is not null and m.change_seq > ?
				order by m.change_seq limit ?""")
			.params(conversationId, afterChangeSeq, limit).query(ChatStore::message).list();
	}

	List<MessageRow> replies(long rootId) {
		return jdbc.sql("select " + MESSAGE_COLUMNS + """
				 from chat_message m where m.thread_root_id = ? and m.seq is not null order by m.seq""")
			.param(rootId).query(ChatStore::message).list();
	}

	/** Increments a thread root's reply count and stamps it with a change seq. */
	void replied(long rootId, long changeSeq) {
		jdbc.sql("update chat_message set reply_count = reply_count + 1, change_seq = ? where id = ?")
			.params(changeSeq, rootId).update();
	}

	void stamp(long messageId, long changeSeq) {
		jdbc.sql("update chat_message set change_seq = ? where id = ?").params(changeSeq, messageId).update();
	}

	// ---- mentions, reactions, attachments, openings ----

	record MentionRow(long messageId, Long employeeId, Long departmentId, String name) {
	}

	record ReactionRow(long messageId, long employeeId, String emoji) {
	}

	void insertMentions(long messageId, List<MentionRow> mentions) {
		int position = 0;
		for (MentionRow m : mentions) {
			jdbc.sql("""
					insert into chat_mention (message_id, position, employee_id, department_id, name)
					values (?, ?, ?, ?, ?)""")
				.params(messageId, position++, m.employeeId(), m.departmentId(), m.name()).update();
		}
	}

	Map<Long, List<MentionRow>> mentions(Collection<Long> messageIds) {
		Map<Long, List<MentionRow>> result = new LinkedHashMap<>();
		if (messageIds.isEmpty()) {
			return result;
		}
		jdbc.sql("""
				select message_id, employee_id, department_id, name from chat_mention
				where message_id = any(?) order by message_id, position""")
			.param(array(messageIds))
			.query((rs, n) -> new MentionRow(rs.getLong(1), (Long) rs.getObject(2), (Long) rs.getObject(3),
					rs.getString(4)))
			.list()
			.forEach(m -> result.computeIfAbsent(m.messageId(), k -> new ArrayList<>()).add(m));
		return result;
	}

	boolean addReaction(long messageId, long employeeId, String emoji, Instant now) {
		return jdbc.sql("""
				insert into chat_reaction (message_id, employee_id, emoji, created_at) values (?, ?, ?, ?)
				on conflict do nothing""")
			.params(messageId, employeeId, emoji, Timestamp.from(now)).update() > 0;
	}

	boolean removeReaction(long messageId, long employeeId, String emoji) {
		return jdbc.sql("delete from chat_reaction where message_id = ? and employee_id = ? and emoji = ?")
			.params(messageId, employeeId, emoji).update() > 0;
	}

	Map<Long, List<ReactionRow>> reactions(Collection<Long> messageIds) {
		Map<Long, List<ReactionRow>> result = new LinkedHashMap<>();
		if (messageIds.isEmpty()) {
			return result;
		}
		jdbc.sql("""
				select message_id, employee_id, emoji from chat_reaction
				where message_id = any(?) order by message_id, created_at, employee_id""")
			.param(array(messageIds))
			.query((rs, n) -> new ReactionRow(rs.getLong(1), rs.getLong(2), rs.getString(3)))
			.list()
			.forEach(r -> result.computeIfAbsent(r.messageId(), k -> new ArrayList<>()).add(r));
		return result;
	}

	void insertAttachments(long messageId, List<Long> fileIds) {
		for (Long fileId : fileIds) {
			jdbc.sql("insert into chat_attachment (message_id, file_id) values (?, ?) on conflict do nothing")
				.params(messageId, fileId).update();
		}
	}

	Map<Long, List<Long>> attachments(Collection<Long> messageIds) {
		Map<Long, List<Long>> result = new LinkedHashMap<>();
		if (messageIds.isEmpty()) {
			return result;
		}
		jdbc.sql("select message_id, file_id from chat_attachment where message_id = any(?) order by message_id, file_id")
			.param(array(messageIds))
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
			.list()
			.forEach(e -> result.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		return result;
	}

	/** Whether {@code employeeId} is a member of a conversation where this file is attached to a delivered message. */
	boolean fileVisibleTo(long fileId, long employeeId) {
		return jdbc.sql("""
				select exists (select 1 from chat_attachment a
				    join chat_message m on m.id = a.message_id and m.state = 'DELIVERED'
				    join chat_member c on c.conversation_id = m.conversation_id and c.employee_id = ?
				   where a.file_id = ?)
				    or exists (select 1 from chat_attachment a join chat_message m on m.id = a.message_id
				   where a.file_id = ? and m.sender_employee_id = ? and m.state <> 'RECALLED')""")
			.params(employeeId, fileId, fileId, employeeId).query(Boolean.class).single();
	}

	boolean recordOpening(long messageId, long employeeId, Instant now) {
		return jdbc.sql("""
				insert into chat_opening (message_id, employee_id, opened_at) values (?, ?, ?)
				on conflict do nothing""")
			.params(messageId, employeeId, Timestamp.from(now)).update() > 0;
	}

	List<Long> openedBy(long employeeId, Collection<Long> messageIds) {
		if (messageIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select message_id from chat_opening where employee_id = ? and message_id = any(?)")
			.params(employeeId, array(messageIds)).query(Long.class).list();
	}

	// ---- rate limits ----

	Optional<Instant> oldestPostSince(long senderEmployeeId, Instant since) {
		return jdbc.sql("select min(created_at) from chat_message where sender_employee_id = ? and created_at > ?")
			.params(senderEmployeeId, Timestamp.from(since))
			.query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant()).optional();
	}

	// ---- mapping ----

	private static Long[] array(Collection<Long> ids) {
		return ids.toArray(Long[]::new);
	}

	static ConversationRow conversation(ResultSet rs, int n) throws SQLException {
		return new ConversationRow(rs.getLong("id"), ConversationKind.valueOf(rs.getString("kind")),
				rs.getString("title"), rs.getString("topic"), Classification.valueOf(rs.getString("classification")),
				ConversationPolicy.valueOf(rs.getString("posting_policy")),
				ConversationPolicy.valueOf(rs.getString("invite_policy")), (Long) rs.getObject("department_id"),
				(Long) rs.getObject("directory_group_id"), rs.getString("direct_key"), rs.getLong("last_seq"),
				rs.getLong("last_change_seq"), (Long) rs.getObject("created_by"), instant(rs, "created_at"),
				instant(rs, "last_message_at"));
	}

	static MessageRow message(ResultSet rs, int n) throws SQLException {
		return new MessageRow(rs.getLong("id"), rs.getLong("conversation_id"), (Long) rs.getObject("seq"),
				rs.getLong("change_seq"), (Long) rs.getObject("thread_root_id"), rs.getLong("sender_employee_id"),
				rs.getString("text"), MessageState.valueOf(rs.getString("state")),
				Classification.valueOf(rs.getString("classification")), rs.getBoolean("read_once"),
				instant(rs, "expires_at"), instant(rs, "edited_at"), instant(rs, "recalled_at"),
				rs.getString("client_message_id"), (Long) rs.getObject("archive_entry_id"), rs.getInt("reply_count"),
				rs.getBoolean("has_attachments"), instant(rs, "created_at"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
