package com.commhub.compliance;

import java.util.List;

import com.commhub.shared.Classification;

/**
 * Which classification levels this deployment offers (CLS-1) and the level new content starts with per channel.
 * 公开, 内部 and 机密 are always offered; 绝密 only when {@code commhub.classification.top-secret-enabled=true}. The
 * communication officer sets the per-channel defaults (page {@code /compliance/classification}, REST
 * {@code /api/v1/compliance/classification}); content modules read them here.
 */
public interface ClassificationDefaults {

	/** The level a new item on this channel starts with; always one of {@link #offered()}. */
	Classification defaultFor(Channel channel);

	/** The levels a user may choose, lowest first. */
	List<Classification> offered();

	boolean topSecretEnabled();

	/**
	 * Parses a level a user chose (enum name in any case or the Chinese label): {@code null} for a blank value,
	 * otherwise an offered level. Throws {@link com.commhub.shared.BusinessRuleException} on {@code field} —
	 * {@code compliance.classification.invalid} for an unknown value, {@code compliance.classification.notOffered}
	 * for 绝密 when it is switched off.
	 */
	Classification parseOffered(String text, String field);

	/** As {@link #parseOffered}, for a level already parsed: returns it when offered, else throws on {@code field}. */
	Classification requireOffered(Classification level, String field);
}
