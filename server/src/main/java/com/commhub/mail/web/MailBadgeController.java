package com.commhub.mail.web;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import com.commhub.mail.MailQueries;

/** The menu badge (layout.html polls it with htmx): unread mails in the inbox as bare text, empty when none. */
@Controller
class MailBadgeController {

	private final MailQueries queries;

	MailBadgeController(MailQueries queries) {
		this.queries = queries;
	}

	@GetMapping(path = "/mail/badge", produces = MediaType.TEXT_PLAIN_VALUE)
	@ResponseBody
	String badge() {
		long unread = queries.unreadInbox();
		return unread == 0 ? "" : unread > 99 ? "99+" : Long.toString(unread);
	}
}
