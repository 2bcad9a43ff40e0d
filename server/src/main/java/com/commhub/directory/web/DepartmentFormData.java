package com.commhub.directory.web;

import com.commhub.directory.DepartmentView;

/** The department forms: create (code, name, parent), rename (name), move (parent) and set head. */
public class DepartmentFormData {

	private String code;
	private String name;
	private Long parentId;
	private Long headEmployeeId;

	static DepartmentFormData of(DepartmentView department) {
		DepartmentFormData form = new DepartmentFormData();
		form.code = department.code();
		form.name = department.name();
		form.parentId = department.parentId();
		form.headEmployeeId = department.headId();
		return form;
	}

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

	public Long getParentId() {
		return parentId;
	}

	public void setParentId(Long parentId) {
		this.parentId = parentId;
	}

	public Long getHeadEmployeeId() {
		return headEmployeeId;
	}

	public void setHeadEmployeeId(Long headEmployeeId) {
		this.headEmployeeId = headEmployeeId;
	}
}
