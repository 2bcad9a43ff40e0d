package com.commhub.notification.internal;

import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.commhub.chat.MembersMentioned;
import com.commhub.notification.NewNotification;
import com.commhub.notification.NewNotification.Recipient;
import com.commhub.notification.NotificationKind;
import com.commhub.notification.Urgency;
import com.commhub.security.DirectoryLookup;

/**
 * Chat mentions (NOTIF-1): everyone a delivered message mentions (people, and the members of mentioned departments)
 * except its sender, after the message commits. Normal urgency, so quiet hours apply; the text of the message is
 * never put into the notification, only who mentioned you and a link to the message.
 */
@Component
class ChatNotifier {

	private final NotificationService notifications;
	private final DirectoryLookup directory;

	ChatNotifier(NotificationService notifications, DirectoryLookup directory) {
		this.notifications = notifications;
		this.directory = directory;
	}

	@ApplicationModuleListener
	void on(MembersMentioned event) {
		String sender = directory.label(DirectoryLookup.SubjectType.EMPLOYEE, event.senderEmployeeId()).orElse("");
		for (long employeeId : event.mentionedEmployeeIds()) {
			notifications.notify(new NewNotification(Recipient.employee(employeeId), NotificationKind.MENTION,
					Urgency.NORMAL, "notification.mention.title", "notification.mention.body", List.of(sender),
					"/chat/" + event.conversationId() + "?message=" + event.messageId(), "chat",
					String.valueOf(event.messageId())), event.postedAt());
		}
	}
}
