package com.commhub.notification;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A notification to one person. Title and body are message codes (bundle {@code i18n/notification}) with string
 * arguments, rendered in the reader's language when shown; {@code link} is a path inside CommHub ("/compliance/approvals");
 * the source names the module and the id of the object it is about.
 */
public record NewNotification(Recipient recipient, NotificationKind kind, Urgency urgency, String titleCode,
		String bodyCode, List<String> arguments, String link, String sourceModule, String sourceId) {

	/** A path inside CommHub: one leading slash, no scheme, no "//" or backslash that a browser would read as another host. */
	private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9/_.~%?=&#-]*");

	public NewNotification {
		Objects.requireNonNull(recipient, "recipient");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(urgency, "urgency");
		Objects.requireNonNull(titleCode, "titleCode");
		Objects.requireNonNull(sourceModule, "sourceModule");
		Objects.requireNonNull(sourceId, "sourceId");
		arguments = arguments == null ? List.of() : List.copyOf(arguments);
		if (link != null && !LOCAL_PATH.matcher(link).matches()) {
			throw new IllegalArgumentException("link must be a path inside CommHub: " + link);
		}
	}

	/** The person, by account or by employee (resolved to the employee's account; none = not notified). */
	public record Recipient(Long accountId, Long employeeId) {

		public Recipient {
			if ((accountId == null) == (employeeId == null)) {
				throw new IllegalArgumentException("exactly one of accountId and employeeId");
			}
		}

		public static Recipient account(long accountId) {
			return new Recipient(accountId, null);
		}

		public static Recipient employee(long employeeId) {
			return new Recipient(null, employeeId);
		}
	}
}
