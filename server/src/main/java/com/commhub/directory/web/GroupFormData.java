package com.commhub.directory.web;

import com.commhub.directory.GroupKind;

/** The new-group form; the owner is entered by 工号. */
public class GroupFormData {

	private String name;
	private GroupKind kind = GroupKind.PROJECT;
	private String description;
	private String ownerEmployeeNo;

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public GroupKind getKind() {
		return kind;
	}

	public void setKind(GroupKind kind) {
		this.kind = kind;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getOwnerEmployeeNo() {
		return ownerEmployeeNo;
	}

	public void setOwnerEmployeeNo(String ownerEmployeeNo) {
		this.ownerEmployeeNo = ownerEmployeeNo;
	}
}
