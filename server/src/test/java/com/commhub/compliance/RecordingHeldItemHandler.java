package com.commhub.compliance;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * A test-only content module stand-in for subject type {@code test-held}: remembers which held items were released
 * or discarded, so {@link ComplianceApprovalIT} can check that the approver's decision reaches the module.
 */
@Component
class RecordingHeldItemHandler implements HeldItemHandler {

	static final Map<String, String> CALLS = new ConcurrentHashMap<>();

	@Override
	public String subjectType() {
		return "test-held";
	}

	@Override
	public void release(String subjectId) {
		CALLS.put(subjectId, "released");
	}

	@Override
	public void discard(String subjectId, String note) {
		CALLS.put(subjectId, "discarded:" + note);
	}
}
