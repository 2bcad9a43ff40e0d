package com.commhub.archive;

/** Where an archive access request stands (ARC-4). EXPIRED is an approved request past its end. */
public enum AccessRequestStatus {
	PENDING,
	APPROVED,
	REJECTED,
	WITHDRAWN,
	EXPIRED
}
