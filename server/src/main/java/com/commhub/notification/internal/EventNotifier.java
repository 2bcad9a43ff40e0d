package com.commhub.notification.internal;

import java.util.List;
import java.util.Objects;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.commhub.archive.AccessRequestDecided;
import com.commhub.archive.AccessRequestSubmitted;
import com.commhub.compliance.ApprovalRequested;
import com.commhub.compliance.HeldItemDecided;
import com.commhub.compliance.ItemQuarantined;
import com.commhub.notification.NewNotification;
import com.commhub.notification.NewNotification.Recipient;
import com.commhub.notification.NotificationKind;
import com.commhub.notification.Urgency;
import com.commhub.security.AccountInfo;
import com.commhub.security.Permission;
import com.commhub.security.PermissionHolders;

/**
 * Turns other modules' events into notifications after their transaction commits (Modulith's event publication
 * registry keeps an event until its listener completes). The time of the event, not of the listener, decides quiet
 * hours.
 */
@Component
class EventNotifier {

	private final NotificationService notifications;
	private final PermissionHolders holders;

	EventNotifier(NotificationService notifications, PermissionHolders holders) {
		this.notifications = notifications;
		this.holders = holders;
	}

	@ApplicationModuleListener
	void on(ApprovalRequested event) {
		notifications.notify(new NewNotification(Recipient.employee(event.approverEmployeeId()),
				NotificationKind.APPROVAL_REQUESTED, Urgency.NORMAL, "notification.approvalRequested.title",
				"notification.approvalRequested.body", List.of(text(event.senderLabel()), text(event.subjectType())),
				"/compliance/approvals", "compliance", String.valueOf(event.approvalId())), event.occurredAt());
	}

	@ApplicationModuleListener
	void on(ItemQuarantined event) {
		for (AccountInfo officer : holders.enabledHoldersOf(Permission.COMPLIANCE_MANAGE)) {
			notifications.notify(new NewNotification(Recipient.account(officer.accountId()),
					NotificationKind.ITEM_QUARANTINED, Urgency.NORMAL, "notification.itemQuarantined.title",
					"notification.itemQuarantined.body", List.of(text(event.senderLabel()), text(event.subjectType())),
					"/compliance/quarantine", "compliance", String.valueOf(event.approvalId())), event.occurredAt());
		}
	}

	@ApplicationModuleListener
	void on(HeldItemDecided event) {
		if (event.senderEmployeeId() == null) {
			return;
		}
		notifications.notify(new NewNotification(Recipient.employee(event.senderEmployeeId()),
				NotificationKind.APPROVAL_DECIDED, Urgency.NORMAL,
				"notification.heldItemDecided.title." + event.outcome().name(), "notification.heldItemDecided.body",
				List.of(text(event.decidedBy()), text(event.subjectType())), null, "compliance",
				String.valueOf(event.approvalId())), event.occurredAt());
	}

	@ApplicationModuleListener
	void on(AccessRequestSubmitted event) {
		for (AccountInfo approver : holders.enabledHoldersOf(Permission.ARCHIVE_ACCESS_APPROVE)) {
			if (approver.accountId() == event.requesterAccountId()) {
				continue; // two-person rule: the requester cannot decide their own request
			}
			notifications.notify(new NewNotification(Recipient.account(approver.accountId()),
					NotificationKind.ARCHIVE_ACCESS_REQUESTED, Urgency.NORMAL,
					"notification.archiveAccessRequested.title", "notification.archiveAccessRequested.body",
					List.of(text(event.requesterLabel()), text(event.caseReference())),
					"/archive/access/" + event.requestId(), "archive", String.valueOf(event.requestId())),
					event.occurredAt());
		}
	}

	@ApplicationModuleListener
	void on(AccessRequestDecided event) {
		notifications.notify(new NewNotification(Recipient.account(event.requesterAccountId()),
				NotificationKind.ARCHIVE_ACCESS_DECIDED, Urgency.NORMAL,
				"notification.archiveAccessDecided.title." + event.status().name(),
				"notification.archiveAccessDecided.body", List.of(text(event.decidedBy()), text(event.caseReference())),
				"/archive/access/" + event.requestId(), "archive", String.valueOf(event.requestId())),
				event.occurredAt());
	}

	private static String text(String value) {
		return Objects.toString(value, "");
	}
}
