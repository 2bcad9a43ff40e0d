package com.commhub.security.rest;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.commhub.security.CurrentUser;
import com.commhub.security.SecurityAccess;
import com.commhub.security.internal.ApiTokenService;
import com.commhub.security.internal.ApiTokenService.IssuedToken;
import com.commhub.security.internal.ApiTokenService.TokenView;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Personal access tokens (SEC-8). The secret is returned once, on creation; a token grants the intersection of its
 * scopes and the account's current permissions.
 */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "API tokens")
class TokenRestController {

	static final int DEFAULT_DAYS = 90;

	private final ApiTokenService tokens;
	private final SecurityAccess access;

	TokenRestController(ApiTokenService tokens, SecurityAccess access) {
		this.tokens = tokens;
		this.access = access;
	}

	/**
	 * @param scopes permission names, or {@code "*"} for all of the account's permissions
	 * @param expiresInDays lifetime in days (default 90)
	 */
	record CreateTokenRequest(String name, List<String> scopes, Integer expiresInDays) {
	}

	@GetMapping
	@Operation(summary = "My personal access tokens (never their secrets)")
	List<TokenView> list() {
		return tokens.listPersonal(CurrentUser.require().accountId());
	}

	@PostMapping
	@Operation(summary = "Create a personal access token; the secret is in this response only")
	ResponseEntity<IssuedToken> create(@RequestBody CreateTokenRequest request) {
		access.requireApiTokenUse();
		IssuedToken issued = tokens.createPersonal(CurrentUser.require().accountId(), request.name(),
				request.scopes() == null ? null : new LinkedHashSet<>(request.scopes()),
				request.expiresInDays() == null ? DEFAULT_DAYS : request.expiresInDays());
		return ResponseEntity.created(URI.create("/api/v1/tokens/" + issued.token().id())).body(issued);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Revoke one of my tokens")
	ResponseEntity<Void> revoke(@PathVariable long id) {
		tokens.revoke(CurrentUser.require().accountId(), id);
		return ResponseEntity.noContent().build();
	}
}
