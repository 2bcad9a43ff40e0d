package com.commhub.chat.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
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
import org.springframework.web.bind.annotation.RestController;

import com.commhub.chat.ChatManagement;
import com.commhub.chat.ChatQueries;
import com.commhub.chat.ConversationSettings;
import com.commhub.chat.ConversationSummary;
import com.commhub.chat.ConversationView;
import com.commhub.chat.MemberView;
import com.commhub.chat.MessagePage;
import com.commhub.chat.NewConversation;
import com.commhub.chat.NewMessage;
import com.commhub.shared.BusinessRuleException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Conversations, their members and messages; a conversation the caller is not a member of is 404. */
@RestController
@RequestMapping("/api/v1/conversations")
@Tag(name = "Chat")
class ConversationRestController {

	private final ChatManagement chat;
	private final ChatQueries queries;
	private final MessageSource messages;

	ConversationRestController(ChatManagement chat, ChatQueries queries, MessageSource messages) {
		this.chat = chat;
		this.queries = queries;
		this.messages = messages;
	}

	@GetMapping
	@Operation(summary = "My conversations, most recent activity first, with unread counts")
	List<ConversationSummary> list() {
		return queries.conversations();
	}

	@PostMapping
	@Operation(summary = "Create a DIRECT (returns the existing one), GROUP or PROJECT conversation")
	ResponseEntity<ConversationView> create(@RequestBody NewConversation body) {
		ConversationView view = chat.create(body);
		return ResponseEntity.created(URI.create("/api/v1/conversations/" + view.id())).body(view);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A conversation with what I may do in it")
	ConversationView get(@PathVariable long id) {
		return queries.conversation(id);
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change title, topic, classification, posting or invite policy (owners)")
	ConversationView update(@PathVariable long id, @RequestBody ConversationSettings body) {
		return chat.updateSettings(id, body);
	}

	@GetMapping("/{id}/members")
	@Operation(summary = "Members with their read positions")
	List<MemberView> members(@PathVariable long id) {
		return queries.members(id);
	}

	record MembersBody(List<Long> employeeIds) {
	}

	@PostMapping("/{id}/members")
	@Operation(summary = "Add members to a group (owners, or everyone when the invite policy allows)")
	ConversationView addMembers(@PathVariable long id, @RequestBody MembersBody body) {
		return chat.addMembers(id, body.employeeIds() == null ? List.of() : body.employeeIds());
	}

	@DeleteMapping("/{id}/members/{employeeId}")
	@Operation(summary = "Remove a member from a group (owners), or leave it")
	ConversationView removeMember(@PathVariable long id, @PathVariable long employeeId) {
		return chat.removeMember(id, employeeId);
	}

	record OwnerBody(Boolean owner) {
	}

	@PutMapping("/{id}/owners/{employeeId}")
	@Operation(summary = "Make a member an owner ({\"owner\": false} to revoke; a group keeps one owner)")
	ConversationView setOwner(@PathVariable long id, @PathVariable long employeeId,
			@RequestBody(required = false) OwnerBody body) {
		return chat.setOwner(id, employeeId, body == null || body.owner() == null || body.owner());
	}

	@PostMapping("/{id}/messages")
	@Operation(summary = "Post: 201 sent, 202 held for approval or quarantined, 422 needs a justification or "
			+ "blocked (with the policy tip), 429 rate limited")
	ResponseEntity<?> post(@PathVariable long id, @RequestBody PostBody body) {
		return ChatRestAdvice.answer(chat.post(id, body.toMessage()), HttpStatus.CREATED, messages);
	}

	/** {@link NewMessage} with every field optional. */
	record PostBody(String text, List<Long> mentionedEmployeeIds, List<Long> mentionedDepartmentIds,
			Long threadRootId, List<Long> fileIds, String justification, String clientMessageId, Boolean readOnce,
			Instant expiresAt) {

		NewMessage toMessage() {
			return new NewMessage(text, mentionedEmployeeIds, mentionedDepartmentIds, threadRootId, fileIds,
					justification, clientMessageId, Boolean.TRUE.equals(readOnce), expiresAt);
		}
	}

	@GetMapping("/{id}/messages")
	@Operation(summary = "Top-level messages oldest first (the latest `limit`, or those before `beforeSeq`); with "
			+ "`afterChangeSeq`: every change after it, in change order (catch-up)")
	MessagePage messages(@PathVariable long id, @RequestParam(required = false) Long beforeSeq,
			@RequestParam(required = false) Long afterChangeSeq, @RequestParam(required = false) Integer limit) {
		if (afterChangeSeq != null) {
			if (beforeSeq != null) {
				throw BusinessRuleException.invalid("afterChangeSeq", "chat.messages.oneCursor");
			}
			return queries.changes(id, afterChangeSeq, limit == null ? 200 : limit);
		}
		return queries.messages(id, beforeSeq, limit == null ? 50 : limit);
	}

	record ReadBody(Long seq) {
	}

	@PostMapping("/{id}/read")
	@Operation(summary = "Move my read position forward to seq (never backwards)")
	Map<String, Long> read(@PathVariable long id, @RequestBody ReadBody body) {
		if (body == null || body.seq() == null) {
			throw BusinessRuleException.invalid("seq", "validation.required");
		}
		return Map.of("readSeq", chat.markRead(id, body.seq()));
	}
}
