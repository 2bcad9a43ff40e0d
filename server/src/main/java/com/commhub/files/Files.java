package com.commhub.files;

import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The files facade. Uploads belong to the current user ({@code CurrentUser}); content modules attach them by id and
 * grant read access to their readers through a {@link FileReadGrant}.
 */
public interface Files {

	/**
	 * Stores an upload by the current user: checks size and type (by extension, declared type and magic bytes; a
	 * declared image type must match the bytes; SVG is never an image; executables and scripts are refused), computes
	 * the SHA-256 and makes a thumbnail for raster images.
	 *
	 * @throws com.commhub.shared.BusinessRuleException on field {@code file}: {@code files.error.empty},
	 * {@code files.error.tooLarge}, {@code files.error.typeNotAllowed}, {@code files.error.contentMismatch},
	 * {@code files.error.nameInvalid}
	 */
	StoredFile store(String filename, String declaredContentType, InputStream content);

	/**
	 * For content modules when posting: every id exists and was uploaded by the current user (duplicates collapsed,
	 * order kept).
	 *
	 * @throws com.commhub.shared.BusinessRuleException on field {@code fileIds} ({@code files.error.notYours})
	 */
	List<StoredFile> requireOwnUploads(List<Long> fileIds);

	/**
	 * For forwarding: every id exists and the current user may read it (uploader or a grant).
	 *
	 * @throws com.commhub.shared.BusinessRuleException on field {@code fileIds} ({@code files.error.notYours})
	 */
	List<StoredFile> requireReadable(List<Long> fileIds);

	/**
	 * Metadata without an access check, for modules that checked access to what the file is attached to.
	 *
	 * @throws com.commhub.shared.NotFoundException when there is no such file
	 */
	StoredFile file(long id);

	/** Metadata of these files without an access check (missing ids are left out), in the order asked for. */
	List<StoredFile> files(Collection<Long> ids);

	/** Metadata when the current user may read the file (uploader or a grant); empty otherwise (answer 404). */
	Optional<StoredFile> findForCurrentUser(long id);

	/**
	 * The content (or, with {@code thumbnail}, the thumbnail) when the current user may read the file; empty when
	 * the file does not exist, may not be read, or has no thumbnail (answer 404).
	 */
	Optional<FileContent> openForCurrentUser(long id, boolean thumbnail);
}
