package com.commhub.security;

public enum AuditOutcome {
	SUCCESS, FAILURE, DENIED
}
