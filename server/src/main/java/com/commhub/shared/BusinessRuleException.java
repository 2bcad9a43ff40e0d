package com.commhub.shared;

import java.util.Arrays;

/**
 * A request that breaks a business rule (duplicate 工号, a department moved under its own child, …).
 * Carries a message code resolved in the user's language, and the field it concerns when there is one,
 * so the UI can show it next to the field and the API can name it in the problem details.
 */
public class BusinessRuleException extends RuntimeException {

	private final String messageCode;
	private final String field;
	private final Object[] arguments;
	private final Kind kind;

	public enum Kind {
		/** The input is invalid (400). */
		INVALID,
		/** The input conflicts with the current state (409). */
		CONFLICT
	}

	public BusinessRuleException(Kind kind, String field, String messageCode, Object... arguments) {
		super(messageCode + (field == null ? "" : " [" + field + "]") + " " + Arrays.toString(arguments));
		this.kind = kind;
		this.field = field;
		this.messageCode = messageCode;
		this.arguments = arguments;
	}

	public static BusinessRuleException invalid(String field, String messageCode, Object... arguments) {
		return new BusinessRuleException(Kind.INVALID, field, messageCode, arguments);
	}

	public static BusinessRuleException conflict(String field, String messageCode, Object... arguments) {
		return new BusinessRuleException(Kind.CONFLICT, field, messageCode, arguments);
	}

	public String messageCode() {
		return messageCode;
	}

	/** The request field this concerns, or {@code null} when it concerns the request as a whole. */
	public String field() {
		return field;
	}

	public Object[] arguments() {
		return arguments.clone();
	}

	public Kind kind() {
		return kind;
	}
}
