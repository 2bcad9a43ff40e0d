package com.commhub.directory;

import java.time.LocalDate;

public record EmployeeView(long id, String employeeNo, String name, String namePinyin, long departmentId,
		String departmentCode, String departmentName, String position, Long managerId, String managerName,
		String managerEmployeeNo, String officePhone, String mobile, String email, EmploymentType employmentType,
		EmployeeStatus status, LocalDate hiredOn, LocalDate leftOn) {
}
