package com.commhub.directory.internal;

import java.util.List;

import com.commhub.shared.BusinessRuleException;

/** A batch that cannot be imported because rows have errors (409); carries every row error. */
public class ImportRejectedException extends BusinessRuleException {

	private final transient List<ImportRowError> errors;
	private final long batchId;

	ImportRejectedException(long batchId, List<ImportRowError> errors) {
		super(Kind.CONFLICT, null, "import.hasErrors", errors.size());
		this.batchId = batchId;
		this.errors = List.copyOf(errors);
	}

	public List<ImportRowError> errors() {
		return errors;
	}

	public long batchId() {
		return batchId;
	}
}
