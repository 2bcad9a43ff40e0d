package com.commhub.chat.rest;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.commhub.chat.ChatLimits;
import com.commhub.chat.ChatManagement;
import com.commhub.chat.ChatQueries;
import com.commhub.chat.MessageHit;
import com.commhub.chat.MessageSearch;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.Classification;
import com.commhub.shared.PageResult;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Search, the unread badge and the anti-flooding limits of chat. */
@RestController
@RequestMapping("/api/v1/chat")
@Tag(name = "Chat")
class ChatRestController {

	private final ChatManagement chat;
	private final ChatQueries queries;

	ChatRestController(ChatManagement chat, ChatQueries queries) {
		this.chat = chat;
		this.queries = queries;
	}

	@GetMapping("/search")
	@Operation(summary = "Search the messages I may see (Chinese-aware), newest first, with <mark>ed snippets")
	PageResult<MessageHit> search(@RequestParam(required = false) String q,
			@RequestParam(required = false) Long conversationId, @RequestParam(required = false) Long senderEmployeeId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Boolean withAttachments,
			@RequestParam(required = false) String classification, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		Classification level = classification == null || classification.isBlank() ? null
				: Classification.parse(classification)
					.orElseThrow(() -> BusinessRuleException.invalid("classification", "validation.badValue"));
		return queries.search(new MessageSearch(q, conversationId, senderEmployeeId, from, to, withAttachments, level),
				page, size);
	}

	@GetMapping("/unread")
	@Operation(summary = "Unread messages over all my conversations")
	Map<String, Long> unread() {
		return Map.of("total", queries.unreadTotal());
	}

	@GetMapping("/limits")
	@Operation(summary = "The anti-flooding rules (COMPLIANCE_MANAGE)")
	ChatLimits limits() {
		return queries.limits();
	}

	@PutMapping("/limits")
	@Operation(summary = "Change the anti-flooding rules (COMPLIANCE_MANAGE)")
	ChatLimits updateLimits(@RequestBody LimitsBody body) {
		return chat.updateLimits(body.toLimits());
	}

	/** {@link ChatLimits} with missing fields allowed (they are then refused by name). */
	record LimitsBody(Integer postsPerMinute, Integer mentionsPerMessage, Integer duplicatePosts,
			Integer duplicateWindowSeconds) {

		ChatLimits toLimits() {
			return new ChatLimits(orZero(postsPerMinute), orZero(mentionsPerMessage), orZero(duplicatePosts),
					orZero(duplicateWindowSeconds));
		}

		private static int orZero(Integer value) {
			return value == null ? 0 : value;
		}
	}
}
