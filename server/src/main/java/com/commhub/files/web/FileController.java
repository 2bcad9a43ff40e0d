package com.commhub.files.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import com.commhub.files.Files;
import com.commhub.files.StoredFile;
import com.commhub.files.internal.FileResponses;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.NotFoundException;

/**
 * Files for the pages: downloads and thumbnails with the session (so {@code <img src="/files/7/thumbnail">} works),
 * and uploads from page scripts (htmx or {@code fetch} with the {@code X-CSRF-TOKEN} header) answering JSON, with
 * refusals as problem details naming the field {@code file}, like the API. Someone else's file is 404.
 */
@Controller
class FileController {

	private final Files files;
	private final MessageSource messages;

	FileController(Files files, MessageSource messages) {
		this.files = files;
		this.messages = messages;
	}

	@GetMapping("/files/{id}")
	ResponseEntity<InputStreamResource> download(@PathVariable long id) {
		return files.openForCurrentUser(id, false)
			.map(content -> FileResponses.serve(content, false, null))
			.orElseThrow(() -> new NotFoundException("file", id));
	}

	@GetMapping("/files/{id}/thumbnail")
	ResponseEntity<InputStreamResource> thumbnail(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		return files.openForCurrentUser(id, true)
			.map(content -> FileResponses.serve(content, true, ifNoneMatch))
			.orElseThrow(() -> new NotFoundException("file", id));
	}

	@PostMapping(path = "/files", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<StoredFile> upload(@RequestParam(name = "file", required = false) MultipartFile file) {
		StoredFile stored = FileResponses.store(files, file);
		return ResponseEntity.created(URI.create("/files/" + stored.id())).body(stored);
	}

	/** A refused upload answers the script in JSON, not with an error page. */
	@ExceptionHandler(BusinessRuleException.class)
	ResponseEntity<ProblemDetail> refused(BusinessRuleException ex) {
		HttpStatus status = ex.kind() == BusinessRuleException.Kind.CONFLICT ? HttpStatus.CONFLICT
				: HttpStatus.BAD_REQUEST;
		String message = messages.getMessage(ex.messageCode(), ex.arguments(), ex.messageCode(),
				LocaleContextHolder.getLocale());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
		problem.setType(URI.create("https://commhub.example/problems/" + ex.messageCode()));
		problem.setTitle("Invalid request");
		if (ex.field() != null) {
			problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", message)));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
