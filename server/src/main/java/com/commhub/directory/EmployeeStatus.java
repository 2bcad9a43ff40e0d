package com.commhub.directory;

public enum EmployeeStatus {
	ACTIVE, SUSPENDED, LEFT
}
