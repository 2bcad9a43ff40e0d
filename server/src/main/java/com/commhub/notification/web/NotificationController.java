package com.commhub.notification.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.BeanUtils;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.commhub.notification.NotificationKind;
import com.commhub.notification.NotificationPreferences;
import com.commhub.notification.NotificationView;
import com.commhub.notification.internal.NotificationService;
import com.commhub.notification.internal.PreferenceService;
import com.commhub.shared.BusinessRuleException;

/**
 * The notification centre (/notifications), the bell fragment the layout loads with htmx, and the preferences page.
 * Opening a notification marks it read and follows its link.
 */
@Controller
class NotificationController {

	static final String LIST = "notification/list";
	static final String PREFERENCES = "notification/preferences";
	static final String BELL = "notification/bell :: bell";
	static final int PAGE_SIZE = 20;

	private final NotificationService notifications;
	private final PreferenceService preferences;
	private final Clock clock;

	NotificationController(NotificationService notifications, PreferenceService preferences, Clock clock) {
		this.notifications = notifications;
		this.preferences = preferences;
		this.clock = clock;
	}

	@InitBinder("form")
	void initBinder(WebDataBinder binder) {
		binder.setAllowedFields("quietHours", "workStart", "workEnd", "workDays", "timeZone", "mutedKinds");
	}

	@GetMapping("/notifications")
	String list(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("page", notifications.mine(unread, page, PAGE_SIZE, LocaleContextHolder.getLocale()));
		model.addAttribute("count", notifications.unreadCount());
		model.addAttribute("unreadOnly", unread);
		model.addAttribute("zone", clock.getZone());
		return LIST;
	}

	@GetMapping("/notifications/bell")
	String bell(Model model) {
		model.addAttribute("count", notifications.unreadCount());
		return BELL;
	}

	@PostMapping("/notifications/{id}/read")
	String read(@PathVariable long id) {
		notifications.markRead(id, LocaleContextHolder.getLocale());
		return "redirect:/notifications";
	}

	/** Marks it read and goes where it points (the centre when it has no link). */
	@PostMapping("/notifications/{id}/open")
	String open(@PathVariable long id) {
		NotificationView view = notifications.markRead(id, LocaleContextHolder.getLocale());
		return "redirect:" + (view.link() == null ? "/notifications" : view.link());
	}

	@PostMapping("/notifications/read-all")
	String readAll(RedirectAttributes redirect) {
		notifications.markAllRead();
		redirect.addFlashAttribute("done", "notification.allRead");
		return "redirect:/notifications";
	}

	@GetMapping("/notifications/preferences")
	String preferencesPage(Model model) {
		NotificationPreferences current = preferences.mine();
		PreferencesFormData form = new PreferencesFormData();
		form.setQuietHours(current.quietHours());
		form.setWorkStart(current.workStart().toString());
		form.setWorkEnd(current.workEnd().toString());
		form.setWorkDays(current.workDays().stream().map(Enum::name).toList());
		form.setTimeZone(current.timeZone());
		form.setMutedKinds(current.mutedKinds().stream().map(Enum::name).toList());
		return preferencesView(form, model);
	}

	@PostMapping("/notifications/preferences")
	String savePreferences(@ModelAttribute("form") PreferencesFormData form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		LocalTime start = time(form.getWorkStart(), "workStart", result);
		LocalTime end = time(form.getWorkEnd(), "workEnd", result);
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		Set<NotificationKind> muted = EnumSet.noneOf(NotificationKind.class);
		try {
			form.getWorkDays().forEach(d -> days.add(DayOfWeek.valueOf(d)));
		}
		catch (IllegalArgumentException ex) {
			result.rejectValue("workDays", "validation.badValue");
		}
		try {
			form.getMutedKinds().forEach(k -> muted.add(NotificationKind.valueOf(k)));
		}
		catch (IllegalArgumentException ex) {
			result.rejectValue("mutedKinds", "validation.badValue");
		}
		if (result.hasErrors()) {
			return preferencesView(form, model);
		}
		try {
			preferences.update(new NotificationPreferences(form.isQuietHours(), start, end, days, form.getTimeZone(),
					muted));
		}
		catch (BusinessRuleException ex) {
			if (ex.field() != null && BeanUtils.getPropertyDescriptor(PreferencesFormData.class, ex.field()) != null) {
				result.rejectValue(ex.field(), ex.messageCode(), ex.arguments(), ex.messageCode());
			}
			else {
				result.reject(ex.messageCode(), ex.arguments(), ex.messageCode());
			}
			return preferencesView(form, model);
		}
		redirect.addFlashAttribute("done", "notification.preferences.saved");
		return "redirect:/notifications/preferences";
	}

	private String preferencesView(PreferencesFormData form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("days", List.of(DayOfWeek.values()));
		model.addAttribute("kinds", Arrays.stream(NotificationKind.values()).toList());
		return PREFERENCES;
	}

	private static LocalTime time(String text, String field, BindingResult result) {
		if (text == null || text.isBlank()) {
			result.rejectValue(field, "validation.required");
			return null;
		}
		try {
			return LocalTime.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			result.rejectValue(field, "notification.preferences.badTime");
			return null;
		}
	}
}
