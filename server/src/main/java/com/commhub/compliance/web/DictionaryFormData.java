package com.commhub.compliance.web;

import org.springframework.web.multipart.MultipartFile;

/** A dictionary upload: code, name, category, and the terms as a file (text or XLSX) or typed one per line. */
public class DictionaryFormData {

	private String code = "";
	private String name = "";
	private String category = "";
	private String terms = "";
	private MultipartFile file;

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getCategory() {
		return category;
	}

	public void setCategory(String category) {
		this.category = category;
	}

	public String getTerms() {
		return terms;
	}

	public void setTerms(String terms) {
		this.terms = terms;
	}

	public MultipartFile getFile() {
		return file;
	}

	public void setFile(MultipartFile file) {
		this.file = file;
	}
}
