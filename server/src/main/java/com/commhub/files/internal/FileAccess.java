package com.commhub.files.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.commhub.files.FileReadGrant;
import com.commhub.files.StoredFile;
import com.commhub.security.CommHubUser;

/**
 * The one gate for reading a file: its uploader, or anyone a {@link FileReadGrant} of a content module lets read it
 * (chat: a member who sees the message; mail: a party who sees the mail). Nobody else, whatever their role: the
 * archive keeps its own copy for those entitled to it. Grants are looked up lazily, because the modules providing
 * them depend on this one.
 */
@Component
class FileAccess {

	private final ObjectProvider<FileReadGrant> grants;

	FileAccess(ObjectProvider<FileReadGrant> grants) {
		this.grants = grants;
	}

	boolean mayRead(StoredFile file, CommHubUser user) {
		if (file.uploaderAccountId() == user.accountId()) {
			return true;
		}
		return grants.orderedStream().anyMatch(grant -> grant.mayRead(file.id(), user.accountId(), user.employeeId()));
	}
}
