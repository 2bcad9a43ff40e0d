/**
 * The archive (ARC): the tamper-evident record of everything that happened. Modules record entries through
 * {@link com.commhub.archive.ArchiveRecorder} inside their own transaction; the audit trail (SEC-7) is recorded the
 * same way and kept queryable in {@code arc_audit_event}. The sealer chains committed entries (SHA-256) and signs
 * checkpoints (Ed25519); the canonical encoding lives in the standalone verifier library ({@code com.commhub.verifier},
 * Maven module {@code verifier/}, plain Java without Spring), so the server and the independent verifier hash
 * exactly the same bytes. That library is the only dependency besides security and shared, and compliance, whose
 * {@code ComplianceDecisionRecorded} events the archive records (compliance never depends on the archive).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Archive",
		allowedDependencies = { "security", "shared", "verifier", "compliance" })
package com.commhub.archive;
