package com.commhub.directory;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.commhub.security.CurrentUser;
import com.commhub.security.Permission;

/** The one gate for directory reads and writes. */
@Component
public class DirectoryAccess {

	public boolean canView() {
		return CurrentUser.has(Permission.DIRECTORY_VIEW);
	}

	public boolean canManage() {
		return CurrentUser.has(Permission.DIRECTORY_MANAGE);
	}

	public boolean canImport() {
		return CurrentUser.has(Permission.DIRECTORY_IMPORT);
	}

	public void requireView() {
		if (!canView()) {
			throw new AccessDeniedException("directory");
		}
	}

	public void requireManage() {
		if (!canManage()) {
			throw new AccessDeniedException("directory management");
		}
	}

	public void requireImport() {
		if (!canImport()) {
			throw new AccessDeniedException("directory import");
		}
	}

	/** Group owners manage their own group's members; directory managers manage every group. */
	public boolean canManageGroup(GroupView group) {
		if (canManage()) {
			return true;
		}
		Long me = CurrentUser.find().map(u -> u.employeeId()).orElse(null);
		return me != null && group.members().stream().anyMatch(m -> m.owner() && m.employeeId() == me);
	}
}
