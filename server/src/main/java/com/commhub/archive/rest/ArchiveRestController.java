package com.commhub.archive.rest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.commhub.archive.ArchiveStatus;
import com.commhub.archive.internal.ArchiveStatusService;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The archive's status and the public key that verifies its checkpoints (ARC-2). */
@RestController
@RequestMapping("/api/v1/archive")
@Tag(name = "Archive")
class ArchiveRestController {

	private final ArchiveStatusService status;

	ArchiveRestController(ArchiveStatusService status) {
		this.status = status;
	}

	@GetMapping("/status")
	@Operation(summary = "Entries, sealing progress and lag, the last checkpoint and whether the chain verifies")
	ArchiveStatus status() {
		return status.status();
	}

	@GetMapping("/public-key")
	@Operation(summary = "The Ed25519 public key (PEM) that verifies checkpoint signatures; public by nature")
	ResponseEntity<String> publicKey() {
		return ResponseEntity.ok()
			.contentType(new MediaType("application", "x-pem-file"))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"archive-public.pem\"")
			.body(status.publicKeyPem());
	}
}
