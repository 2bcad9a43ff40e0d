package com.commhub.shared;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The outcome of a page's POST action (approve, reject, release, …), handed to the page it redirects to: flash
 * attribute {@code done} with a message code, or {@code error} and {@code errorArguments} when a business rule
 * refused the action. Anything else (not found, not permitted) propagates to the error handling.
 */
public final class FlashOutcome {

	private FlashOutcome() {
	}

	/** Runs {@code action} and returns {@code "redirect:" + target}. */
	public static String run(Runnable action, String doneCode, RedirectAttributes redirect, String target) {
		try {
			action.run();
			redirect.addFlashAttribute("done", doneCode);
		}
		catch (BusinessRuleException ex) {
			redirect.addFlashAttribute("error", ex.messageCode());
			redirect.addFlashAttribute("errorArguments", ex.arguments());
		}
		return "redirect:" + target;
	}
}
