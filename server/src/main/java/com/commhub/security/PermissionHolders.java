package com.commhub.security;

import java.util.List;

/**
 * Who currently holds a permission, through any role assigned directly, to a department (and its sub-departments)
 * or to a group: for modules that must tell "everyone who may decide this" about new work, such as notifications.
 */
public interface PermissionHolders {

	/** The enabled accounts that hold the permission, in account id order. */
	List<AccountInfo> enabledHoldersOf(Permission permission);
}
