package com.commhub.mail.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.commhub.compliance.ClassificationDefaults;
import com.commhub.mail.CcSuggestion;
import com.commhub.mail.MailDraft;
import com.commhub.mail.MailFolder;
import com.commhub.mail.MailHit;
import com.commhub.mail.MailItemChange;
import com.commhub.mail.MailManagement;
import com.commhub.mail.MailQueries;
import com.commhub.mail.MailSearch;
import com.commhub.mail.MailSendResult;
import com.commhub.mail.MailSummary;
import com.commhub.mail.MailView;
import com.commhub.mail.ReplyKind;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.Classification;
import com.commhub.shared.PageResult;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Internal mail over JSON: send, mailbox items, drafts, replies, search, CC suggestions. Only one's own items are
 * visible; every other id answers 404.
 */
@RestController
@RequestMapping("/api/v1/mail")
@Tag(name = "Mail")
class MailRestController {

	private final MailManagement mail;
	private final MailQueries queries;
	private final ClassificationDefaults classifications;

	MailRestController(MailManagement mail, MailQueries queries, ClassificationDefaults classifications) {
		this.mail = mail;
		this.queries = queries;
		this.classifications = classifications;
	}

	@PostMapping
	@Operation(summary = "Send a mail (or a draft by draftId): 201 sent, 202 held by compliance, "
			+ "422 NEEDS_JUSTIFICATION or BLOCKED with the policy tip (the draft is kept), 400 field errors")
	ResponseEntity<MailSendResult> send(@RequestBody MailRequestBody body) {
		MailSendResult result = mail.send(body.draftId(), body.toDraft(classifications), body.justification());
		HttpStatus status = switch (result.status()) {
			case SENT -> HttpStatus.CREATED;
			case HELD_FOR_APPROVAL, QUARANTINED -> HttpStatus.ACCEPTED;
			case NEEDS_JUSTIFICATION, BLOCKED -> HttpStatus.UNPROCESSABLE_CONTENT;
		};
		return ResponseEntity.status(status).body(result);
	}

	@GetMapping
	@Operation(summary = "A folder of my mailbox: INBOX, SENT, DRAFTS, ARCHIVE, TRASH or a custom folder's id")
	PageResult<MailSummary> folder(@RequestParam(defaultValue = "INBOX") String folder,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return queries.folder(MailFolder.parse(folder, "folder"), page, size);
	}

	@GetMapping("/{itemId}")
	@Operation(summary = "Open one of my mails: marks it read and records a requested read receipt")
	MailView open(@PathVariable long itemId) {
		return mail.open(itemId);
	}

	@PatchMapping("/{itemId}")
	@Operation(summary = "Mark read/unread, flag, set labels, move to a folder")
	MailView update(@PathVariable long itemId, @RequestBody MailItemChange change) {
		return mail.update(itemId, change);
	}

	@DeleteMapping("/{itemId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Move to trash; from trash, hide for ever (the mail and its archive entry remain)")
	void delete(@PathVariable long itemId) {
		mail.delete(itemId);
	}

	@PostMapping("/{itemId}/restore")
	@Operation(summary = "Move a mail out of the trash, back where it was deleted from")
	MailView restore(@PathVariable long itemId) {
		return mail.restore(itemId);
	}

	@GetMapping("/{itemId}/thread")
	@Operation(summary = "My mails of the thread this one belongs to, oldest first")
	List<MailSummary> thread(@PathVariable long itemId) {
		return queries.thread(itemId);
	}

	@GetMapping("/{itemId}/reply")
	@Operation(summary = "A prefilled draft (not saved) replying to or forwarding this mail")
	MailDraft reply(@PathVariable long itemId, @RequestParam(defaultValue = "REPLY") ReplyKind kind) {
		return mail.prepareReply(itemId, kind);
	}

	@PostMapping("/drafts")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Save a new draft")
	MailView createDraft(@RequestBody MailRequestBody body) {
		return mail.saveDraft(null, body.toDraft(classifications));
	}

	@GetMapping("/drafts")
	@Operation(summary = "My drafts, last saved first")
	PageResult<MailSummary> drafts(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return queries.folder(MailFolder.DRAFTS, page, size);
	}

	@GetMapping("/drafts/{draftId}")
	MailView draft(@PathVariable long draftId) {
		return queries.draft(draftId);
	}

	@PutMapping("/drafts/{draftId}")
	@Operation(summary = "Save (autosave) a draft")
	MailView saveDraft(@PathVariable long draftId, @RequestBody MailRequestBody body) {
		return mail.saveDraft(draftId, body.toDraft(classifications));
	}

	@DeleteMapping("/drafts/{draftId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteDraft(@PathVariable long draftId) {
		mail.deleteDraft(draftId);
	}

	@GetMapping("/search")
	@Operation(summary = "Search my mails (Chinese-aware) with filters; hits carry <mark>ed, escaped snippets")
	PageResult<MailHit> search(@RequestParam(required = false) String text,
			@RequestParam(required = false) Long person, @RequestParam(required = false) String folder,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Boolean attachments,
			@RequestParam(required = false) String classification, @RequestParam(required = false) Boolean flagged,
			@RequestParam(required = false) Long label, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		Classification level = classification == null || classification.isBlank() ? null
				: Classification.parse(classification)
					.orElseThrow(() -> BusinessRuleException.invalid("classification", "compliance.classification.invalid",
							classification));
		return queries.search(new MailSearch(text, person, folder, from, to, attachments, level, flagged, label),
				page, size);
	}

	@PostMapping("/cc-suggestions")
	@Operation(summary = "MAIL-3: department heads to consider copying on a cross-department mail")
	List<CcSuggestion> ccSuggestions(@RequestBody MailRequestBody body) {
		return mail.suggestCc(body.toDraft(classifications));
	}

	@GetMapping("/unread")
	@Operation(summary = "Unread mails in my inbox")
	Map<String, Long> unread() {
		return Map.of("unread", queries.unreadInbox());
	}
}
