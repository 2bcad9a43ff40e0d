package com.commhub.web;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import com.commhub.shared.ProblemResponses;

/**
 * Errors that reach the servlet container (unknown paths, unhandled exceptions): problem details for the API, a
 * localised error page for the browser. Never a stack trace.
 */
@Controller
class CommHubErrorController implements ErrorController {

	@RequestMapping("/error")
	ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = code instanceof Integer value ? value : 500;
		HttpStatus resolved = HttpStatus.resolve(status);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = uri == null ? "" : uri.toString().substring(request.getContextPath().length());
		if (path.startsWith("/api/") || path.startsWith("/actuator/")) {
			ProblemResponses.write(request, response, status,
					resolved == null ? "Error" : resolved.getReasonPhrase(),
					status == 404 ? "no such resource" : status >= 500 ? "internal error; it was logged" : "request failed");
			return null;
		}
		ModelAndView mav = new ModelAndView("error");
		mav.setStatus(resolved == null ? HttpStatus.INTERNAL_SERVER_ERROR : resolved);
		mav.addObject("status", status);
		return mav;
	}
}
