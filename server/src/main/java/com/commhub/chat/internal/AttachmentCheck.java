package com.commhub.chat.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.commhub.chat.MessageView;
import com.commhub.files.Files;
import com.commhub.files.StoredFile;
import com.commhub.shared.BusinessRuleException;

/**
 * Chat's side of the files module: a sender attaches only their own uploads (with what compliance and the archive
 * need to know of them), and members see the attached files' metadata. Downloads are granted by {@link ChatFileGrant}.
 */
@Component
class AttachmentCheck {

	static final int MAX_FILES = 10;

	private final ObjectProvider<Files> files;
	private final ChatStore store;

	AttachmentCheck(ObjectProvider<Files> files, ChatStore store) {
		this.files = files;
		this.store = store;
	}

	record Checked(long id, String name, long size, String contentType, String sha256) {
	}

	List<Checked> requireOwnUploads(List<Long> fileIds) {
		if (fileIds.isEmpty()) {
			return List.of();
		}
		if (fileIds.size() > MAX_FILES) {
			throw BusinessRuleException.invalid("fileIds", "chat.files.tooMany", MAX_FILES);
		}
		return files.getObject().requireOwnUploads(fileIds).stream().map(AttachmentCheck::checked).toList();
	}

	/** The attachments of a stored message, for a new archive entry of it (an edit). */
	List<Checked> describeForArchive(long messageId) {
		List<Long> ids = store.attachments(List.of(messageId)).getOrDefault(messageId, List.of());
		return ids.isEmpty() ? List.of() : files.getObject().files(ids).stream().map(AttachmentCheck::checked).toList();
	}

	Map<Long, MessageView.Attachment> describe(Collection<Long> fileIds) {
		Map<Long, MessageView.Attachment> result = new LinkedHashMap<>();
		Files service = files.getIfAvailable();
		if (fileIds.isEmpty() || service == null) {
			return result;
		}
		for (StoredFile f : service.files(fileIds)) {
			result.put(f.id(), new MessageView.Attachment(f.id(), f.name(), f.contentType(), f.size(), f.image(),
					f.thumbnail()));
		}
		return result;
	}

	private static Checked checked(StoredFile f) {
		return new Checked(f.id(), f.name(), f.size(), f.contentType(), f.sha256());
	}
}
