package com.commhub.mail;

/**
 * One entry of To/CC/BCC as the sender typed it: a person, a department (everyone active in it and its
 * sub-departments) or a directory group (its members). Departments and groups are expanded when the mail is sent.
 */
public record Addressee(Kind kind, long id) {

	public enum Kind {
		EMPLOYEE, DEPARTMENT, GROUP
	}

	public static Addressee employee(long id) {
		return new Addressee(Kind.EMPLOYEE, id);
	}

	public static Addressee department(long id) {
		return new Addressee(Kind.DEPARTMENT, id);
	}

	public static Addressee group(long id) {
		return new Addressee(Kind.GROUP, id);
	}
}
