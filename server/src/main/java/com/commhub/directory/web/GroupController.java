package com.commhub.directory.web;

import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.commhub.directory.DirectoryAccess;
import com.commhub.directory.DirectoryManagement;
import com.commhub.directory.DirectoryQueries;
import com.commhub.directory.EmployeeView;
import com.commhub.directory.GroupKind;
import com.commhub.directory.GroupView;
import com.commhub.shared.BusinessRuleException;

/** Project and working groups (DIR-5): the list, one group's members, and the forms for owners and managers. */
@Controller
@RequestMapping("/directory/groups")
class GroupController {

	static final String LIST_VIEW = "directory/groups";
	static final String DETAIL_VIEW = "directory/group";

	private final DirectoryQueries queries;
	private final DirectoryManagement management;
	private final DirectoryAccess access;
	private final MessageSource messages;

	GroupController(DirectoryQueries queries, DirectoryManagement management, DirectoryAccess access,
			MessageSource messages) {
		this.queries = queries;
		this.management = management;
		this.access = access;
		this.messages = messages;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("form", new GroupFormData());
		return list(model, false);
	}

	@PostMapping
	String create(@ModelAttribute("form") GroupFormData form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		access.requireManage();
		Long ownerId = null;
		if (!result.hasErrors()) {
			ownerId = employeeIdOf(form.getOwnerEmployeeNo(), "ownerEmployeeNo", result);
		}
		if (result.hasErrors()) {
			return list(model, true);
		}
		GroupView created;
		try {
			created = management.createGroup(form.getName(), form.getKind(), form.getDescription(), ownerId);
		}
		catch (BusinessRuleException ex) {
			FormErrors.reject(result, ex, Map.of("ownerEmployeeId", "ownerEmployeeNo"));
			return list(model, true);
		}
		Flash.message(redirect, messages, "directory.group.created", created.name());
		return redirect(created.id());
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("memberForm", new GroupMemberFormData());
		return detail(queries.group(id), model);
	}

	@PostMapping("/{id}/members")
	String addMember(@PathVariable long id, @ModelAttribute("memberForm") GroupMemberFormData form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		GroupView group = queries.group(id);
		Long employeeId = null;
		if (!result.hasErrors()) {
			employeeId = employeeIdOf(form.getEmployeeNo(), "employeeNo", result);
			if (employeeId == null && !result.hasErrors()) {
				result.rejectValue("employeeNo", "validation.required");
			}
		}
		if (!result.hasErrors()) {
			try {
				management.addGroupMember(id, employeeId, form.isOwner());
				Flash.message(redirect, messages, "directory.group.memberAdded");
				return redirect(id);
			}
			catch (BusinessRuleException ex) {
				FormErrors.reject(result, ex, Map.of("employeeId", "employeeNo"));
			}
		}
		return detail(group, model);
	}

	@PostMapping("/{id}/members/{employeeId}/remove")
	String removeMember(@PathVariable long id, @PathVariable long employeeId, RedirectAttributes redirect) {
		try {
			management.removeGroupMember(id, employeeId);
			Flash.message(redirect, messages, "directory.group.memberRemoved");
		}
		catch (BusinessRuleException ex) {
			Flash.error(redirect, messages, ex);
		}
		return redirect(id);
	}

	/** The id of the employee with this 工号, {@code null} when none was entered; a field error when unknown. */
	private Long employeeIdOf(String employeeNo, String field, BindingResult result) {
		if (employeeNo == null || employeeNo.isBlank()) {
			return null;
		}
		Optional<EmployeeView> employee = queries.employeeByNo(employeeNo.strip());
		if (employee.isEmpty()) {
			result.rejectValue(field, "directory.unknownEmployeeNo", new Object[] { employeeNo.strip() },
					"directory.unknownEmployeeNo");
			return null;
		}
		return employee.get().id();
	}

	private String list(Model model, boolean formOpen) {
		model.addAttribute("groups", queries.groups());
		model.addAttribute("kinds", GroupKind.values());
		model.addAttribute("canManage", access.canManage());
		model.addAttribute("formOpen", formOpen);
		return LIST_VIEW;
	}

	private String detail(GroupView group, Model model) {
		model.addAttribute("group", group);
		model.addAttribute("canManageGroup", group.active() && access.canManageGroup(group));
		return DETAIL_VIEW;
	}

	private static String redirect(long id) {
		return "redirect:/directory/groups/" + id;
	}
}
