package com.commhub.compliance.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.commhub.compliance.Channel;
import com.commhub.compliance.ClassificationDefaults;
import com.commhub.security.Audit;
import com.commhub.security.AuditOutcome;
import com.commhub.security.CurrentUser;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.Classification;

/**
 * The offered classification levels and the per-channel defaults ({@code cmp_classification_default}). Defaults are
 * cached like the policies: refreshed at once after a change on this node, read again every 30 s otherwise.
 */
@Service
public class ClassificationService implements ClassificationDefaults {

	static final Classification FALLBACK = Classification.INTERNAL;

	/** The officer's settings view: what is offered and each channel's default. */
	public record Settings(boolean topSecretEnabled, List<Classification> offered, Map<Channel, Classification> defaults) {
	}

	private record Snapshot(Map<Channel, Classification> defaults, Instant loadedAt) {
	}

	private final JdbcClient jdbc;
	private final Audit audit;
	private final ComplianceAccess access;
	private final Clock clock;
	private final boolean topSecretEnabled;
	private final List<Classification> offered;
	private volatile Snapshot snapshot;

	ClassificationService(JdbcClient jdbc, Audit audit, ComplianceAccess access, Clock clock,
			@Value("${commhub.classification.top-secret-enabled:false}") boolean topSecretEnabled) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.access = access;
		this.clock = clock;
		this.topSecretEnabled = topSecretEnabled;
		this.offered = offeredLevels(topSecretEnabled);
	}

	static List<Classification> offeredLevels(boolean topSecretEnabled) {
		return Arrays.stream(Classification.values())
			.filter(level -> topSecretEnabled || level != Classification.TOP_SECRET)
			.toList();
	}

	@Override
	public boolean topSecretEnabled() {
		return topSecretEnabled;
	}

	@Override
	public List<Classification> offered() {
		return offered;
	}

	@Override
	public Classification defaultFor(Channel channel) {
		Classification stored = defaults().getOrDefault(channel, FALLBACK);
		return highestOfferedUpTo(stored);
	}

	/** A default stored while 绝密 was on stays usable after it is switched off: the highest offered level below. */
	Classification highestOfferedUpTo(Classification level) {
		Classification result = offered.getFirst();
		for (Classification candidate : offered) {
			if (level.atLeast(candidate)) {
				result = candidate;
			}
		}
		return result;
	}

	@Override
	public Classification parseOffered(String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		Classification level = Classification.parse(text)
			.orElseThrow(() -> BusinessRuleException.invalid(field, "compliance.classification.invalid"));
		return requireOffered(level, field);
	}

	@Override
	public Classification requireOffered(Classification level, String field) {
		if (level != null && !offered.contains(level)) {
			throw BusinessRuleException.invalid(field, "compliance.classification.notOffered", level.name());
		}
		return level;
	}

	/** The settings page and {@code GET /api/v1/compliance/classification}: anyone signed in may read them. */
	public Settings settings() {
		Map<Channel, Classification> defaults = new EnumMap<>(Channel.class);
		for (Channel channel : Channel.values()) {
			defaults.put(channel, defaultFor(channel));
		}
		return new Settings(topSecretEnabled, offered, defaults);
	}

	/** Changes the defaults of the given channels (COMPLIANCE_MANAGE, audited per changed channel). */
	@Transactional
	public Settings update(Map<Channel, String> changes) {
		access.requireManage();
		Map<Channel, Classification> parsed = new EnumMap<>(Channel.class);
		changes.forEach((channel, text) -> {
			Classification level = parseOffered(text, channel.name());
			if (level == null) {
				throw BusinessRuleException.invalid(channel.name(), "validation.required");
			}
			parsed.put(channel, level);
		});
		String actor = CurrentUser.find().map(u -> u.getUsername()).orElse("system");
		parsed.forEach((channel, level) -> {
			Classification before = defaultFor(channel);
			if (before == level) {
				return;
			}
			jdbc.sql("""
					insert into cmp_classification_default (channel, classification, updated_by, updated_at)
					values (?, ?, ?, now())
					on conflict (channel) do update set classification = excluded.classification,
					    updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
				.params(channel.name(), level.name(), actor)
				.update();
			audit.record("compliance.classification.default", "channel", channel.name(), channel.name(),
					AuditOutcome.SUCCESS, before.name() + " -> " + level.name());
		});
		snapshot = null;
		return settings();
	}

	private Map<Channel, Classification> defaults() {
		Snapshot current = snapshot;
		if (current == null || current.loadedAt().plus(Duration.ofSeconds(30)).isBefore(clock.instant())) {
			Map<Channel, Classification> loaded = new EnumMap<>(Channel.class);
			jdbc.sql("select channel, classification from cmp_classification_default").query((rs, n) -> {
				Channel channel = enumOrNull(Channel.class, rs.getString(1));
				Classification level = Classification.parse(rs.getString(2)).orElse(null);
				if (channel != null && level != null) {
					loaded.put(channel, level);
				}
				return null;
			}).list();
			current = new Snapshot(Map.copyOf(loaded), clock.instant());
			snapshot = current;
		}
		return current.defaults();
	}

	private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
		try {
			return Enum.valueOf(type, name);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return null;
		}
	}
}
