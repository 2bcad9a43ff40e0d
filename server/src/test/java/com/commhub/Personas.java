package com.commhub;

/**
 * The named people tests act as: the demo company's personas (see {@code demo/employees.csv}) and the built-in
 * administrator. Passwords are fixed by {@code application-test.properties}.
 */
public final class Personas {

	public static final String PASSWORD = "Demo-Huaxin-2026";
	public static final String ADMIN = "admin";
	public static final String ADMIN_PASSWORD = "Chief-Huaxin-2026!";
	/** 徐婷, head of 行政部 (XZ). */
	public static final String DEPARTMENT_HEAD = "HT1010";
	/** 王磊, 通讯管理专员 in 法务合规部. */
	public static final String COMMUNICATION_OFFICER = "HT1020";
	/** 徐立新, 内审专员 in 审计部, holds the auditor role. */
	public static final String AUDITOR = "HT1030";
	/** 林浩然, 市场专员 in 市场部. */
	public static final String EMPLOYEE = "HT1040";
	/** 罗欣怡, another 市场专员. */
	public static final String OTHER_EMPLOYEE = "HT1041";

	private Personas() {
	}

	public static String passwordOf(String username) {
		return ADMIN.equals(username) ? ADMIN_PASSWORD : PASSWORD;
	}
}
