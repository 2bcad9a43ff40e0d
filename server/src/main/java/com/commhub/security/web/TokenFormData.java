package com.commhub.security.web;

import java.util.ArrayList;
import java.util.List;

/** A new personal access token: a name, its scopes (permission names or "*") and a lifetime. */
public class TokenFormData {

	static final int DEFAULT_DAYS = 90;

	private String name;
	private List<String> scopes = new ArrayList<>();
	private Integer expiresInDays = DEFAULT_DAYS;

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public List<String> getScopes() {
		return scopes;
	}

	public void setScopes(List<String> scopes) {
		this.scopes = scopes;
	}

	public Integer getExpiresInDays() {
		return expiresInDays;
	}

	public void setExpiresInDays(Integer expiresInDays) {
		this.expiresInDays = expiresInDays;
	}
}
