package com.commhub.security.web;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.commhub.security.CommHubUser;
import com.commhub.security.CurrentUser;
import com.commhub.security.internal.SessionService;

/** My browser sessions (SEC-5): where I am signed in, and ending any of them. */
@Controller
class SessionController {

	static final String VIEW = "security/sessions";

	private final SessionService sessions;
	private final Clock clock;

	SessionController(SessionService sessions, Clock clock) {
		this.sessions = sessions;
		this.clock = clock;
	}

	@GetMapping("/account/sessions")
	String list(HttpServletRequest request, Model model) {
		CommHubUser user = CurrentUser.require();
		HttpSession session = request.getSession(false);
		model.addAttribute("sessions", sessions.list(user.getUsername(), session == null ? null : session.getId()));
		model.addAttribute("zone", clock.getZone());
		return VIEW;
	}

	/** Unknown handles (or another user's) answer 404. */
	@PostMapping("/account/sessions/{handle}/revoke")
	String revoke(@PathVariable String handle, RedirectAttributes redirect) {
		sessions.revoke(CurrentUser.require().getUsername(), handle);
		redirect.addFlashAttribute("flash", "sessions.revoked");
		return "redirect:/account/sessions";
	}
}
