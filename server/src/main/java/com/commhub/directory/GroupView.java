package com.commhub.directory;

import java.util.List;

public record GroupView(long id, String name, GroupKind kind, String description, boolean active,
		List<Member> members) {

	public record Member(long employeeId, String employeeNo, String name, String departmentName, boolean owner) {
	}

	public long ownerCount() {
		return members.stream().filter(Member::owner).count();
	}
}
