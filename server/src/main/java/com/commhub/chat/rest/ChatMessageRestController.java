package com.commhub.chat.rest;

import java.util.List;

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
import org.springframework.web.bind.annotation.RestController;

import com.commhub.chat.ChatManagement;
import com.commhub.chat.ChatQueries;
import com.commhub.chat.MessageView;
import com.commhub.chat.Receipts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** One message: read, edit, recall, open (read-once), react, receipts and its thread; 404 for non-members. */
@RestController
@RequestMapping("/api/v1/chat/messages/{id}")
@Tag(name = "Chat")
class ChatMessageRestController {

	private final ChatManagement chat;
	private final ChatQueries queries;
	private final MessageSource messages;

	ChatMessageRestController(ChatManagement chat, ChatQueries queries, MessageSource messages) {
		this.chat = chat;
		this.queries = queries;
		this.messages = messages;
	}

	@GetMapping
	@Operation(summary = "A message as I see it")
	MessageView get(@PathVariable long id) {
		return queries.message(id);
	}

	record EditBody(String text, String justification) {
	}

	@PatchMapping
	@Operation(summary = "Edit my message within 24 h: 200 sent, 422 needs a justification or blocked")
	ResponseEntity<?> edit(@PathVariable long id, @RequestBody EditBody body) {
		return ChatRestAdvice.answer(chat.edit(id, body.text(), body.justification()), HttpStatus.OK, messages);
	}

	@PostMapping("/recall")
	@Operation(summary = "Recall my message within 24 h (group owners: any message in their group)")
	MessageView recall(@PathVariable long id) {
		return chat.recall(id);
	}

	@PostMapping("/open")
	@Operation(summary = "Open a read-once message: its content this one time")
	MessageView open(@PathVariable long id) {
		return chat.open(id);
	}

	@PutMapping("/reactions/{emoji}")
	@Operation(summary = "Add my reaction")
	MessageView react(@PathVariable long id, @PathVariable String emoji) {
		return chat.react(id, emoji, true);
	}

	@DeleteMapping("/reactions/{emoji}")
	@Operation(summary = "Remove my reaction")
	MessageView unreact(@PathVariable long id, @PathVariable String emoji) {
		return chat.react(id, emoji, false);
	}

	@GetMapping("/receipts")
	@Operation(summary = "Who has read the message and who has not (the sender excluded)")
	Receipts receipts(@PathVariable long id) {
		return queries.receipts(id);
	}

	@GetMapping("/thread")
	@Operation(summary = "The thread of a top-level message: the root and its replies, oldest first")
	List<MessageView> thread(@PathVariable long id) {
		return queries.thread(id);
	}
}
