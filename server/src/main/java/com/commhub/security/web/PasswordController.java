package com.commhub.security.web;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.commhub.security.CurrentUser;
import com.commhub.security.internal.PasswordService;
import com.commhub.security.internal.SignInHandlers;
import com.commhub.shared.BusinessRuleException;

/** Changing one's own password; also the gate for initial and expired passwords. */
@Controller
class PasswordController {

	static final String VIEW = "security/password";

	private final PasswordService passwords;
	private final SignInHandlers gates;

	PasswordController(PasswordService passwords, SignInHandlers gates) {
		this.passwords = passwords;
		this.gates = gates;
	}

	@GetMapping("/account/password")
	String form(@ModelAttribute("form") PasswordFormData form, HttpSession session, Model model) {
		model.addAttribute("forced", gates.passwordChangePending(session));
		return VIEW;
	}

	@PostMapping("/account/password")
	String change(@ModelAttribute("form") PasswordFormData form, BindingResult result, HttpSession session,
			Model model, RedirectAttributes redirect) {
		try {
			passwords.change(CurrentUser.require().accountId(), form.getCurrentPassword(), form.getNewPassword(),
					form.getConfirmation());
		}
		catch (BusinessRuleException ex) {
			result.rejectValue(ex.field() == null ? "newPassword" : ex.field(), ex.messageCode(), ex.arguments(),
					ex.messageCode());
			model.addAttribute("forced", gates.passwordChangePending(session));
			return VIEW;
		}
		gates.passwordChanged(session);
		redirect.addFlashAttribute("flash", "password.changed");
		return "redirect:/";
	}
}
