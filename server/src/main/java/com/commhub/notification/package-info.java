/**
 * The in-app notification centre (NOTIF-1) with quiet hours (NOTIF-2). Other modules do not call it: it listens to
 * their events after they commit (compliance held items, archive access requests), so it depends on them and never
 * the other way round. {@link com.commhub.notification.Notifications} is the entry point for modules that have no
 * event to offer. Texts are stored as message codes and arguments and rendered in the reader's language.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
		allowedDependencies = { "security", "shared", "compliance", "archive", "mail", "chat" })
package com.commhub.notification;
