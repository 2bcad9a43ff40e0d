package com.commhub.archive.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import com.commhub.archive.AuditEventView;
import com.commhub.security.AuditEvent;

/** A row of the audit trail; inserted once, never updated. */
@Entity
@Immutable
@Table(name = "arc_audit_event")
class AuditRecord {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "occurred_at")
	private Instant occurredAt;

	@Column(name = "actor_account_id")
	private Long actorAccountId;

	@Column(name = "actor_name")
	private String actorName;

	private String action;

	@Column(name = "target_type")
	private String targetType;

	@Column(name = "target_id")
	private String targetId;

	@Column(name = "target_label")
	private String targetLabel;

	private String outcome;

	@Column(name = "source_ip")
	private String sourceIp;

	private String details;

	protected AuditRecord() {
	}

	AuditRecord(AuditEvent event) {
		this.occurredAt = event.occurredAt();
		this.actorAccountId = event.actorAccountId();
		this.actorName = event.actorName() == null || event.actorName().isBlank() ? "?" : event.actorName();
		this.action = event.action();
		this.targetType = event.targetType();
		this.targetId = event.targetId();
		this.targetLabel = event.targetLabel();
		this.outcome = event.outcome().name();
		this.sourceIp = event.sourceIp();
		this.details = event.details();
	}

	Long id() {
		return id;
	}

	AuditEventView view() {
		return new AuditEventView(id, occurredAt, actorAccountId, actorName, action, targetType, targetId, targetLabel,
				outcome, sourceIp, details);
	}
}
