package com.commhub.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.commhub.security.CommHubUser;
import com.commhub.security.CurrentUser;
import com.commhub.security.internal.MfaService;
import com.commhub.security.internal.SignInHandlers;

/** The sign-in page (the form itself is processed by Spring Security) and the second-factor step. */
@Controller
class LoginController {

	static final String LOGIN_VIEW = "security/login";
	static final String MFA_VIEW = "security/login-mfa";

	private final MfaService mfa;
	private final SignInHandlers gates;

	LoginController(MfaService mfa, SignInHandlers gates) {
		this.mfa = mfa;
		this.gates = gates;
	}

	@GetMapping("/login")
	String login() {
		return LOGIN_VIEW;
	}

	@GetMapping("/login/mfa")
	String mfaForm(HttpSession session) {
		return gates.secondFactorPending(session) ? MFA_VIEW : "redirect:/";
	}

	@PostMapping("/login/mfa")
	String mfaSubmit(@RequestParam(defaultValue = "") String code, HttpServletRequest request, Model model) {
		HttpSession session = request.getSession();
		if (!gates.secondFactorPending(session)) {
			return "redirect:/";
		}
		CommHubUser user = CurrentUser.require();
		if (!mfa.verify(user.accountId(), code)) {
			model.addAttribute("codeError", "mfa.codeWrong");
			return MFA_VIEW;
		}
		gates.secondFactorPassed(session, user);
		return "redirect:/";
	}
}
