package com.commhub.chat.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.commhub.chat.ChatLimits;
import com.commhub.chat.RateLimitExceeded;
import com.commhub.shared.BusinessRuleException;

/**
 * Anti-flooding (CHAT-9), counted in the database so that every node enforces the same limits: a sender's stored
 * messages in the last minute, the same text (normalised, hashed) within the duplicate window, and mentions per
 * message. Posts refused by compliance store nothing and do not count.
 */
@Component
class RateLimits {

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private final JdbcClient jdbc;
	private final ChatStore store;

	RateLimits(JdbcClient jdbc, ChatStore store) {
		this.jdbc = jdbc;
		this.store = store;
	}

	ChatLimits current() {
		return jdbc.sql("""
				select posts_per_minute, mentions_per_message, duplicate_posts, duplicate_window_seconds
				from chat_limits where id = 1""")
			.query((rs, n) -> new ChatLimits(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
			.single();
	}

	void check(long sender, String textHash, int mentions, Instant now) {
		// limits and both counts in one round trip: every post pays for this check
		Instant minuteAgo = now.minus(MINUTE);
		Usage usage = jdbc.sql("""
				select l.posts_per_minute, l.mentions_per_message, l.duplicate_posts, l.duplicate_window_seconds,
				       (select count(*) from chat_message
				         where sender_employee_id = :sender and created_at > :minuteAgo),
				       (select count(*) from chat_message
				         where sender_employee_id = :sender and text_hash = :hash
				           and created_at > cast(:now as timestamptz) - make_interval(secs => l.duplicate_window_seconds))
				  from chat_limits l where l.id = 1""")
			.param("sender", sender)
			.param("minuteAgo", Timestamp.from(minuteAgo))
			.param("hash", textHash)
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new Usage(new ChatLimits(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)),
					rs.getLong(5), rs.getLong(6)))
			.single();
		ChatLimits limits = usage.limits();
		if (mentions > limits.mentionsPerMessage()) {
			throw new RateLimitExceeded("chat.limit.mentions", Duration.ZERO, limits.mentionsPerMessage());
		}
		if (usage.postsLastMinute() >= limits.postsPerMinute()) {
			Instant oldest = store.oldestPostSince(sender, minuteAgo).orElse(now);
			throw new RateLimitExceeded("chat.limit.posts", retryAfter(oldest.plus(MINUTE), now),
					limits.postsPerMinute());
		}
		if (usage.sameText() >= limits.duplicatePosts()) {
			Duration window = Duration.ofSeconds(limits.duplicateWindowSeconds());
			throw new RateLimitExceeded("chat.limit.duplicate", window, limits.duplicatePosts(),
					limits.duplicateWindowSeconds());
		}
	}

	private record Usage(ChatLimits limits, long postsLastMinute, long sameText) {
	}

	ChatLimits update(ChatLimits limits, String by) {
		if (limits == null) {
			throw BusinessRuleException.invalid(null, "validation.required");
		}
		range("postsPerMinute", limits.postsPerMinute(), 1, 10_000);
		range("mentionsPerMessage", limits.mentionsPerMessage(), 1, 1_000);
		range("duplicatePosts", limits.duplicatePosts(), 1, 10_000);
		range("duplicateWindowSeconds", limits.duplicateWindowSeconds(), 1, 86_400);
		jdbc.sql("""
				update chat_limits set posts_per_minute = ?, mentions_per_message = ?, duplicate_posts = ?,
				    duplicate_window_seconds = ?, updated_by = ?, updated_at = now() where id = 1""")
			.params(limits.postsPerMinute(), limits.mentionsPerMessage(), limits.duplicatePosts(),
					limits.duplicateWindowSeconds(), by)
			.update();
		return current();
	}

	private static void range(String field, int value, int min, int max) {
		if (value < min || value > max) {
			throw BusinessRuleException.invalid(field, "chat.limits.range", String.valueOf(min), String.valueOf(max));
		}
	}

	private static Duration retryAfter(Instant until, Instant now) {
		Duration wait = Duration.between(now, until);
		return wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait;
	}
}
