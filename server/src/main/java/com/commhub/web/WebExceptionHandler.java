package com.commhub.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.NotFoundException;

/**
 * Errors in HTML pages that a controller did not turn into a message next to a field: a readable error page in the
 * user's language, never a stack trace.
 */
@ControllerAdvice(annotations = Controller.class)
class WebExceptionHandler {

	private final MessageSource messages;
	private final NavigationAdvice navigation;

	WebExceptionHandler(MessageSource messages, NavigationAdvice navigation) {
		this.messages = messages;
		this.navigation = navigation;
	}

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound() {
		return page(HttpStatus.NOT_FOUND, null);
	}

	@ExceptionHandler(BusinessRuleException.class)
	ModelAndView businessRule(BusinessRuleException ex) {
		return page(ex.kind() == BusinessRuleException.Kind.CONFLICT ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST,
				messages.getMessage(ex.messageCode(), ex.arguments(), ex.messageCode(), LocaleContextHolder.getLocale()));
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge() {
		return page(HttpStatus.PAYLOAD_TOO_LARGE,
				messages.getMessage("upload.tooLarge", null, LocaleContextHolder.getLocale()));
	}

	/** Exception handlers do not get the advice's model attributes, so the layout's {@code nav} is added here. */
	private ModelAndView page(HttpStatus status, String message) {
		ModelAndView mav = new ModelAndView("error");
		mav.addObject("nav", navigation.navigation());
		mav.setStatus(status);
		mav.addObject("status", status.value());
		mav.addObject("message", message);
		return mav;
	}
}
