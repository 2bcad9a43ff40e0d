package com.commhub.security.web;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.commhub.security.CommHubUser;
import com.commhub.security.CurrentUser;
import com.commhub.security.internal.AccountService;
import com.commhub.security.internal.ApiTokenService;
import com.commhub.security.internal.MfaService;
import com.commhub.security.internal.RoleService;
import com.commhub.security.internal.SessionService;
import com.commhub.shared.NotFoundException;

/** "My account": who I am and where to manage my password, two-factor sign-in, sessions and tokens. */
@Controller
class AccountController {

	static final String VIEW = "security/account";

	private final AccountService accounts;
	private final MfaService mfa;
	private final SessionService sessions;
	private final ApiTokenService tokens;
	private final RoleService roles;
	private final Clock clock;

	AccountController(AccountService accounts, MfaService mfa, SessionService sessions, ApiTokenService tokens,
			RoleService roles, Clock clock) {
		this.accounts = accounts;
		this.mfa = mfa;
		this.sessions = sessions;
		this.tokens = tokens;
		this.roles = roles;
		this.clock = clock;
	}

	@GetMapping("/account")
	String overview(HttpServletRequest request, Model model) {
		CommHubUser user = CurrentUser.require();
		HttpSession session = request.getSession(false);
		model.addAttribute("account", accounts.find(user.accountId())
			.orElseThrow(() -> new NotFoundException("account", user.accountId())));
		model.addAttribute("mfa", mfa.status(user.accountId()));
		model.addAttribute("roleCodes", roles.roleCodesOf(user.accountId()));
		model.addAttribute("sessionCount",
				sessions.list(user.getUsername(), session == null ? null : session.getId()).size());
		model.addAttribute("activeTokenCount",
				tokens.listPersonal(user.accountId()).stream().filter(t -> !t.revoked() && !t.expired()).count());
		model.addAttribute("zone", clock.getZone());
		return VIEW;
	}
}
