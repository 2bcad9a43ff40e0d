package com.commhub.files;

/**
 * SPI for modules that attach files to things others may see (chat messages, mails): whether this reader may read
 * the file because it is attached to something they may see. The uploader may always read their own files; any
 * grant saying yes is enough. Implementations must be cheap (one indexed query) and must not throw for unknown ids.
 */
public interface FileReadGrant {

	/**
	 * @param employeeId the reader's employee, {@code null} for accounts without one
	 */
	boolean mayRead(long fileId, long accountId, Long employeeId);
}
