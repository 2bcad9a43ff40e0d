package com.commhub.security.rest;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.commhub.security.CommHubUser;
import com.commhub.security.internal.AccountService;
import com.commhub.security.internal.ApiTokenService;
import com.commhub.security.internal.MfaService;
import com.commhub.security.internal.SignInService;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code POST /api/v1/auth/login}: username, password and, when enrolled, a TOTP code → a bearer token. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication")
class AuthRestController {

	private final SignInService signIn;
	private final MfaService mfa;
	private final AccountService accounts;
	private final ApiTokenService tokens;

	AuthRestController(SignInService signIn, MfaService mfa, AccountService accounts, ApiTokenService tokens) {
		this.signIn = signIn;
		this.mfa = mfa;
		this.accounts = accounts;
		this.tokens = tokens;
	}

	record LoginRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password,
			@Size(max = 32) String totpCode) {
	}

	record LoginResponse(String token, String tokenType, Instant expiresAt, long accountId, String username,
			String displayName) {
	}

	@PostMapping("/login")
	@Operation(summary = "Exchange credentials (and a TOTP code when enrolled) for a bearer token")
	ResponseEntity<?> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
		CommHubUser user;
		try {
			user = signIn.authenticate(request.username(), request.password(), http.getRemoteAddr());
		}
		catch (SignInService.ThrottledException ex) {
			return problem(HttpStatus.TOO_MANY_REQUESTS, "throttled", "too many failed sign-ins from this address");
		}
		catch (LockedException ex) {
			return problem(HttpStatus.UNAUTHORIZED, "locked", "the account is temporarily locked");
		}
		catch (BadCredentialsException | DisabledException ex) {
			return problem(HttpStatus.UNAUTHORIZED, "bad-credentials", "wrong username or password");
		}
		var status = mfa.status(user.accountId());
		if (status.enabled() && (request.totpCode() == null || !mfa.verify(user.accountId(), request.totpCode()))) {
			return problem(HttpStatus.UNAUTHORIZED, "totp-required", "a valid TOTP code (totpCode) is required");
		}
		if (accounts.passwordChangeRequired(user.accountId())) {
			return problem(HttpStatus.FORBIDDEN, "password-change-required",
					"the password must be changed in the web UI before using the API");
		}
		if (status.required() && !status.enabled()) {
			return problem(HttpStatus.FORBIDDEN, "mfa-enrolment-required",
					"two-factor sign-in must be set up in the web UI before using the API");
		}
		signIn.recordSuccess(user, "api");
		var issued = tokens.createLoginToken(user.accountId());
		return ResponseEntity.ok(new LoginResponse(issued.secret(), "Bearer", issued.token().expiresAt(),
				user.accountId(), user.getUsername(), user.displayName()));
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(java.net.URI.create("https://commhub.example/problems/" + type));
		problem.setTitle(status.getReasonPhrase());
		return ResponseEntity.status(status).body(problem);
	}
}
