package com.commhub.directory;

/**
 * What is entered for an employee, from the form, the API or an import row. Validated by
 * {@link DirectoryManagement}, which names the offending field.
 *
 * @param initialPassword only on hire; blank to generate one
 */
public record EmployeeData(String employeeNo, String name, Long departmentId, String position,
		String managerEmployeeNo, String officePhone, String mobile, EmploymentType employmentType,
		String initialPassword) {
}
