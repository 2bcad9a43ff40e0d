package com.commhub.security.web;

import java.util.List;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.commhub.security.CurrentUser;
import com.commhub.security.internal.MfaService;
import com.commhub.security.internal.SignInHandlers;
import com.commhub.shared.BusinessRuleException;

/**
 * Two-factor sign-in (SEC-4): enrolment with a QR code and a confirming code, recovery codes shown once, disabling.
 * Also the gate for privileged accounts that policy requires to enrol.
 */
@Controller
class MfaController {

	static final String VIEW = "security/mfa";

	private final MfaService mfa;
	private final SignInHandlers gates;

	MfaController(MfaService mfa, SignInHandlers gates) {
		this.mfa = mfa;
		this.gates = gates;
	}

	@InitBinder("form")
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping("/account/2fa")
	String page(@ModelAttribute("form") MfaCodeFormData form, HttpSession session, Model model) {
		return render(session, model);
	}

	@PostMapping("/account/2fa/enrol")
	String startEnrolment(RedirectAttributes redirect) {
		mfa.startEnrolment(CurrentUser.require().accountId());
		return "redirect:/account/2fa";
	}

	@PostMapping("/account/2fa/confirm")
	String confirm(@ModelAttribute("form") MfaCodeFormData form, BindingResult result, HttpSession session,
			Model model) {
		List<String> codes;
		try {
			codes = mfa.confirmEnrolment(CurrentUser.require().accountId(), form.getCode());
		}
		catch (BusinessRuleException ex) {
			return failed(ex, result, session, model);
		}
		gates.mfaEnrolled(session);
		form.setCode(null);
		model.addAttribute("recoveryCodes", codes);
		model.addAttribute("flash", "mfa.enabled");
		return render(session, model);
	}

	@PostMapping("/account/2fa/disable")
	String disable(@ModelAttribute("form") MfaCodeFormData form, BindingResult result, HttpSession session,
			Model model, RedirectAttributes redirect) {
		try {
			mfa.disable(CurrentUser.require().accountId(), form.getCode());
		}
		catch (BusinessRuleException ex) {
			return failed(ex, result, session, model);
		}
		redirect.addFlashAttribute("flash", "mfa.disabled");
		return "redirect:/account/2fa";
	}

	@PostMapping("/account/2fa/recovery-codes")
	String regenerate(@ModelAttribute("form") MfaCodeFormData form, HttpSession session, Model model) {
		model.addAttribute("recoveryCodes", mfa.regenerateRecoveryCodes(CurrentUser.require().accountId()));
		model.addAttribute("flash", "mfa.recoveryCodesRegenerated");
		return render(session, model);
	}

	private String failed(BusinessRuleException ex, BindingResult result, HttpSession session, Model model) {
		if (ex.field() != null) {
			result.rejectValue(ex.field(), ex.messageCode(), ex.arguments(), ex.messageCode());
		}
		else {
			model.addAttribute("error", ex.messageCode());
		}
		return render(session, model);
	}

	private String render(HttpSession session, Model model) {
		long accountId = CurrentUser.require().accountId();
		model.addAttribute("mfaStatus", mfa.status(accountId));
		model.addAttribute("enrolment", mfa.pendingEnrolment(accountId));
		model.addAttribute("gate", gates.mfaEnrolmentPending(session));
		return VIEW;
	}
}
