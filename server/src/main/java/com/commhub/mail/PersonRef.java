package com.commhub.mail;

/** A person as shown in mail: employee id, 工号, name and department name. */
public record PersonRef(long employeeId, String employeeNo, String name, String departmentName) {
}
