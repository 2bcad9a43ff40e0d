package com.commhub.security.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import com.commhub.security.CommHubUser;

/** Lets the sign-in form use {@link SignInService}, so form and API sign-in share lockout and audit. */
@Component
class CommHubAuthenticationProvider implements AuthenticationProvider {

	private final SignInService signIn;

	CommHubAuthenticationProvider(SignInService signIn) {
		this.signIn = signIn;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String ip = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : null;
		CommHubUser user = signIn.authenticate(authentication.getName(),
				authentication.getCredentials() == null ? null : authentication.getCredentials().toString(), ip);
		user.eraseCredentials();
		return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
