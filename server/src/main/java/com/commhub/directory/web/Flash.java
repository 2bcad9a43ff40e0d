package com.commhub.directory.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.commhub.shared.BusinessRuleException;

/**
 * One-time messages after a redirect. They are resolved to text before the redirect, so the session (stored in the
 * database) only ever holds strings.
 */
final class Flash {

	static final String MESSAGE = "flashMessage";
	static final String ERROR = "flashError";

	private Flash() {
	}

	static void message(RedirectAttributes redirect, MessageSource messages, String code, Object... args) {
		redirect.addFlashAttribute(MESSAGE, messages.getMessage(code, args, code, LocaleContextHolder.getLocale()));
	}

	static void error(RedirectAttributes redirect, MessageSource messages, BusinessRuleException ex) {
		redirect.addFlashAttribute(ERROR, messages.getMessage(ex.messageCode(), ex.arguments(), ex.messageCode(),
				LocaleContextHolder.getLocale()));
	}
}
