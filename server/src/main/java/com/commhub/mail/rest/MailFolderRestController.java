package com.commhub.mail.rest;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.commhub.mail.FolderView;
import com.commhub.mail.LabelView;
import com.commhub.mail.MailManagement;
import com.commhub.mail.MailQueries;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** My mail folders (system and custom, with counts) and labels. */
@RestController
@RequestMapping("/api/v1/mail")
@Tag(name = "Mail")
class MailFolderRestController {

	record NameBody(String name) {
	}

	record LabelBody(String name, String colour) {
	}

	private final MailManagement mail;
	private final MailQueries queries;

	MailFolderRestController(MailManagement mail, MailQueries queries) {
		this.mail = mail;
		this.queries = queries;
	}

	@GetMapping("/folders")
	@Operation(summary = "My folders with total and unread counts")
	List<FolderView> folders() {
		return queries.folders();
	}

	@PostMapping("/folders")
	@ResponseStatus(HttpStatus.CREATED)
	FolderView createFolder(@RequestBody NameBody body) {
		return mail.createFolder(body.name());
	}

	@PutMapping("/folders/{folderId}")
	FolderView renameFolder(@PathVariable long folderId, @RequestBody NameBody body) {
		return mail.renameFolder(folderId, body.name());
	}

	@DeleteMapping("/folders/{folderId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a custom folder; its mails go back to the inbox (or Sent)")
	void deleteFolder(@PathVariable long folderId) {
		mail.deleteFolder(folderId);
	}

	@GetMapping("/labels")
	List<LabelView> labels() {
		return queries.labels();
	}

	@PostMapping("/labels")
	@ResponseStatus(HttpStatus.CREATED)
	LabelView createLabel(@RequestBody LabelBody body) {
		return mail.createLabel(body.name(), body.colour());
	}

	@PutMapping("/labels/{labelId}")
	LabelView updateLabel(@PathVariable long labelId, @RequestBody LabelBody body) {
		return mail.updateLabel(labelId, body.name(), body.colour());
	}

	@DeleteMapping("/labels/{labelId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteLabel(@PathVariable long labelId) {
		mail.deleteLabel(labelId);
	}
}
