package com.commhub.mail.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexedEmbedded;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;

import com.commhub.SearchAnalysisConfigurer;
import com.commhub.mail.MailState;
import com.commhub.shared.Classification;

/** One composed mail (a draft until sent). Indexed through the mailbox items that embed it. */
@Entity
@Table(name = "mail_message")
class MailMessage {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "thread_id")
	private long threadId;

	@Column(name = "sender_employee_id")
	@GenericField
	private long senderEmployeeId;

	@FullTextField(analyzer = SearchAnalysisConfigurer.CHINESE, projectable = Projectable.YES,
			highlightable = Highlightable.ANY)
	private String subject = "";

	@Column(name = "body_html")
	private String bodyHtml = "";

	@Column(name = "body_text")
	private String bodyText = "";

	@Enumerated(EnumType.STRING)
	@KeywordField
	private Classification classification;

	@Column(name = "receipt_requested")
	private boolean receiptRequested;

	@Column(name = "follow_up_on")
	private LocalDate followUpOn;

	@Column(name = "follow_up_notified_at")
	private Instant followUpNotifiedAt;

	@Column(name = "reply_to_id")
	private Long replyToId;

	@Column(name = "forward_of_id")
	private Long forwardOfId;

	@Enumerated(EnumType.STRING)
	private MailState state;

	@Column(name = "has_attachments")
	@GenericField
	private boolean hasAttachments;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Column(name = "sent_at")
	private Instant sentAt;

	@Column(name = "archive_entry_id")
	private Long archiveEntryId;

	@Version
	private long version;

	@OneToMany(mappedBy = "mail")
	@IndexedEmbedded(includePaths = "employeeId")
	private List<MailRecipient> recipients = new ArrayList<>();

	@OneToMany(mappedBy = "mail")
	private List<MailItem> items = new ArrayList<>();

	protected MailMessage() {
	}

	MailMessage(long senderEmployeeId, Instant now) {
		this.senderEmployeeId = senderEmployeeId;
		this.state = MailState.DRAFT;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** The body as searched: left out for 机密 and above (their subject stays searchable for the parties). */
	@Transient
	@FullTextField(name = "body", analyzer = SearchAnalysisConfigurer.CHINESE, projectable = Projectable.YES,
			highlightable = Highlightable.ANY)
	@IndexingDependency(derivedFrom = { @ObjectPath(@PropertyValue(propertyName = "bodyText")),
			@ObjectPath(@PropertyValue(propertyName = "classification")) })
	public String getSearchBody() {
		return classification != null && classification.confidential() ? "" : bodyText;
	}

	void compose(String subject, String bodyHtml, String bodyText, Classification classification,
			boolean receiptRequested, LocalDate followUpOn, Long replyToId, Long forwardOfId, boolean hasAttachments,
			Instant now) {
		this.subject = subject;
		this.bodyHtml = bodyHtml;
		this.bodyText = bodyText;
		this.classification = classification;
		this.receiptRequested = receiptRequested;
		this.followUpOn = followUpOn;
		this.replyToId = replyToId;
		this.forwardOfId = forwardOfId;
		this.hasAttachments = hasAttachments;
		this.updatedAt = now;
	}

	void threadInto(long threadId) {
		this.threadId = threadId;
	}

	void moveTo(MailState state, Instant now) {
		this.state = state;
		this.updatedAt = now;
		if (state == MailState.SENT || state.pending()) {
			this.sentAt = now;
		}
	}

	void archivedAs(long archiveEntryId) {
		this.archiveEntryId = archiveEntryId;
	}

	Long id() {
		return id;
	}

	long threadId() {
		return threadId;
	}

	long senderEmployeeId() {
		return senderEmployeeId;
	}

	String subject() {
		return subject;
	}

	String bodyHtml() {
		return bodyHtml;
	}

	String bodyText() {
		return bodyText;
	}

	Classification classification() {
		return classification;
	}

	boolean receiptRequested() {
		return receiptRequested;
	}

	LocalDate followUpOn() {
		return followUpOn;
	}

	Instant followUpNotifiedAt() {
		return followUpNotifiedAt;
	}

	Long replyToId() {
		return replyToId;
	}

	Long forwardOfId() {
		return forwardOfId;
	}

	MailState state() {
		return state;
	}

	boolean hasAttachments() {
		return hasAttachments;
	}

	Instant updatedAt() {
		return updatedAt;
	}

	Instant sentAt() {
		return sentAt;
	}

	Long archiveEntryId() {
		return archiveEntryId;
	}

	List<MailRecipient> recipients() {
		return recipients;
	}

	List<MailItem> items() {
		return items;
	}
}
