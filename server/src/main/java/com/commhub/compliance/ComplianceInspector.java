package com.commhub.compliance;

/**
 * The one inspection call (DLP-1): content modules call it before they persist and act on the decision. It is
 * fast (compiled policies and dictionaries are cached) and writes nothing.
 */
public interface ComplianceInspector {

	Decision inspect(InspectionRequest request);
}
