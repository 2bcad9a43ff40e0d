package com.commhub.chat.internal.realtime;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.commhub.security.AccountInfo;
import com.commhub.security.AccountManagement;

/**
 * Employee id → account username, the name STOMP user destinations are keyed by (the handshake's principal).
 * Usernames do not change, so found ones are cached for the life of the node; employees without an account are
 * looked up again next time (they may get one).
 */
@Component
class RecipientNames {

	private final AccountManagement accounts;
	private final Map<Long, String> usernames = new ConcurrentHashMap<>();

	RecipientNames(AccountManagement accounts) {
		this.accounts = accounts;
	}

	Optional<String> usernameOf(long employeeId) {
		String cached = usernames.get(employeeId);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<String> found = accounts.accountOf(employeeId).filter(AccountInfo::enabled).map(AccountInfo::username);
		found.ifPresent(name -> usernames.put(employeeId, name));
		return found;
	}
}
