package com.commhub.chat.web;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.commhub.chat.ChatManagement;
import com.commhub.chat.ChatQueries;
import com.commhub.security.CurrentUser;
import com.commhub.security.Permission;
import com.commhub.shared.BusinessRuleException;

/** The communication officer's anti-flooding limits (CHAT-9, COMPLIANCE_MANAGE). */
@Controller
@RequestMapping("/chat/admin/limits")
class ChatLimitsController {

	static final String VIEW = "chat/limits";

	private final ChatManagement chat;
	private final ChatQueries queries;

	ChatLimitsController(ChatManagement chat, ChatQueries queries) {
		this.chat = chat;
		this.queries = queries;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping
	String show(Model model) {
		requireManage();
		model.addAttribute("form", LimitsFormData.of(queries.limits()));
		return VIEW;
	}

	@PostMapping
	String save(@ModelAttribute("form") LimitsFormData form, BindingResult result, RedirectAttributes redirect) {
		requireManage();
		if (result.hasErrors()) {
			return VIEW;
		}
		try {
			chat.updateLimits(form.toLimits());
		}
		catch (BusinessRuleException ex) {
			if (ex.field() != null) {
				result.rejectValue(ex.field(), ex.messageCode(), ex.arguments(), ex.messageCode());
			}
			else {
				result.reject(ex.messageCode(), ex.arguments(), ex.messageCode());
			}
			return VIEW;
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/chat/admin/limits";
	}

	private static void requireManage() {
		if (!CurrentUser.has(Permission.COMPLIANCE_MANAGE)) {
			throw new AccessDeniedException("chat limits");
		}
	}
}
