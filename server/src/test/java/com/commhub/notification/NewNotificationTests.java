package com.commhub.notification;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A notification's link is followed by a redirect, so it must stay inside CommHub. */
class NewNotificationTests {

	static NewNotification linkingTo(String link) {
		return new NewNotification(NewNotification.Recipient.account(1), NotificationKind.MENTION, Urgency.NORMAL,
				"notification.kind.MENTION", null, List.of(), link, "test", "1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/compliance/approvals", "/archive/access/12", "/chat/c/3?m=5#m5", "/" })
	void pathsInsideCommHubAreAccepted(String link) {
		assertThatCode(() -> linkingTo(link)).doesNotThrowAnyException();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://evil.example", "//evil.example", "/\\evil.example", "/a\\b", "javascript:alert(1)",
			"compliance", "/a b", "" })
	void anythingElseIsRefused(String link) {
		assertThatThrownBy(() -> linkingTo(link)).isInstanceOf(IllegalArgumentException.class);
	}
}
