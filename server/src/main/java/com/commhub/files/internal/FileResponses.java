package com.commhub.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

import com.commhub.files.FileContent;
import com.commhub.files.Files;
import com.commhub.files.StoredFile;
import com.commhub.shared.BusinessRuleException;

/**
 * How uploads are taken and file bytes served, the same for the JSON API and the pages. Uploaded content is untrusted: the browser
 * must not guess another type ({@code nosniff}), must run nothing in it ({@code Content-Security-Policy: sandbox}),
 * and shows only raster images inline; everything else is a download with an RFC 5987 UTF-8 file name (Chinese
 * names arrive intact) and an ASCII fallback for old clients.
 */
public final class FileResponses {

	static final String SANDBOX = "sandbox";

	private FileResponses() {
	}

	/**
	 * The response for opened content. Thumbnails carry an ETag (the content hash) so that lists of images
	 * revalidate cheaply; a matching {@code If-None-Match} answers 304 and closes the stream.
	 */
	public static ResponseEntity<InputStreamResource> serve(FileContent content, boolean thumbnail,
			String ifNoneMatch) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Content-Type-Options", "nosniff");
		headers.set("Content-Security-Policy", SANDBOX);
		boolean inline = thumbnail || content.file().image();
		headers.set(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(inline ? "inline" : "attachment",
				thumbnail ? "thumbnail-" + content.file().name() : content.file().name()));
		if (thumbnail) {
			String etag = "\"" + content.file().sha256() + "-thumb\"";
			headers.setETag(etag);
			headers.setCacheControl("private, no-cache");
			if (etag.equals(ifNoneMatch)) {
				close(content);
				return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(headers).build();
			}
		}
		if (content.length() >= 0) {
			headers.setContentLength(content.length());
		}
		return ResponseEntity.ok()
			.headers(headers)
			.contentType(MediaType.parseMediaType(content.contentType()))
			.body(new InputStreamResource(content.stream()));
	}

	/** Stores a multipart upload through the facade; a missing part is an empty upload (400), not a 500. */
	public static StoredFile store(Files files, MultipartFile file) {
		if (file == null) {
			throw BusinessRuleException.invalid(FileService.FIELD, "files.error.empty");
		}
		try (InputStream in = file.getInputStream()) {
			return files.store(file.getOriginalFilename(), file.getContentType(), in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code attachment; filename="report_.pdf"; filename*=UTF-8''%E6%8A%A5%E5%91%8A.pdf} */
	static String contentDisposition(String type, String name) {
		StringBuilder ascii = new StringBuilder();
		name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%'
				&& c != ';' ? (char) c : '_'));
		String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
		return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
	}

	private static void close(FileContent content) {
		try {
			content.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
