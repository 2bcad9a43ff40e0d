package com.commhub.security.rest;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.commhub.security.CommHubUser;
import com.commhub.security.CurrentUser;
import com.commhub.security.Permission;
import com.commhub.security.internal.AccountService;
import com.commhub.security.internal.RoleService;
import com.commhub.shared.NotFoundException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/v1/me}: who the caller is, which roles the account holds and what this request may do. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Account")
class MeRestController {

	private final AccountService accounts;
	private final RoleService roles;

	MeRestController(AccountService accounts, RoleService roles) {
		this.accounts = accounts;
		this.roles = roles;
	}

	record AccountInfo(long id, String username, String displayName, Long employeeId, boolean totpEnabled,
			boolean mustChangePassword, Instant lastLoginAt) {
	}

	/**
	 * @param permissions what this request may do: the account's permissions, narrowed by the token's scopes when
	 * the caller uses a personal access token
	 */
	record MeResponse(AccountInfo account, Set<String> roles, List<Permission> permissions) {
	}

	@GetMapping
	@Operation(summary = "The signed-in account, its roles and the permissions of this request")
	MeResponse me() {
		CommHubUser user = CurrentUser.require();
		var summary = accounts.find(user.accountId())
			.orElseThrow(() -> new NotFoundException("account", user.accountId()));
		var account = new AccountInfo(summary.id(), summary.username(), summary.displayName(), summary.employeeId(),
				summary.totpEnabled(), summary.mustChangePassword(), summary.lastLoginAt());
		List<Permission> permissions = Arrays.stream(Permission.values()).filter(CurrentUser::has).toList();
		return new MeResponse(account, roles.roleCodesOf(user.accountId()), permissions);
	}
}
