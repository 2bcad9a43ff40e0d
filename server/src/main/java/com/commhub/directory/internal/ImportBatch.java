package com.commhub.directory.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One uploaded import file after its dry run: the parsed rows and the errors, as JSON text. */
@Entity
@Table(name = "dir_import_batch")
class ImportBatch {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	private ImportKind kind;

	@Column(name = "file_name")
	private String fileName;

	@Enumerated(EnumType.STRING)
	private ImportStatus status;

	@Column(name = "row_count")
	private int rowCount;

	@Column(name = "error_count")
	private int errorCount;

	@Column(name = "rows_json")
	private String rowsJson;

	@Column(name = "errors_json")
	private String errorsJson;

	@Column(name = "created_by")
	private String createdBy;

	@Column(name = "created_by_account_id")
	private long createdByAccountId;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "imported_at")
	private Instant importedAt;

	@Column(name = "created_count")
	private Integer createdCount;

	@Version
	private long version;

	protected ImportBatch() {
	}

	ImportBatch(ImportKind kind, String fileName, int rowCount, String rowsJson, int errorCount, String errorsJson,
			String createdBy, long createdByAccountId, Instant now) {
		this.kind = kind;
		this.fileName = fileName;
		this.rowCount = rowCount;
		this.rowsJson = rowsJson;
		this.createdBy = createdBy;
		this.createdByAccountId = createdByAccountId;
		this.createdAt = now;
		recordErrors(errorCount, errorsJson);
	}

	/** A fresh validation result: INVALID when there are errors, else VALIDATED. */
	void recordErrors(int errorCount, String errorsJson) {
		this.errorCount = errorCount;
		this.errorsJson = errorsJson;
		this.status = errorCount == 0 ? ImportStatus.VALIDATED : ImportStatus.INVALID;
	}

	void markImported(int createdCount, Instant now) {
		this.status = ImportStatus.IMPORTED;
		this.createdCount = createdCount;
		this.importedAt = now;
	}

	Long id() {
		return id;
	}

	ImportKind kind() {
		return kind;
	}

	String fileName() {
		return fileName;
	}

	ImportStatus status() {
		return status;
	}

	int rowCount() {
		return rowCount;
	}

	String rowsJson() {
		return rowsJson;
	}

	String errorsJson() {
		return errorsJson;
	}

	long createdByAccountId() {
		return createdByAccountId;
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant importedAt() {
		return importedAt;
	}

	Integer createdCount() {
		return createdCount;
	}
}
