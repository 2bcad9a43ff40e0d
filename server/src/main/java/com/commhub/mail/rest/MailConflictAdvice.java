package com.commhub.mail.rest;

import java.net.URI;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Two changes of the same mailbox item at the same moment: the later one answers 409, to be retried. */
@RestControllerAdvice(basePackageClasses = MailConflictAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class MailConflictAdvice {

	private final MessageSource messages;

	MailConflictAdvice(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail concurrentChange(OptimisticLockingFailureException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				messages.getMessage("mail.error.concurrent", null, LocaleContextHolder.getLocale()));
		problem.setTitle("Conflict");
		problem.setType(URI.create("https://commhub.example/problems/mail.error.concurrent"));
		return problem;
	}
}
