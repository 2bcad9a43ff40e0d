package com.commhub.notification.rest;

import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.commhub.notification.NotificationPreferences;
import com.commhub.notification.NotificationView;
import com.commhub.notification.UnreadCount;
import com.commhub.notification.internal.NotificationService;
import com.commhub.notification.internal.PreferenceService;
import com.commhub.shared.PageResult;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The signed-in user's own notifications and preferences; anyone else's notification is 404. */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications")
class NotificationRestController {

	private final NotificationService notifications;
	private final PreferenceService preferences;

	NotificationRestController(NotificationService notifications, PreferenceService preferences) {
		this.notifications = notifications;
		this.preferences = preferences;
	}

	@GetMapping
	@Operation(summary = "My delivered notifications, unread first; ?unread=true for unread only")
	PageResult<NotificationView> list(@RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return notifications.mine(unread, page, size, LocaleContextHolder.getLocale());
	}

	@GetMapping("/unread-count")
	@Operation(summary = "The badge: unread delivered notifications, and those held by quiet hours (deferred)")
	UnreadCount unreadCount() {
		return notifications.unreadCount();
	}

	@PostMapping("/{id}/read")
	@Operation(summary = "Mark one of my notifications read")
	NotificationView read(@PathVariable long id) {
		return notifications.markRead(id, LocaleContextHolder.getLocale());
	}

	@PostMapping("/read-all")
	@Operation(summary = "Mark all my delivered notifications read")
	Map<String, Integer> readAll() {
		return Map.of("marked", notifications.markAllRead());
	}

	@GetMapping("/preferences")
	@Operation(summary = "My quiet hours and muted kinds")
	NotificationPreferences getPreferences() {
		return preferences.mine();
	}

	@PutMapping("/preferences")
	@Operation(summary = "Set my quiet hours (HH:mm, days MONDAY…SUNDAY, time zone) and muted kinds (not mandatory ones)")
	NotificationPreferences putPreferences(@RequestBody NotificationPreferences input) {
		return preferences.update(input);
	}
}
