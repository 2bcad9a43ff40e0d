package com.commhub.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.NotFoundException;

/**
 * Every error of the JSON API as RFC 9457 problem details; validation problems carry an {@code errors} list naming
 * each field with a message in the client's language.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	static final String TYPE_BASE = "https://commhub.example/problems/";

	private final MessageSource messages;

	ApiExceptionHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(BusinessRuleException.class)
	ProblemDetail businessRule(BusinessRuleException ex) {
		HttpStatus status = ex.kind() == BusinessRuleException.Kind.CONFLICT ? HttpStatus.CONFLICT
				: HttpStatus.BAD_REQUEST;
		String message = messages.getMessage(ex.messageCode(), ex.arguments(), ex.messageCode(),
				LocaleContextHolder.getLocale());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
		problem.setType(URI.create(TYPE_BASE + ex.messageCode()));
		problem.setTitle(status == HttpStatus.CONFLICT ? "Conflict" : "Invalid request");
		if (ex.field() != null) {
			problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", message)));
		}
		return problem;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				messages.getMessage("error.404.detail", null, LocaleContextHolder.getLocale()));
		problem.setTitle("Not found");
		return problem;
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		String message = messages.getMessage("validation.badValue", null, LocaleContextHolder.getLocale());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getName() + ": " + message);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", List.of(Map.of("field", ex.getName(), "message", message)));
		return problem;
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				messages.getMessage("validation.failed", null, LocaleContextHolder.getLocale()));
		problem.setTitle("Invalid request");
		problem.setProperty("errors", ex.getBindingResult().getFieldErrors().stream()
			.map(e -> Map.of("field", e.getField(), "message",
					messages.getMessage(e, LocaleContextHolder.getLocale())))
			.toList());
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				messages.getMessage("validation.unreadable", null, LocaleContextHolder.getLocale()));
		problem.setTitle("Unreadable request body");
		String field = jsonField(ex);
		if (field != null) {
			// a value of the wrong type, e.g. "departmentId": "abc": name the field like any validation error
			problem.setProperty("errors", List.of(Map.of("field", field, "message",
					messages.getMessage("validation.badValue", null, LocaleContextHolder.getLocale()))));
		}
		return ResponseEntity.badRequest().body(problem);
	}

	/** The JSON path of the offending value ({@code members[0].employeeId}), when Jackson knows it. */
	private static String jsonField(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof tools.jackson.core.JacksonException jackson && !jackson.getPath().isEmpty()) {
				StringBuilder path = new StringBuilder();
				for (var reference : jackson.getPath()) {
					if (reference.getPropertyName() != null) {
						path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
					}
					else if (reference.getIndex() >= 0) {
						path.append('[').append(reference.getIndex()).append(']');
					}
				}
				return path.isEmpty() ? null : path.toString();
			}
		}
		return null;
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
				messages.getMessage("upload.tooLarge", null, LocaleContextHolder.getLocale()));
		problem.setTitle("Payload too large");
		problem.setProperty("errors", List.of(Map.of("field", "file", "message", problem.getDetail())));
		return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
	}
}
