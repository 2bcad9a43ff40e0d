package com.commhub.security.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.commhub.security.CommHubUser;
import com.commhub.security.CurrentUser;
import com.commhub.security.Permission;
import com.commhub.shared.ProblemResponses;

/**
 * For a browser session: ends it if the account was disabled meanwhile, resolves the account's current
 * permissions for this request, and holds the user at a gate (second factor, password change, two-factor
 * enrolment) until they pass it.
 */
class AccountStateFilter extends OncePerRequestFilter {

	private static final Set<String> ALWAYS_OPEN = Set.of("/logout", "/error");

	private final AccountService accounts;
	private final RoleService roles;

	AccountStateFilter(AccountService accounts, RoleService roles) {
		this.accounts = accounts;
		this.roles = roles;
	}

	/** Error pages are rendered in an error dispatch: they need the same permissions for the navigation. */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!(authentication instanceof UsernamePasswordAuthenticationToken)
				|| !(authentication.getPrincipal() instanceof CommHubUser user)) {
			chain.doFilter(request, response);
			return;
		}
		HttpSession session = request.getSession(false);
		if (session == null || !accounts.enabled(user.accountId())) {
			if (session != null) {
				session.invalidate();
			}
			SecurityContextHolder.clearContext();
			refuse(request, response, "/login?error=disabled", 401, "session ended");
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String gate = gateFor(session);
		if (gate != null && !path.startsWith(gate) && !ALWAYS_OPEN.contains(path) && !isStatic(path)) {
			refuse(request, response, gate, 403, "complete sign-in first: " + gate);
			return;
		}
		if (gate != null) {
			request.setAttribute(CurrentUser.PENDING_GATE_ATTRIBUTE, gate);
		}
		List<GrantedAuthority> authorities = new ArrayList<>();
		if (gate == null) {
			for (Permission p : roles.permissionsOf(user.accountId())) {
				authorities.add(new SimpleGrantedAuthority(p.authority()));
			}
		}
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
		SecurityContextHolder.setContext(context);
		chain.doFilter(request, response);
	}

	private static String gateFor(HttpSession session) {
		if (session.getAttribute(SessionAttributes.MFA_PENDING) != null) {
			return "/login/mfa";
		}
		if (session.getAttribute(SessionAttributes.PASSWORD_CHANGE_REQUIRED) != null) {
			return "/account/password";
		}
		if (session.getAttribute(SessionAttributes.MFA_ENROLMENT_REQUIRED) != null) {
			return "/account/2fa";
		}
		return null;
	}

	private static boolean isStatic(String path) {
		return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
				|| path.equals("/favicon.ico");
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, String location, int status,
			String detail) throws IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/") || path.startsWith("/actuator/") || path.startsWith("/ws")) {
			ProblemResponses.write(request, response, status, status == 401 ? "Unauthorized" : "Forbidden", detail);
		}
		else if ("true".equals(request.getHeader("HX-Request"))) {
			response.setHeader("HX-Redirect", request.getContextPath() + location);
		}
		else {
			response.sendRedirect(request.getContextPath() + location);
		}
	}
}
