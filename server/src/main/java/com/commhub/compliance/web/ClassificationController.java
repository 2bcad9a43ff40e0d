package com.commhub.compliance.web;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.commhub.compliance.Channel;
import com.commhub.compliance.internal.ClassificationService;
import com.commhub.compliance.internal.ComplianceAccess;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.Classification;

/**
 * The officer's classification settings (CLS-1, CLS-2): every level with its marking as content shows it, and the
 * default level per channel. Form fields are named after the channels (CHAT=INTERNAL, …).
 */
@Controller
class ClassificationController {

	static final String VIEW = "compliance/classification";

	private final ClassificationService classification;
	private final ComplianceAccess access;

	ClassificationController(ClassificationService classification, ComplianceAccess access) {
		this.classification = classification;
		this.access = access;
	}

	@GetMapping("/compliance/classification")
	String settings(Model model) {
		access.requireManage();
		Map<String, String> values = new LinkedHashMap<>();
		classification.settings().defaults().forEach((channel, level) -> values.put(channel.name(), level.name()));
		return page(model, values, null, null);
	}

	@PostMapping("/compliance/classification")
	String save(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		access.requireManage();
		Map<Channel, String> changes = new EnumMap<>(Channel.class);
		Map<String, String> values = new LinkedHashMap<>();
		for (Channel channel : Channel.values()) {
			String value = params.get(channel.name());
			values.put(channel.name(), value);
			if (value != null) {
				changes.put(channel, value);
			}
		}
		try {
			classification.update(changes);
		}
		catch (BusinessRuleException ex) {
			return page(model, values, ex.field(), ex);
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/compliance/classification";
	}

	private String page(Model model, Map<String, String> values, String errorField, BusinessRuleException error) {
		model.addAttribute("settings", classification.settings());
		model.addAttribute("allLevels", Classification.values());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("values", values);
		model.addAttribute("errorField", errorField);
		model.addAttribute("errorCode", error == null ? null : error.messageCode());
		model.addAttribute("errorArgs", error == null ? null : error.arguments());
		return VIEW;
	}
}
