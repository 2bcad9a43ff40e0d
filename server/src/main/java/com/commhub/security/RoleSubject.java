package com.commhub.security;

/** Who a role is assigned to: one employee (their account), an account, a whole department tree, or a group. */
public enum RoleSubject {
	EMPLOYEE, DEPARTMENT, GROUP, ACCOUNT
}
