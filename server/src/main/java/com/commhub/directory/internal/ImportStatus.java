package com.commhub.directory.internal;

/** Where an import batch stands: checked and clean, checked with errors, or imported. */
public enum ImportStatus {
	VALIDATED, INVALID, IMPORTED
}
