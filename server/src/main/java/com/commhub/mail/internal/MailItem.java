package com.commhub.mail.internal;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexedEmbedded;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;

import com.commhub.mail.MailFolder;
import com.commhub.mail.RecipientField;

/**
 * A person's copy of a mail: the only thing anyone sees a mail through. Indexed (MAIL-6) with the mail's searchable
 * fields, so a search only ever matches the viewer's own items.
 */
@Entity
@Table(name = "mail_item")
@Indexed(index = "mail_item")
class MailItem {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "mail_id")
	@IndexedEmbedded(includePaths = { "subject", "body", "senderEmployeeId", "classification", "hasAttachments",
			"recipients.employeeId" })
	private MailMessage mail;

	@Column(name = "owner_employee_id")
	@GenericField
	private long ownerEmployeeId;

	/** How the owner received it; {@code null} for the sender's own item. */
	@Enumerated(EnumType.STRING)
	private RecipientField field;

	@Enumerated(EnumType.STRING)
	@KeywordField
	private MailFolder.Kind folder;

	@Column(name = "custom_folder_id")
	@GenericField
	private Long customFolderId;

	/** The folder key it was deleted from, while in TRASH. */
	@Column(name = "trashed_from")
	private String trashedFrom;

	@Column(name = "read_at")
	private Instant readAt;

	@GenericField
	private boolean flagged;

	@Column(name = "hidden_at")
	@GenericField
	private Instant hiddenAt;

	@Column(name = "sort_at")
	@GenericField(sortable = Sortable.YES)
	private Instant sortAt;

	@Column(name = "created_at")
	private Instant createdAt;

	@Version
	private long version;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "mail_item_label", joinColumns = @JoinColumn(name = "item_id"))
	@Column(name = "label_id")
	@GenericField
	private Set<Long> labelIds = new LinkedHashSet<>();

	protected MailItem() {
	}

	MailItem(MailMessage mail, long ownerEmployeeId, RecipientField field, MailFolder folder, Instant now) {
		this.mail = mail;
		this.ownerEmployeeId = ownerEmployeeId;
		this.field = field;
		this.folder = folder.kind();
		this.customFolderId = folder.customId();
		this.sortAt = now;
		this.createdAt = now;
		if (field == null) {
			this.readAt = now; // one's own mail is never unread
		}
	}

	Long id() {
		return id;
	}

	MailMessage mail() {
		return mail;
	}

	long ownerEmployeeId() {
		return ownerEmployeeId;
	}

	RecipientField field() {
		return field;
	}

	MailFolder folder() {
		return new MailFolder(folder, customFolderId);
	}

	String trashedFrom() {
		return trashedFrom;
	}

	Instant readAt() {
		return readAt;
	}

	boolean flagged() {
		return flagged;
	}

	Instant hiddenAt() {
		return hiddenAt;
	}

	Instant sortAt() {
		return sortAt;
	}

	Set<Long> labelIds() {
		return labelIds;
	}

	void moveTo(MailFolder target) {
		this.folder = target.kind();
		this.customFolderId = target.customId();
	}

	void trash() {
		this.trashedFrom = folder().key();
		moveTo(MailFolder.TRASH);
	}

	void restore(MailFolder target) {
		this.trashedFrom = null;
		moveTo(target);
	}

	void hide(Instant now) {
		this.hiddenAt = now;
	}

	void markRead(boolean read, Instant now) {
		this.readAt = read ? (readAt == null ? now : readAt) : null;
	}

	void flag(boolean flagged) {
		this.flagged = flagged;
	}

	void label(Set<Long> labelIds) {
		this.labelIds.clear();
		this.labelIds.addAll(labelIds);
	}

	void touch(Instant now) {
		this.sortAt = now;
	}
}
