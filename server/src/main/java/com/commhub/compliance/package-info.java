/**
 * The compliance engine (CLS-1, CLS-2, CLS-5, DLP-1..6): detectors for Chinese sensitive data, sensitive-information
 * categories, versioned DLP policies and one inspection call, {@link com.commhub.compliance.ComplianceInspector},
 * that content modules make before they persist. It never depends on a content module or on the directory: callers
 * pass what it needs (sender departments, recipients marked internal or external).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Compliance", allowedDependencies = { "security", "shared" })
package com.commhub.compliance;
