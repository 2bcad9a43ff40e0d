package com.commhub.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.commhub.directory.DirectoryQueries;
import com.commhub.security.CommHubUser;
import com.commhub.security.CurrentUser;

@Controller
class HomeController {

	static final String VIEW = "web/home";

	private final DirectoryQueries directory;

	HomeController(DirectoryQueries directory) {
		this.directory = directory;
	}

	@GetMapping("/")
	String home(Model model) {
		CommHubUser user = CurrentUser.require();
		model.addAttribute("user", user);
		if (user.employeeId() != null) {
			model.addAttribute("me", directory.employee(user.employeeId()));
		}
		return VIEW;
	}
}
