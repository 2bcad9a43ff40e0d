package com.commhub.directory.web;

import java.util.ArrayList;
import java.util.List;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.commhub.directory.DepartmentView;
import com.commhub.directory.DirectoryAccess;
import com.commhub.directory.DirectoryManagement;
import com.commhub.directory.DirectoryQueries;
import com.commhub.directory.EmployeeStatus;
import com.commhub.directory.EmployeeView;
import com.commhub.shared.BusinessRuleException;

/** The department tree and one department's page with its members and management forms (DIR-1). */
@Controller
@RequestMapping("/directory/departments")
class DepartmentController {

	static final String LIST_VIEW = "directory/departments";
	static final String DETAIL_VIEW = "directory/department";
	static final int MEMBERS_PAGE_SIZE = 50;

	private final DirectoryQueries queries;
	private final DirectoryManagement management;
	private final DirectoryAccess access;
	private final MessageSource messages;

	DepartmentController(DirectoryQueries queries, DirectoryManagement management, DirectoryAccess access,
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
		model.addAttribute("form", new DepartmentFormData());
		return list(model, false);
	}

	@PostMapping
	String create(@ModelAttribute("form") DepartmentFormData form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		access.requireManage();
		if (result.hasErrors()) {
			return list(model, true);
		}
		DepartmentView created;
		try {
			created = management.createDepartment(form.getCode(), form.getName(), form.getParentId());
		}
		catch (BusinessRuleException ex) {
			FormErrors.reject(result, ex);
			return list(model, true);
		}
		Flash.message(redirect, messages, "directory.department.created", created.name());
		return redirect(created.id());
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
		DepartmentView department = queries.department(id);
		model.addAttribute("form", DepartmentFormData.of(department));
		return detail(department, page, model);
	}

	@PostMapping("/{id}/rename")
	String rename(@PathVariable long id, @ModelAttribute("form") DepartmentFormData form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		return change(id, form, result, model, redirect, () -> management.renameDepartment(id, form.getName()));
	}

	@PostMapping("/{id}/move")
	String move(@PathVariable long id, @ModelAttribute("form") DepartmentFormData form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		return change(id, form, result, model, redirect, () -> {
			if (form.getParentId() == null) {
				throw BusinessRuleException.invalid("parentId", "validation.required");
			}
			management.moveDepartment(id, form.getParentId());
		});
	}

	@PostMapping("/{id}/head")
	String setHead(@PathVariable long id, @ModelAttribute("form") DepartmentFormData form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		return change(id, form, result, model, redirect,
				() -> management.setDepartmentHead(id, form.getHeadEmployeeId()));
	}

	@PostMapping("/{id}/deactivate")
	String deactivate(@PathVariable long id, @ModelAttribute("form") DepartmentFormData form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		String done = change(id, form, result, model, redirect, () -> management.deactivateDepartment(id));
		if (!result.hasErrors()) {
			Flash.message(redirect, messages, "directory.department.deactivated");
		}
		return done;
	}

	private String change(long id, DepartmentFormData form, BindingResult result, Model model,
			RedirectAttributes redirect, Runnable command) {
		access.requireManage();
		DepartmentView department = queries.department(id);
		if (!result.hasErrors()) {
			try {
				command.run();
				Flash.message(redirect, messages, "directory.department.saved");
				return redirect(id);
			}
			catch (BusinessRuleException ex) {
				FormErrors.reject(result, ex);
			}
		}
		// show the current state in the fields the user did not submit
		DepartmentFormData current = DepartmentFormData.of(department);
		if (form.getName() == null) {
			form.setName(current.getName());
		}
		if (form.getParentId() == null && !result.hasFieldErrors("parentId")) {
			form.setParentId(current.getParentId());
		}
		if (form.getHeadEmployeeId() == null && !result.hasFieldErrors("headEmployeeId")) {
			form.setHeadEmployeeId(current.getHeadEmployeeId());
		}
		return detail(department, 0, model);
	}

	private String list(Model model, boolean formOpen) {
		model.addAttribute("departments", queries.departmentTree(true));
		model.addAttribute("parents", queries.departmentTree(false));
		model.addAttribute("canManage", access.canManage());
		model.addAttribute("formOpen", formOpen);
		return LIST_VIEW;
	}

	private String detail(DepartmentView department, int page, Model model) {
		model.addAttribute("department", department);
		model.addAttribute("members", queries.searchEmployees(null, department.id(), null, page, MEMBERS_PAGE_SIZE));
		boolean canManage = access.canManage();
		model.addAttribute("canManage", canManage);
		if (canManage) {
			model.addAttribute("parents", queries.departmentTree(false));
			model.addAttribute("headCandidates", headCandidates(department));
		}
		return DETAIL_VIEW;
	}

	/** Active members of exactly this department, and the current head even when they sit elsewhere. */
	private List<EmployeeView> headCandidates(DepartmentView department) {
		List<EmployeeView> candidates = new ArrayList<>(queries
			.searchEmployees(null, department.id(), EmployeeStatus.ACTIVE, 0, 200)
			.items()
			.stream()
			.filter(e -> e.departmentId() == department.id())
			.toList());
		if (department.headId() != null && candidates.stream().noneMatch(e -> e.id() == department.headId())) {
			candidates.addFirst(queries.employee(department.headId()));
		}
		return candidates;
	}

	private static String redirect(long id) {
		return "redirect:/directory/departments/" + id;
	}
}
