package com.commhub.directory.web;

import org.springframework.web.multipart.MultipartFile;

/** The bulk import upload form: what the file holds and the file. */
public class ImportFormData {

	private String kind;
	private MultipartFile file;

	public String getKind() {
		return kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public MultipartFile getFile() {
		return file;
	}

	public void setFile(MultipartFile file) {
		this.file = file;
	}
}
