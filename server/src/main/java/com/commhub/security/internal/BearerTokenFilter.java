package com.commhub.security.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.commhub.security.CommHubUser;
import com.commhub.security.Permission;
import com.commhub.shared.ProblemResponses;

/** Authenticates API requests that carry {@code Authorization: Bearer chp_…}. A bad token is refused at once. */
class BearerTokenFilter extends OncePerRequestFilter {

	private final ApiTokenService tokens;

	BearerTokenFilter(ApiTokenService tokens) {
		this.tokens = tokens;
	}

	static boolean hasBearer(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!hasBearer(request)) {
			chain.doFilter(request, response);
			return;
		}
		String secret = request.getHeader("Authorization").substring(7).trim();
		var resolved = tokens.resolve(secret);
		if (resolved.isEmpty()) {
			ProblemResponses.write(request, response, 401, "Unauthorized", "invalid, expired or revoked token");
			return;
		}
		List<GrantedAuthority> authorities = new ArrayList<>();
		for (Permission p : resolved.get().permissions()) {
			authorities.add(new SimpleGrantedAuthority(p.authority()));
		}
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new BearerAuthentication(resolved.get().user(), authorities));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	static final class BearerAuthentication extends AbstractAuthenticationToken {

		private final CommHubUser user;

		BearerAuthentication(CommHubUser user, List<GrantedAuthority> authorities) {
			super(authorities);
			this.user = user;
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return null;
		}

		@Override
		public Object getPrincipal() {
			return user;
		}
	}
}
