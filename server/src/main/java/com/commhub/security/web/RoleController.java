package com.commhub.security.web;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.commhub.security.DirectoryLookup;
import com.commhub.security.Permission;
import com.commhub.security.RoleSubject;
import com.commhub.security.SecurityAccess;
import com.commhub.security.internal.RoleService;
import com.commhub.shared.BusinessRuleException;

/**
 * Roles and who holds them (SEC-1): every role with its permissions and assignments, the holders of privileged
 * roles, and for role managers assigning and removing.
 */
@Controller
class RoleController {

	static final String VIEW = "security/roles";

	private final RoleService roles;
	private final DirectoryLookup directory;
	private final SecurityAccess access;
	private final Clock clock;

	RoleController(RoleService roles, DirectoryLookup directory, SecurityAccess access, Clock clock) {
		this.roles = roles;
		this.directory = directory;
		this.access = access;
		this.clock = clock;
	}

	@InitBinder("form")
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping("/admin/roles")
	String list(@ModelAttribute("form") RoleAssignmentFormData form, Model model) {
		access.requireRoleView();
		return render(model);
	}

	@PostMapping("/admin/roles/assignments")
	String assign(@ModelAttribute("form") RoleAssignmentFormData form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		access.requireRoleManage();
		if (result.hasErrors()) {
			return render(model);
		}
		if (form.getRoleCode() == null || form.getRoleCode().isBlank()) {
			result.rejectValue("roleCode", "validation.required");
			return render(model);
		}
		RoleSubject subject;
		try {
			subject = RoleSubject.valueOf(form.getSubjectType());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			result.rejectValue("subjectType", "validation.badValue");
			return render(model);
		}
		String subjectField = switch (subject) {
			case DEPARTMENT -> "departmentId";
			case GROUP -> "groupId";
			default -> "employeeNo";
		};
		try {
			switch (subject) {
				case EMPLOYEE -> roles.assignByUsername(form.getRoleCode(), form.getEmployeeNo());
				case DEPARTMENT, GROUP -> {
					Long id = subject == RoleSubject.DEPARTMENT ? form.getDepartmentId() : form.getGroupId();
					if (id == null) {
						throw BusinessRuleException.invalid("subjectId", "validation.required");
					}
					roles.assign(form.getRoleCode(), subject, id);
				}
				default -> throw BusinessRuleException.invalid("subjectType", "validation.badValue");
			}
		}
		catch (BusinessRuleException ex) {
			String field = ex.field() == null || "subjectId".equals(ex.field()) ? subjectField : ex.field();
			result.rejectValue(field, ex.messageCode(), ex.arguments(), ex.messageCode());
			if (ex.kind() == BusinessRuleException.Kind.CONFLICT) {
				response.setStatus(HttpStatus.CONFLICT.value());
			}
			return render(model);
		}
		redirect.addFlashAttribute("flash", "roles.assigned");
		return "redirect:/admin/roles";
	}

	@PostMapping("/admin/roles/{code}/assignments/{id}/remove")
	String remove(@PathVariable String code, @PathVariable long id, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		access.requireRoleManage();
		try {
			roles.unassign(code, id);
		}
		catch (BusinessRuleException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("error", ex.messageCode());
			model.addAttribute("form", new RoleAssignmentFormData());
			return render(model);
		}
		redirect.addFlashAttribute("flash", "roles.removed");
		return "redirect:/admin/roles";
	}

	@PostMapping("/admin/roles/{code}/permissions")
	String permissions(@PathVariable String code,
			@RequestParam(required = false) List<Permission> permissions,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		access.requireRoleManage();
		try {
			roles.setPermissions(code, permissions == null || permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions),
					LocaleContextHolder.getLocale());
		}
		catch (BusinessRuleException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("error", ex.messageCode());
			model.addAttribute("form", new RoleAssignmentFormData());
			return render(model);
		}
		redirect.addFlashAttribute("flash", "roles.permissionsSaved");
		return "redirect:/admin/roles";
	}

	private String render(Model model) {
		var locale = LocaleContextHolder.getLocale();
		boolean manage = access.canManageRoles();
		model.addAttribute("roles", roles.list(locale));
		model.addAttribute("privileged", roles.privilegedHolders(locale));
		model.addAttribute("canManage", manage);
		model.addAttribute("allPermissions", Permission.values());
		model.addAttribute("zone", clock.getZone());
		if (manage) {
			model.addAttribute("departments", directory.departments());
			model.addAttribute("groups", directory.groups());
		}
		return VIEW;
	}
}
