package com.commhub.directory.internal;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.commhub.directory.EmployeeStatus;
import com.commhub.directory.EmploymentType;

@Entity
@Table(name = "dir_employee")
class Employee {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "employee_no")
	private String employeeNo;

	private String name;

	@Column(name = "name_pinyin")
	private String namePinyin;

	@Column(name = "department_id")
	private Long departmentId;

	private String position;

	@Column(name = "manager_id")
	private Long managerId;

	@Column(name = "office_phone")
	private String officePhone;

	private String mobile;

	private String email;

	@Enumerated(EnumType.STRING)
	@Column(name = "employment_type")
	private EmploymentType employmentType;

	@Enumerated(EnumType.STRING)
	private EmployeeStatus status = EmployeeStatus.ACTIVE;

	@Column(name = "hired_on")
	private LocalDate hiredOn;

	@Column(name = "left_on")
	private LocalDate leftOn;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Version
	private long version;

	protected Employee() {
	}

	Employee(String employeeNo, String email, LocalDate hiredOn, Instant now) {
		this.employeeNo = employeeNo;
		this.email = email;
		this.hiredOn = hiredOn;
		this.createdAt = now;
	}

	void update(String name, String namePinyin, Long departmentId, String position, Long managerId,
			String officePhone, String mobile, EmploymentType employmentType, Instant now) {
		this.name = name;
		this.namePinyin = namePinyin;
		this.departmentId = departmentId;
		this.position = position;
		this.managerId = managerId;
		this.officePhone = officePhone;
		this.mobile = mobile;
		this.employmentType = employmentType;
		this.updatedAt = now;
	}

	void changeStatus(EmployeeStatus status, LocalDate leftOn, Instant now) {
		this.status = status;
		this.leftOn = leftOn;
		this.updatedAt = now;
	}

	Long id() {
		return id;
	}

	String employeeNo() {
		return employeeNo;
	}

	String name() {
		return name;
	}

	String namePinyin() {
		return namePinyin;
	}

	Long departmentId() {
		return departmentId;
	}

	String position() {
		return position;
	}

	Long managerId() {
		return managerId;
	}

	String officePhone() {
		return officePhone;
	}

	String mobile() {
		return mobile;
	}

	String email() {
		return email;
	}

	EmploymentType employmentType() {
		return employmentType;
	}

	EmployeeStatus status() {
		return status;
	}

	LocalDate hiredOn() {
		return hiredOn;
	}

	LocalDate leftOn() {
		return leftOn;
	}
}
