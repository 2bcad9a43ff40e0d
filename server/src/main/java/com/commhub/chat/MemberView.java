package com.commhub.chat;

/** A member with their read position (the highest seq they have read). */
public record MemberView(long employeeId, String employeeNo, String name, String departmentName, boolean owner,
		long readSeq) {
}
