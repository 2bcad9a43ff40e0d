package com.commhub.security.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.commhub.security.CommHubUser;
import com.commhub.security.CurrentUser;
import com.commhub.security.SecurityAccess;
import com.commhub.security.internal.ApiTokenService;
import com.commhub.security.internal.RoleService;
import com.commhub.shared.BusinessRuleException;

/** My personal access tokens (SEC-8): list, create (the secret is shown once) and revoke. */
@Controller
class TokenController {

	static final String VIEW = "security/tokens";

	private final ApiTokenService tokens;
	private final RoleService roles;
	private final SecurityAccess access;
	private final Clock clock;

	TokenController(ApiTokenService tokens, RoleService roles, SecurityAccess access, Clock clock) {
		this.tokens = tokens;
		this.roles = roles;
		this.access = access;
		this.clock = clock;
	}

	@InitBinder("form")
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping("/account/tokens")
	String list(@ModelAttribute("form") TokenFormData form, Model model) {
		return render(model);
	}

	@PostMapping("/account/tokens")
	String create(@ModelAttribute("form") TokenFormData form, BindingResult result, Model model) {
		access.requireApiTokenUse();
		if (result.hasFieldErrors("expiresInDays")) {
			return render(model);
		}
		CommHubUser user = CurrentUser.require();
		try {
			var issued = tokens.createPersonal(user.accountId(), form.getName(),
					form.getScopes() == null ? null : new LinkedHashSet<>(form.getScopes()), form.getExpiresInDays());
			model.addAttribute("issued", issued);
			form.setName(null);
			form.setScopes(new ArrayList<>());
			form.setExpiresInDays(TokenFormData.DEFAULT_DAYS);
		}
		catch (BusinessRuleException ex) {
			result.rejectValue(ex.field() == null ? "name" : ex.field(), ex.messageCode(), ex.arguments(),
					ex.messageCode());
		}
		return render(model);
	}

	/** Another user's token id answers 404. */
	@PostMapping("/account/tokens/{id}/revoke")
	String revoke(@PathVariable long id, RedirectAttributes redirect) {
		tokens.revoke(CurrentUser.require().accountId(), id);
		redirect.addFlashAttribute("flash", "tokens.revoked");
		return "redirect:/account/tokens";
	}

	private String render(Model model) {
		CommHubUser user = CurrentUser.require();
		model.addAttribute("tokens", tokens.listPersonal(user.accountId()));
		model.addAttribute("permissions", roles.permissionsOf(user.accountId()));
		model.addAttribute("canCreate", access.canUseApiTokens());
		model.addAttribute("zone", clock.getZone());
		return VIEW;
	}
}
