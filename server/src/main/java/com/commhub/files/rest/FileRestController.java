package com.commhub.files.rest;

import java.net.URI;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.commhub.files.Files;
import com.commhub.files.StoredFile;
import com.commhub.files.internal.FileResponses;
import com.commhub.shared.NotFoundException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Uploads for attaching to messages and mails, and downloads for those who may read them; a file the caller may not
 * read is 404, like one that does not exist.
 */
@RestController
@RequestMapping("/api/v1/files")
@Tag(name = "Files")
class FileRestController {

	private final Files files;

	FileRestController(Files files) {
		this.files = files;
	}

	@PostMapping
	@Operation(summary = "Upload a file (multipart part 'file'); attach it by id to a message or mail afterwards")
	ResponseEntity<StoredFile> upload(@RequestParam(name = "file", required = false) MultipartFile file) {
		StoredFile stored = FileResponses.store(files, file);
		return ResponseEntity.created(URI.create("/api/v1/files/" + stored.id())).body(stored);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A file's metadata")
	StoredFile metadata(@PathVariable long id) {
		return files.findForCurrentUser(id).orElseThrow(() -> new NotFoundException("file", id));
	}

	@GetMapping("/{id}/content")
	@Operation(summary = "A file's bytes (images inline, everything else as a download)")
	ResponseEntity<InputStreamResource> content(@PathVariable long id) {
		return files.openForCurrentUser(id, false)
			.map(content -> FileResponses.serve(content, false, null))
			.orElseThrow(() -> new NotFoundException("file", id));
	}

	@GetMapping("/{id}/thumbnail")
	@Operation(summary = "An image's thumbnail (at most 320×320); 404 when the file has none")
	ResponseEntity<InputStreamResource> thumbnail(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		return files.openForCurrentUser(id, true)
			.map(content -> FileResponses.serve(content, true, ifNoneMatch))
			.orElseThrow(() -> new NotFoundException("file", id));
	}
}
