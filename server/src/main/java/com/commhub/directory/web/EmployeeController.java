package com.commhub.directory.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.commhub.directory.DirectoryAccess;
import com.commhub.directory.DirectoryManagement;
import com.commhub.directory.DirectoryQueries;
import com.commhub.directory.EmployeeStatus;
import com.commhub.directory.EmployeeView;
import com.commhub.directory.EmploymentType;
import com.commhub.directory.HireResult;
import com.commhub.security.AccountManagement;
import com.commhub.shared.BusinessRuleException;

/** The employee list with its htmx search, the employee page, and the hire / edit / lifecycle forms (DIR-2, DIR-8). */
@Controller
@RequestMapping("/directory/employees")
class EmployeeController {

	static final String LIST_VIEW = "directory/employees";
	static final String RESULTS_FRAGMENT = "directory/employees :: results";
	static final String DETAIL_VIEW = "directory/employee";
	static final String FORM_VIEW = "directory/employee-form";
	static final int PAGE_SIZE = 20;

	private static final DateTimeFormatter SIGN_IN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final DirectoryQueries queries;
	private final DirectoryManagement management;
	private final DirectoryAccess access;
	private final AccountManagement accounts;
	private final MessageSource messages;
	private final Clock clock;

	EmployeeController(DirectoryQueries queries, DirectoryManagement management, DirectoryAccess access,
			AccountManagement accounts, MessageSource messages, Clock clock) {
		this.queries = queries;
		this.management = management;
		this.access = access;
		this.accounts = accounts;
		this.messages = messages;
		this.clock = clock;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long departmentId,
			@RequestParam(required = false) EmployeeStatus status, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response,
			Model model) {
		model.addAttribute("result", queries.searchEmployees(q, departmentId, status, page, PAGE_SIZE));
		model.addAttribute("q", q);
		model.addAttribute("departmentId", departmentId);
		model.addAttribute("status", status);
		response.addHeader("Vary", "HX-Request");
		if (htmx != null) {
			return RESULTS_FRAGMENT;
		}
		model.addAttribute("departments", queries.departmentTree(false));
		model.addAttribute("statuses", EmployeeStatus.values());
		model.addAttribute("canManage", access.canManage());
		return LIST_VIEW;
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		EmployeeView employee = queries.employee(id);
		model.addAttribute("employee", employee);
		boolean canManage = access.canManage();
		model.addAttribute("canManage", canManage);
		if (canManage) {
			var account = accounts.accountOf(id).orElse(null);
			model.addAttribute("account", account);
			model.addAttribute("lastLogin", account == null || account.lastLoginAt() == null ? null
					: SIGN_IN_TIME.withZone(clock.getZone()).format(account.lastLoginAt()));
			model.addAttribute("today", LocalDate.now(clock));
		}
		return DETAIL_VIEW;
	}

	@GetMapping("/new")
	String createForm(Model model) {
		access.requireManage();
		model.addAttribute("form", new EmployeeFormData());
		return form(model, null);
	}

	@PostMapping("/new")
	String create(@ModelAttribute("form") EmployeeFormData form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		access.requireManage();
		if (result.hasErrors()) {
			return form(model, null);
		}
		HireResult hired;
		try {
			hired = management.hire(form.toHire());
		}
		catch (BusinessRuleException ex) {
			FormErrors.reject(result, ex);
			return form(model, null);
		}
		Flash.message(redirect, messages, "directory.employee.hired", hired.employee().name(), hired.username());
		redirect.addFlashAttribute("hiredEmail", hired.employee().email());
		redirect.addFlashAttribute("generatedPassword", hired.generatedPassword());
		return "redirect:/directory/employees/" + hired.employee().id();
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		access.requireManage();
		EmployeeView employee = queries.employee(id);
		model.addAttribute("form", EmployeeFormData.of(employee));
		return form(model, employee);
	}

	@PostMapping("/{id}/edit")
	String edit(@PathVariable long id, @ModelAttribute("form") EmployeeFormData form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		access.requireManage();
		EmployeeView employee = queries.employee(id);
		if (result.hasErrors()) {
			return form(model, employee);
		}
		try {
			management.updateEmployee(id, form.toUpdate());
		}
		catch (BusinessRuleException ex) {
			FormErrors.reject(result, ex);
			return form(model, employee);
		}
		Flash.message(redirect, messages, "directory.employee.saved");
		return redirect(id);
	}

	@PostMapping("/{id}/suspend")
	String suspend(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> management.suspend(id), "directory.employee.suspended");
	}

	@PostMapping("/{id}/reinstate")
	String reinstate(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> management.reinstate(id), "directory.employee.reinstated");
	}

	@PostMapping("/{id}/leave")
	String leave(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate leftOn,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> management.markLeft(id, leftOn), "directory.employee.left");
	}

	@PostMapping("/{id}/reset-password")
	String resetPassword(@PathVariable long id, RedirectAttributes redirect) {
		access.requireManage();
		queries.employee(id);
		redirect.addFlashAttribute("newPassword", accounts.resetPassword(id));
		return redirect(id);
	}

	@PostMapping("/{id}/revoke-sessions")
	String revokeSessions(@PathVariable long id, RedirectAttributes redirect) {
		access.requireManage();
		queries.employee(id);
		int revoked = accounts.revokeAllSessions(id);
		Flash.message(redirect, messages, "directory.employee.sessionsRevoked", revoked);
		return redirect(id);
	}

	private String act(long id, RedirectAttributes redirect, Supplier<EmployeeView> command, String doneCode) {
		try {
			command.get();
			Flash.message(redirect, messages, doneCode);
		}
		catch (BusinessRuleException ex) {
			Flash.error(redirect, messages, ex);
		}
		return redirect(id);
	}

	private String form(Model model, EmployeeView employee) {
		model.addAttribute("employee", employee);
		model.addAttribute("creating", employee == null);
		model.addAttribute("departments", queries.departmentTree(false));
		model.addAttribute("employmentTypes", EmploymentType.values());
		return FORM_VIEW;
	}

	private static String redirect(long id) {
		return "redirect:/directory/employees/" + id;
	}
}
