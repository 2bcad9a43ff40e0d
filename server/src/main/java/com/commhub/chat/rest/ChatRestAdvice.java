package com.commhub.chat.rest;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.commhub.chat.RateLimitExceeded;
import com.commhub.chat.SendResult;

/**
 * What the chat API answers for a post or an edit: 201/200 when sent, 202 when held, 422 problem details (with the
 * policy tip and masked findings) when compliance asks for a justification or blocks, and 429 with Retry-After when an
 * anti-flooding rule refuses it. Runs before the general API handler, which would answer 409 for a rate limit.
 */
@RestControllerAdvice(basePackageClasses = ChatRestAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ChatRestAdvice {

	static final String TYPE_BASE = "https://commhub.example/problems/";

	private final MessageSource messages;

	ChatRestAdvice(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(RateLimitExceeded.class)
	ResponseEntity<ProblemDetail> rateLimited(RateLimitExceeded ex) {
		String message = messages.getMessage(ex.messageCode(), ex.arguments(), ex.messageCode(),
				LocaleContextHolder.getLocale());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, message);
		problem.setType(URI.create(TYPE_BASE + ex.messageCode()));
		problem.setTitle("Too many requests");
		problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", message)));
		long seconds = Math.max(1, (ex.retryAfter().toMillis() + 999) / 1000);
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
			.body(problem);
	}

	/** The answer to a post ({@code sentStatus} 201) or an edit (200). */
	static ResponseEntity<?> answer(SendResult result, HttpStatus sentStatus, MessageSource messages) {
		return switch (result.status()) {
			case SENT -> ResponseEntity.status(sentStatus).body(result);
			case HELD_FOR_APPROVAL, QUARANTINED -> ResponseEntity.status(HttpStatus.ACCEPTED).body(result);
			case NEEDS_JUSTIFICATION, BLOCKED -> {
				boolean warn = result.status() == SendResult.Status.NEEDS_JUSTIFICATION;
				String code = warn ? "chat.compliance.needsJustification" : "chat.compliance.blocked";
				String message = messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
						result.tip() == null ? message : result.tip());
				problem.setType(URI.create(TYPE_BASE + code));
				problem.setTitle(message);
				problem.setProperty("status", result.status().name());
				problem.setProperty("tip", result.tip());
				problem.setProperty("findings", result.findings());
				problem.setProperty("errors", List.of(Map.of("field", warn ? "justification" : "text", "message",
						result.tip() == null ? message : result.tip())));
				yield ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
			}
		};
	}
}
