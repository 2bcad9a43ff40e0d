package com.commhub.files;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of a file (or of its thumbnail) opened for reading, with the type and length to serve them with. The
 * caller closes it.
 */
public record FileContent(StoredFile file, String contentType, long length, InputStream stream)
		implements AutoCloseable {

	@Override
	public void close() throws IOException {
		stream.close();
	}
}
