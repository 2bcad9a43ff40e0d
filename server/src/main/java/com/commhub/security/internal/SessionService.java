package com.commhub.security.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

import com.commhub.security.Audit;
import com.commhub.security.AuditOutcome;
import com.commhub.shared.NotFoundException;

/**
 * Browser sessions per account (SEC-5), kept by Spring Session in the database so every node sees them. A session
 * is named to users by a hash of its id, never by the id itself, which is the cookie value.
 */
@Service
public class SessionService {

	static final String ATTR_SOURCE_IP = "commhub.sourceIp";
	static final String ATTR_DEVICE = "commhub.device";
	static final String ATTR_SIGNED_IN_AT = "commhub.signedInAt";

	private final FindByIndexNameSessionRepository<? extends Session> sessions;
	private final AccountRepository accounts;
	private final ApiTokenService tokens;
	private final Audit audit;

	SessionService(FindByIndexNameSessionRepository<? extends Session> sessions, AccountRepository accounts,
			ApiTokenService tokens, Audit audit) {
		this.sessions = sessions;
		this.accounts = accounts;
		this.tokens = tokens;
		this.audit = audit;
	}

	public record SessionView(String handle, String sourceIp, String device, Instant signedInAt, Instant lastSeenAt,
			boolean current) {
	}

	public List<SessionView> list(String username, String currentSessionId) {
		return sessionsOf(username).entrySet().stream()
			.map(e -> view(e.getValue(), currentSessionId))
			.sorted(Comparator.comparing(SessionView::lastSeenAt).reversed())
			.toList();
	}

	/** Revokes one of the user's own sessions; 404 for a handle that is not theirs. */
	public void revoke(String username, String handle) {
		String id = sessionsOf(username).keySet().stream()
			.filter(sessionId -> handle(sessionId).equals(handle))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("session", handle));
		sessions.deleteById(id);
		audit.record("session.revoke", "account", null, username, AuditOutcome.SUCCESS, "session " + handle);
	}

	/** "Lost device": every session and every token of the account ends now. */
	@org.springframework.transaction.annotation.Transactional
	public int revokeAll(long accountId) {
		Account account = accounts.findById(accountId).orElseThrow(() -> new NotFoundException("account", accountId));
		int count = revokeAllQuietly(account);
		audit.record("session.revokeAll", "account", accountId, account.username(), AuditOutcome.SUCCESS,
				count + " sessions");
		return count;
	}

	int revokeAllQuietly(Account account) {
		var found = sessionsOf(account.username());
		found.keySet().forEach(sessions::deleteById);
		tokens.revokeAll(account.id());
		return found.size();
	}

	private Map<String, ? extends Session> sessionsOf(String username) {
		return sessions.findByPrincipalName(username);
	}

	private static SessionView view(Session session, String currentSessionId) {
		Instant signedIn = session.getAttribute(ATTR_SIGNED_IN_AT);
		return new SessionView(handle(session.getId()), session.getAttribute(ATTR_SOURCE_IP),
				session.getAttribute(ATTR_DEVICE), signedIn != null ? signedIn : session.getCreationTime(),
				session.getLastAccessedTime(), session.getId().equals(currentSessionId));
	}

	static String handle(String sessionId) {
		return Hashing.sha256(sessionId).substring(0, 16);
	}

	/** A short device description from the User-Agent header. */
	static String describeDevice(String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return "?";
		}
		String browser = userAgent.contains("Edg/") ? "Edge" : userAgent.contains("Chrome/") ? "Chrome"
				: userAgent.contains("Firefox/") ? "Firefox" : userAgent.contains("Safari/") ? "Safari"
				: userAgent.contains("MicroMessenger") ? "WeChat" : userAgent.split("[ /]")[0];
		String os = userAgent.contains("Windows") ? "Windows" : userAgent.contains("Android") ? "Android"
				: userAgent.contains("iPhone") || userAgent.contains("iPad") ? "iOS"
				: userAgent.contains("Mac OS") ? "macOS" : userAgent.contains("Linux") ? "Linux" : "";
		String device = os.isEmpty() ? browser : browser + " · " + os;
		return device.length() > 80 ? device.substring(0, 80) : device;
	}
}
