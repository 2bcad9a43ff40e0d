package com.commhub.archive.rest;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.commhub.archive.Disposal;
import com.commhub.archive.DisposalRun;
import com.commhub.archive.RetentionSchedule;
import com.commhub.archive.internal.DisposalService;
import com.commhub.archive.internal.RetentionService;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Retention schedules and disposal (ARC-3). Changes need ARCHIVE_RETENTION_MANAGE and are audited. */
@RestController
@RequestMapping("/api/v1/archive")
@Tag(name = "Archive retention")
class RetentionRestController {

	private final RetentionService retention;
	private final DisposalService disposal;

	RetentionRestController(RetentionService retention, DisposalService disposal) {
		this.retention = retention;
		this.disposal = disposal;
	}

	/** {@code retentionDays} null = keep permanently. */
	record ScheduleBody(Integer retentionDays) {
	}

	record DisposalBody(String reason) {
	}

	@GetMapping("/retention-schedules")
	@Operation(summary = "The retention period of every record kind (null days = permanent)")
	List<RetentionSchedule> schedules() {
		return retention.schedules();
	}

	@GetMapping("/retention-schedules/{kind}")
	@Operation(summary = "The retention period of one record kind")
	RetentionSchedule schedule(@PathVariable String kind) {
		return retention.schedule(kind);
	}

	@PutMapping("/retention-schedules/{kind}")
	@Operation(summary = "Set the retention period of a record kind; security records at least 180 days")
	RetentionSchedule update(@PathVariable String kind, @RequestBody ScheduleBody body) {
		return retention.update(kind, body == null ? null : body.retentionDays());
	}

	@PostMapping("/disposals")
	@Operation(summary = "Run disposal now: remove the content of expired, unheld entries; a reason is required")
	DisposalRun dispose(@RequestBody DisposalBody body) {
		return disposal.runNow(body == null ? null : body.reason());
	}

	@GetMapping("/disposals")
	@Operation(summary = "Disposal certificates, newest first")
	List<Disposal> disposals(@RequestParam(defaultValue = "100") int limit) {
		return disposal.disposals(limit);
	}
}
