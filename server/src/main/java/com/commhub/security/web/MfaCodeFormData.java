package com.commhub.security.web;

/** A six-digit code from the authenticator app (or, to disable, a recovery code). */
public class MfaCodeFormData {

	private String code;

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}
}
