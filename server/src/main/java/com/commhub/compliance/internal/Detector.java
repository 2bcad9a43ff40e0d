package com.commhub.compliance.internal;

import java.util.List;

import com.commhub.compliance.Finding;

/**
 * A detector: a stable id (used by policies and chosen by configuration) and one scan over the normalised text.
 * Implementations are stateless and thread-safe; findings carry masked snippets only.
 */
public interface Detector {

	String id();

	void detect(NormalizedText text, List<Finding> findings);
}
