package com.commhub.security;

/** Role assignments made by the system itself (bootstrap and demo data), without an acting user. */
public interface RoleGrants {

	void grantAtStartup(String roleCode, RoleSubject subject, long subjectId);
}
