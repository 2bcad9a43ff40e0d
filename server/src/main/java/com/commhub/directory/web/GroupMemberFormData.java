package com.commhub.directory.web;

/** Adding a member to a group by 工号. */
public class GroupMemberFormData {

	private String employeeNo;
	private boolean owner;

	public String getEmployeeNo() {
		return employeeNo;
	}

	public void setEmployeeNo(String employeeNo) {
		this.employeeNo = employeeNo;
	}

	public boolean isOwner() {
		return owner;
	}

	public void setOwner(boolean owner) {
		this.owner = owner;
	}
}
