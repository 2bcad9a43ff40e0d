package com.commhub.compliance;

/**
 * One detector hit. {@code start}/{@code end} are offsets (UTF-16, end exclusive) in the original text;
 * {@code maskedSnippet} is the only form of the value that ever leaves the engine (logs, UI, API).
 */
public record Finding(String detectorId, SensitiveCategory category, int start, int end, Confidence confidence,
		String maskedSnippet) {

	@Override
	public String toString() {
		return detectorId + "[" + start + "," + end + ") " + confidence + " " + maskedSnippet;
	}
}
