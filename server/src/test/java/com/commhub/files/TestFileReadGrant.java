package com.commhub.files;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * A test-only content module stand-in: grants an account read access to a file only when a test said so, the way
 * chat grants it to the members who see the message a file is attached to.
 */
@Component
class TestFileReadGrant implements FileReadGrant {

	private static final Set<String> GRANTED = ConcurrentHashMap.newKeySet();

	static void grant(long fileId, long accountId) {
		GRANTED.add(fileId + ":" + accountId);
	}

	@Override
	public boolean mayRead(long fileId, long accountId, Long employeeId) {
		return GRANTED.contains(fileId + ":" + accountId);
	}
}
