package com.commhub.archive.rest;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.commhub.archive.LegalHold;
import com.commhub.archive.NewLegalHold;
import com.commhub.archive.internal.LegalHoldService;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Legal holds (ARC-3), for holders of ARCHIVE_LEGAL_HOLD; creating and releasing need a reason and are audited. */
@RestController
@RequestMapping("/api/v1/archive/legal-holds")
@Tag(name = "Archive legal holds")
class LegalHoldRestController {

	private final LegalHoldService holds;

	LegalHoldRestController(LegalHoldService holds) {
		this.holds = holds;
	}

	record ReleaseBody(String reason) {
	}

	@GetMapping
	@Operation(summary = "Legal holds, active first")
	List<LegalHold> list() {
		return holds.list();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a legal hold: case id, reason and at least one of parties, departmentId, keyword, "
			+ "from/to (yyyy-MM-dd, to inclusive)")
	LegalHold create(@RequestBody NewLegalHold body) {
		return holds.create(body);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One legal hold")
	LegalHold get(@PathVariable long id) {
		return holds.get(id);
	}

	@PostMapping("/{id}/release")
	@Operation(summary = "Release a legal hold; a reason is required")
	LegalHold release(@PathVariable long id, @RequestBody ReleaseBody body) {
		return holds.release(id, body == null ? null : body.reason());
	}
}
