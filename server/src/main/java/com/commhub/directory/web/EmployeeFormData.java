package com.commhub.directory.web;

import com.commhub.directory.EmployeeData;
import com.commhub.directory.EmployeeView;
import com.commhub.directory.EmploymentType;

/** The new-employee and edit-employee form; {@code employeeNo} and {@code initialPassword} only on hire. */
public class EmployeeFormData {

	private String employeeNo;
	private String name;
	private Long departmentId;
	private String position;
	private String managerEmployeeNo;
	private String officePhone;
	private String mobile;
	private EmploymentType employmentType = EmploymentType.FULL_TIME;
	private String initialPassword;

	static EmployeeFormData of(EmployeeView employee) {
		EmployeeFormData form = new EmployeeFormData();
		form.employeeNo = employee.employeeNo();
		form.name = employee.name();
		form.departmentId = employee.departmentId();
		form.position = employee.position();
		form.managerEmployeeNo = employee.managerEmployeeNo();
		form.officePhone = employee.officePhone();
		form.mobile = employee.mobile();
		form.employmentType = employee.employmentType();
		return form;
	}

	EmployeeData toHire() {
		return new EmployeeData(employeeNo, name, departmentId, position, managerEmployeeNo, officePhone, mobile,
				employmentType, initialPassword);
	}

	EmployeeData toUpdate() {
		return new EmployeeData(null, name, departmentId, position, managerEmployeeNo, officePhone, mobile,
				employmentType, null);
	}

	public String getEmployeeNo() {
		return employeeNo;
	}

	public void setEmployeeNo(String employeeNo) {
		this.employeeNo = employeeNo;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Long getDepartmentId() {
		return departmentId;
	}

	public void setDepartmentId(Long departmentId) {
		this.departmentId = departmentId;
	}

	public String getPosition() {
		return position;
	}

	public void setPosition(String position) {
		this.position = position;
	}

	public String getManagerEmployeeNo() {
		return managerEmployeeNo;
	}

	public void setManagerEmployeeNo(String managerEmployeeNo) {
		this.managerEmployeeNo = managerEmployeeNo;
	}

	public String getOfficePhone() {
		return officePhone;
	}

	public void setOfficePhone(String officePhone) {
		this.officePhone = officePhone;
	}

	public String getMobile() {
		return mobile;
	}

	public void setMobile(String mobile) {
		this.mobile = mobile;
	}

	public EmploymentType getEmploymentType() {
		return employmentType;
	}

	public void setEmploymentType(EmploymentType employmentType) {
		this.employmentType = employmentType;
	}

	public String getInitialPassword() {
		return initialPassword;
	}

	public void setInitialPassword(String initialPassword) {
		this.initialPassword = initialPassword;
	}
}
