package com.commhub.mail;

/**
 * MAIL-3: a department head the sender should consider copying, because the mail crosses departments.
 * SENDER_DEPARTMENT_HEAD: the head of the sender's department; RECIPIENT_DEPARTMENT_HEAD: the head of a recipient's
 * department ({@code departmentId}/{@code departmentName} say which). Heads already in To/CC, and the sender, are
 * never suggested.
 */
public record CcSuggestion(PersonRef person, Reason reason, long departmentId, String departmentName) {

	public enum Reason {
		SENDER_DEPARTMENT_HEAD, RECIPIENT_DEPARTMENT_HEAD
	}

	public Addressee addressee() {
		return Addressee.employee(person.employeeId());
	}
}
