package com.commhub.chat.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;
import org.hibernate.type.SqlTypes;

import com.commhub.SearchAnalysisConfigurer;
import com.commhub.chat.MessageState;
import com.commhub.shared.Classification;

/**
 * A chat message as stored and indexed (CHAT-8). Writes that change indexed fields (text, state, attachments,
 * classification) go through this entity so that Hibernate Search re-indexes it on commit; counters, read positions
 * and lists are read with SQL. The text of 机密 and 绝密 messages is never written to the index: only its filter
 * fields are, so such messages are not found by words.
 */
@Entity
@Table(name = "chat_message")
@Indexed(index = "chat-message")
@DynamicUpdate // counters (reply count, change seq) are also written with SQL: never overwrite them with stale values
class ChatMessage {

	@Id
	private Long id;

	@GenericField
	@Column(name = "conversation_id")
	private long conversationId;

	private Long seq;

	@Column(name = "change_seq")
	private long changeSeq;

	@Column(name = "thread_root_id")
	private Long threadRootId;

	@GenericField
	@Column(name = "sender_employee_id")
	private long senderEmployeeId;

	private String text;

	@Column(name = "text_hash")
	private String textHash;

	@GenericField
	@Enumerated(EnumType.STRING)
	private MessageState state;

	@GenericField
	@Enumerated(EnumType.STRING)
	private Classification classification;

	@Column(name = "read_once")
	private boolean readOnce;

	@Column(name = "expires_at")
	private Instant expiresAt;

	@Column(name = "edited_at")
	private Instant editedAt;

	@Column(name = "recalled_at")
	private Instant recalledAt;

	@Column(name = "client_message_id")
	private String clientMessageId;

	@Column(name = "archive_entry_id")
	private Long archiveEntryId;

	@Column(name = "evidence_id")
	private Long evidenceId;

	@Column(name = "reply_count")
	private int replyCount;

	@GenericField
	@Column(name = "has_attachments")
	private boolean hasAttachments;

	@Column(name = "mentioned_ids")
	@JdbcTypeCode(SqlTypes.ARRAY)
	private Long[] mentionedIds = new Long[0];

	@GenericField(name = "sentAt", sortable = Sortable.YES)
	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	protected ChatMessage() {
	}

	ChatMessage(long id, long conversationId, Long threadRootId, long senderEmployeeId, String text, String textHash,
			MessageState state, Classification classification, boolean readOnce, Instant expiresAt,
			String clientMessageId, boolean hasAttachments, Long[] mentionedIds, Instant createdAt) {
		this.id = id;
		this.conversationId = conversationId;
		this.threadRootId = threadRootId;
		this.senderEmployeeId = senderEmployeeId;
		this.text = text;
		this.textHash = textHash;
		this.state = state;
		this.classification = classification;
		this.readOnce = readOnce;
		this.expiresAt = expiresAt;
		this.clientMessageId = clientMessageId;
		this.hasAttachments = hasAttachments;
		this.mentionedIds = mentionedIds;
		this.createdAt = createdAt;
		this.updatedAt = createdAt;
	}

	/** The words that reach the index: none for 机密 and above (their filter fields are indexed, their text is not). */
	@Transient
	@FullTextField(name = "text", analyzer = SearchAnalysisConfigurer.CHINESE, projectable = Projectable.YES,
			highlightable = Highlightable.UNIFIED)
	@IndexingDependency(derivedFrom = { @ObjectPath(@PropertyValue(propertyName = "text")),
			@ObjectPath(@PropertyValue(propertyName = "classification")) }, reindexOnUpdate = ReindexOnUpdate.DEFAULT)
	String getSearchText() {
		return classification != null && classification.confidential() ? null : text;
	}

	void deliver(long seq, long changeSeq) {
		this.seq = seq;
		this.changeSeq = changeSeq;
		this.state = MessageState.DELIVERED;
		this.updatedAt = Instant.now();
	}

	void discard() {
		this.state = MessageState.DISCARDED;
		this.updatedAt = Instant.now();
	}

	void edit(String text, String textHash, long changeSeq, Instant at) {
		this.text = text;
		this.textHash = textHash;
		this.changeSeq = changeSeq;
		this.editedAt = at;
		this.updatedAt = at;
	}

	void recall(long changeSeq, Instant at) {
		this.state = MessageState.RECALLED;
		this.changeSeq = changeSeq;
		this.recalledAt = at;
		this.updatedAt = at;
	}

	void recorded(long archiveEntryId, Long evidenceId) {
		this.archiveEntryId = archiveEntryId;
		if (evidenceId != null) {
			this.evidenceId = evidenceId;
		}
	}

	/** As {@link ChatStore#message} would read it back after a flush. */
	ChatStore.MessageRow row() {
		return new ChatStore.MessageRow(id, conversationId, seq, changeSeq, threadRootId, senderEmployeeId, text, state,
				classification, readOnce, expiresAt, editedAt, recalledAt, clientMessageId, archiveEntryId, replyCount,
				hasAttachments, createdAt);
	}

	Long id() {
		return id;
	}

	long conversationId() {
		return conversationId;
	}

	Long seq() {
		return seq;
	}

	long changeSeq() {
		return changeSeq;
	}

	Long threadRootId() {
		return threadRootId;
	}

	long senderEmployeeId() {
		return senderEmployeeId;
	}

	String text() {
		return text;
	}

	MessageState state() {
		return state;
	}

	Classification classification() {
		return classification;
	}

	boolean hasAttachments() {
		return hasAttachments;
	}

	Long archiveEntryId() {
		return archiveEntryId;
	}

	Long[] mentionedIds() {
		return mentionedIds;
	}

	Instant createdAt() {
		return createdAt;
	}
}
