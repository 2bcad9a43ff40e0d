package com.commhub.directory;

/** The new employee and, when it was generated, the initial password to hand over (shown once). */
public record HireResult(EmployeeView employee, String username, String generatedPassword) {
}
