package com.commhub.archive;

import java.time.Instant;

/** Filters for reading the audit trail; every field is optional. */
public record AuditQuery(String action, String actor, String outcome, Instant from, Instant to) {

	public static AuditQuery all() {
		return new AuditQuery(null, null, null, null, null);
	}
}
