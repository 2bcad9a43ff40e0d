package com.commhub.security.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

import com.commhub.security.CommHubUser;

/** What happens after the sign-in form is submitted: gates to pass, audit, and where to go. */
@Component
public class SignInHandlers {

	private final SignInService signIn;
	private final AccountService accounts;
	private final MfaService mfa;
	private final Clock clock;

	SignInHandlers(SignInService signIn, AccountService accounts, MfaService mfa, Clock clock) {
		this.signIn = signIn;
		this.accounts = accounts;
		this.mfa = mfa;
		this.clock = clock;
	}

	SavedRequestAwareAuthenticationSuccessHandler success() {
		var handler = new SavedRequestAwareAuthenticationSuccessHandler() {
			@Override
			public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
					Authentication authentication) throws IOException, jakarta.servlet.ServletException {
				CommHubUser user = (CommHubUser) authentication.getPrincipal();
				HttpSession session = request.getSession();
				session.setAttribute(SessionService.ATTR_SOURCE_IP, request.getRemoteAddr());
				session.setAttribute(SessionService.ATTR_DEVICE,
						SessionService.describeDevice(request.getHeader("User-Agent")));
				session.setAttribute(SessionService.ATTR_SIGNED_IN_AT, Instant.now(clock));
				var status = mfa.status(user.accountId());
				if (status.enabled()) {
					session.setAttribute(SessionAttributes.MFA_PENDING, Boolean.TRUE);
					getRedirectStrategy().sendRedirect(request, response, "/login/mfa");
					return;
				}
				completeSignIn(session, user, status.required(), "form");
				super.onAuthenticationSuccess(request, response, authentication);
			}
		};
		handler.setDefaultTargetUrl("/");
		return handler;
	}

	/** Called once every factor has been given: sets the remaining gates and audits the sign-in. */
	void completeSignIn(HttpSession session, CommHubUser user, boolean mfaRequiredButMissing, String channel) {
		session.removeAttribute(SessionAttributes.MFA_PENDING);
		if (accounts.passwordChangeRequired(user.accountId())) {
			session.setAttribute(SessionAttributes.PASSWORD_CHANGE_REQUIRED, Boolean.TRUE);
		}
		if (mfaRequiredButMissing) {
			session.setAttribute(SessionAttributes.MFA_ENROLMENT_REQUIRED, Boolean.TRUE);
		}
		signIn.recordSuccess(user, channel);
	}

	/** The second factor was accepted: the sign-in completes. */
	public void secondFactorPassed(HttpSession session, CommHubUser user) {
		completeSignIn(session, user, false, "form+totp");
	}

	public boolean secondFactorPending(HttpSession session) {
		return session != null && session.getAttribute(SessionAttributes.MFA_PENDING) != null;
	}

	public void passwordChanged(HttpSession session) {
		session.removeAttribute(SessionAttributes.PASSWORD_CHANGE_REQUIRED);
	}

	public boolean passwordChangePending(HttpSession session) {
		return session != null && session.getAttribute(SessionAttributes.PASSWORD_CHANGE_REQUIRED) != null;
	}

	public void mfaEnrolled(HttpSession session) {
		session.removeAttribute(SessionAttributes.MFA_ENROLMENT_REQUIRED);
	}

	public boolean mfaEnrolmentPending(HttpSession session) {
		return session != null && session.getAttribute(SessionAttributes.MFA_ENROLMENT_REQUIRED) != null;
	}

	AuthenticationFailureHandler failure() {
		return (request, response, exception) -> response.sendRedirect(request.getContextPath() + "/login?error="
				+ reason(exception));
	}

	private static String reason(AuthenticationException exception) {
		if (exception instanceof LockedException) {
			return "locked";
		}
		if (exception instanceof DisabledException) {
			return "disabled";
		}
		if (exception instanceof SignInService.ThrottledException) {
			return "throttled";
		}
		return "bad";
	}
}
