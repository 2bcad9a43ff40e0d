package com.commhub.security.internal;

/** Session flags that hold a signed-in user at a gate until they have done what is required. */
final class SessionAttributes {

	/** Password accepted, second factor still to come. */
	static final String MFA_PENDING = "commhub.gate.mfaPending";
	/** Initial or expired password: must be changed before anything else. */
	static final String PASSWORD_CHANGE_REQUIRED = "commhub.gate.passwordChange";
	/** Policy requires two-factor sign-in for this privileged account, which has not enrolled yet. */
	static final String MFA_ENROLMENT_REQUIRED = "commhub.gate.mfaEnrolment";

	private SessionAttributes() {
	}
}
