/**
 * The archive (ARC). For now it holds the audit trail (SEC-7): it records every {@link com.commhub.security.AuditEvent}
 * in the transaction that published it, and lets the auditor read the trail. The hash chain comes next.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Archive", allowedDependencies = { "security", "shared" })
package com.commhub.archive;
