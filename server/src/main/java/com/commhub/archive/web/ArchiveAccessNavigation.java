package com.commhub.archive.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import com.commhub.archive.internal.AccessRequests;

/** Whether the layout shows the archive access entry: for those who may ask for or approve access. */
@ControllerAdvice(annotations = Controller.class)
class ArchiveAccessNavigation {

	@ModelAttribute("archiveAccessNav")
	boolean archiveAccessNav() {
		return AccessRequests.canRequest() || AccessRequests.canApprove();
	}
}
