package com.commhub.compliance;

/** How sure a detector is that a finding is real; a proximity keyword raises it. */
public enum Confidence {
	LOW, MEDIUM, HIGH;

	public boolean atLeast(Confidence other) {
		return compareTo(other) >= 0;
	}

	public Confidence raised() {
		return this == LOW ? MEDIUM : HIGH;
	}
}
