package com.commhub.directory.internal;

import java.util.List;

/**
 * What a confirmed import created. For employees, each new account with its generated initial password: it is
 * shown once and never stored.
 */
public record ImportResult(long batchId, ImportKind kind, String fileName, List<CreatedDepartment> departments,
		List<ImportedAccount> accounts) {

	public record CreatedDepartment(long id, String code, String name, String parentName) {
	}

	public record ImportedAccount(String employeeNo, String name, String departmentName, String username,
			String initialPassword) {
	}

	public int created() {
		return kind == ImportKind.DEPARTMENTS ? departments.size() : accounts.size();
	}
}
