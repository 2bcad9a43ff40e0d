package com.commhub.mail.internal;

import java.time.Instant;

import jakarta.persistence.Column;
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

import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;

import com.commhub.mail.Addressee;
import com.commhub.mail.RecipientField;

/** One employee of the expansion recorded at send time; {@code readAt} is the read receipt (MAIL-4). */
@Entity
@Table(name = "mail_recipient")
class MailRecipient {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "mail_id")
	private MailMessage mail;

	@Column(name = "employee_id")
	@GenericField
	private long employeeId;

	@Enumerated(EnumType.STRING)
	private RecipientField field;

	@Column(name = "via_kind")
	@Enumerated(EnumType.STRING)
	private Addressee.Kind viaKind;

	@Column(name = "via_id")
	private long viaId;

	@Column(name = "read_at")
	private Instant readAt;

	protected MailRecipient() {
	}

	MailRecipient(MailMessage mail, long employeeId, RecipientField field, Addressee via) {
		this.mail = mail;
		this.employeeId = employeeId;
		this.field = field;
		this.viaKind = via.kind();
		this.viaId = via.id();
	}

	long employeeId() {
		return employeeId;
	}

	RecipientField field() {
		return field;
	}

	Addressee via() {
		return new Addressee(viaKind, viaId);
	}

	Instant readAt() {
		return readAt;
	}
}
