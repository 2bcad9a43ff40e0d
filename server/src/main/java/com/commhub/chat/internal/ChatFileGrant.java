package com.commhub.chat.internal;

import org.springframework.stereotype.Component;

import com.commhub.files.FileReadGrant;

/** Members may download a file attached to a delivered message of their conversation (one indexed query). */
@Component
class ChatFileGrant implements FileReadGrant {

	private final ChatAccess access;

	ChatFileGrant(ChatAccess access) {
		this.access = access;
	}

	@Override
	public boolean mayRead(long fileId, long accountId, Long employeeId) {
		return access.mayReadFile(fileId, employeeId);
	}
}
