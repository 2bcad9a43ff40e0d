package com.commhub.notification;

import java.util.Optional;

/** Notifies a person, for modules that have no event the notification module listens to. */
public interface Notifications {

	/**
	 * Stores the notification for its recipient, held back until working hours when it is NORMAL and created during
	 * the recipient's quiet hours.
	 *
	 * @return the notification id (the existing one when this recipient was already notified of this kind and source);
	 * empty when the recipient has no account or muted this (non-mandatory) kind
	 */
	Optional<Long> notify(NewNotification notification);
}
