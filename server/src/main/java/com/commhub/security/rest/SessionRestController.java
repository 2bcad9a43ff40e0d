package com.commhub.security.rest;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.commhub.security.CurrentUser;
import com.commhub.security.SecurityAccess;
import com.commhub.security.internal.SessionService;
import com.commhub.security.internal.SessionService.SessionView;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The caller's browser sessions (listed by username, so a bearer-token client sees them too) and the
 * administrator's "lost device" action that ends every session and token of an account.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Sessions")
class SessionRestController {

	private final SessionService sessions;
	private final SecurityAccess access;

	SessionRestController(SessionService sessions, SecurityAccess access) {
		this.sessions = sessions;
		this.access = access;
	}

	record RevokedSessions(long accountId, int revokedSessions) {
	}

	@GetMapping("/sessions")
	@Operation(summary = "My browser sessions")
	List<SessionView> list(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return sessions.list(CurrentUser.require().getUsername(), session == null ? null : session.getId());
	}

	@DeleteMapping("/sessions/{handle}")
	@Operation(summary = "End one of my browser sessions")
	ResponseEntity<Void> revoke(@PathVariable String handle) {
		sessions.revoke(CurrentUser.require().getUsername(), handle);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/accounts/{accountId}/revoke-sessions")
	@Operation(summary = "Lost device: end every session and revoke every token of an account (SESSION_MANAGE_ALL)")
	RevokedSessions revokeAll(@PathVariable long accountId) {
		access.requireSessionManageAll();
		return new RevokedSessions(accountId, sessions.revokeAll(accountId));
	}
}
