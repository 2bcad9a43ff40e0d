package com.commhub.notification.internal;

import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.commhub.mail.MailFollowUpDue;
import com.commhub.mail.MailSent;
import com.commhub.notification.NewNotification;
import com.commhub.notification.NewNotification.Recipient;
import com.commhub.notification.NotificationKind;
import com.commhub.notification.Urgency;
import com.commhub.shared.Classification;

/**
 * Mail notifications (NOTIF-1): new mail and read-receipt requests for each recipient, follow-up reminders for the
 * sender. Normal urgency, so quiet hours apply. The subject of 机密 and higher mail is never put into a notification.
 */
@Component
class MailNotifier {

	private final NotificationService notifications;

	MailNotifier(NotificationService notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(MailSent event) {
		String subject = subject(event.subject(), event.classification());
		for (MailSent.Delivery delivery : event.deliveries()) {
			String link = "/mail/" + delivery.itemId();
			String source = String.valueOf(delivery.itemId());
			notifications.notify(new NewNotification(Recipient.employee(delivery.employeeId()),
					NotificationKind.NEW_MAIL, Urgency.NORMAL, "notification.newMail.title", "notification.newMail.body",
					List.of(event.senderName(), subject), link, "mail", source), event.sentAt());
			if (event.receiptRequested()) {
				notifications.notify(new NewNotification(Recipient.employee(delivery.employeeId()),
						NotificationKind.READ_RECEIPT_REQUEST, Urgency.NORMAL, "notification.readReceiptRequest.title",
						"notification.readReceiptRequest.body", List.of(event.senderName(), subject), link, "mail",
						source), event.sentAt());
			}
		}
	}

	@ApplicationModuleListener
	void on(MailFollowUpDue event) {
		notifications.notify(new NewNotification(Recipient.employee(event.senderEmployeeId()),
				NotificationKind.MAIL_FOLLOW_UP, Urgency.NORMAL, "notification.mailFollowUp.title",
				"notification.mailFollowUp.body",
				List.of(subject(event.subject(), event.classification()), event.followUpOn().toString()),
				"/mail/" + event.senderItemId(), "mail", String.valueOf(event.senderItemId())));
	}

	private static String subject(String subject, Classification classification) {
		return classification.confidential() ? "[" + classification.chinese() + "]" : subject == null ? "" : subject;
	}
}
