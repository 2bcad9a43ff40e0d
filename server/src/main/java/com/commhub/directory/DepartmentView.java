package com.commhub.directory;

/** A department as shown in lists and the API; {@code depth} is 0 for the company root. */
public record DepartmentView(long id, String code, String name, Long parentId, String parentName, Long headId,
		String headName, boolean active, long employeeCount, int depth) {
}
