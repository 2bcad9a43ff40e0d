package com.commhub.security;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one recording call for the audit trail. Fills in actor, time and source address from the current request
 * and publishes an {@link AuditEvent} in the caller's transaction (or a new one when there is none, e.g. a failed
 * sign-in).
 */
@Component
public class Audit {

	private final ApplicationEventPublisher events;
	private final Clock clock;

	Audit(ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public void record(String action, String targetType, Object targetId, String targetLabel, AuditOutcome outcome,
			String details) {
		var user = CurrentUser.find();
		recordAs(user.map(CommHubUser::accountId).orElse(null), user.map(CommHubUser::getUsername).orElse("system"),
				action, targetType, targetId, targetLabel, outcome, details);
	}

	@Transactional
	public void recordAs(Long actorAccountId, String actorName, String action, String targetType, Object targetId,
			String targetLabel, AuditOutcome outcome, String details) {
		events.publishEvent(new AuditEvent(Instant.now(clock), actorAccountId, actorName, action, targetType,
				targetId == null ? null : String.valueOf(targetId), truncate(targetLabel, 200), outcome, sourceIp(),
				truncate(details, 2000)));
	}

	/** The client address of the current request; behind a proxy, configure forwarded headers in Spring Boot. */
	public static String sourceIp() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			return servlet.getRequest().getRemoteAddr();
		}
		return null;
	}

	private static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}
}
