package com.commhub.chat;

import java.time.Duration;

import com.commhub.shared.BusinessRuleException;

/** A post refused by an anti-flooding rule (CHAT-9); REST answers 429 with Retry-After. */
public class RateLimitExceeded extends BusinessRuleException {

	private final Duration retryAfter;

	public RateLimitExceeded(String messageCode, Duration retryAfter, Object... arguments) {
		super(Kind.CONFLICT, "text", messageCode, arguments);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}
}
