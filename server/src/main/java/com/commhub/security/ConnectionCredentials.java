package com.commhub.security;

import java.util.Collection;
import java.util.Set;

/**
 * Whether what authenticated a long-lived connection (a WebSocket opened with a browser session or a bearer token)
 * still stands, so that the connection can end with it: signing out, revoking a session or a token, disabling the
 * account (which revokes both) and a session's timeout all end it.
 */
public interface ConnectionCredentials {

	/** Of these browser session ids, those still signed in (present and not expired). */
	Set<String> liveSessions(Collection<String> sessionIds);

	/** Whether the bearer token is still usable: known, neither revoked nor expired, its account enabled. */
	boolean tokenUsable(String secret);
}
