package com.commhub.security.web;

/**
 * Assigning a role: to one employee (by 工号, which is their account's username), a department (with its
 * sub-departments) or a group.
 */
public class RoleAssignmentFormData {

	private String roleCode;
	private String subjectType = "EMPLOYEE";
	private String employeeNo;
	private Long departmentId;
	private Long groupId;

	public String getRoleCode() {
		return roleCode;
	}

	public void setRoleCode(String roleCode) {
		this.roleCode = roleCode;
	}

	public String getSubjectType() {
		return subjectType;
	}

	public void setSubjectType(String subjectType) {
		this.subjectType = subjectType;
	}

	public String getEmployeeNo() {
		return employeeNo;
	}

	public void setEmployeeNo(String employeeNo) {
		this.employeeNo = employeeNo;
	}

	public Long getDepartmentId() {
		return departmentId;
	}

	public void setDepartmentId(Long departmentId) {
		this.departmentId = departmentId;
	}

	public Long getGroupId() {
		return groupId;
	}

	public void setGroupId(Long groupId) {
		this.groupId = groupId;
	}
}
