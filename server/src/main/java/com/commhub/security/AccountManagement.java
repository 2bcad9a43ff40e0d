package com.commhub.security;

/**
 * Commands on accounts that other modules need: the directory provisions an account when it hires an employee
 * and disables it when the employee is suspended or leaves (DIR-8).
 */
public interface AccountManagement {

	/**
	 * Creates the account bound to an employee. The account must change its password at first sign-in.
	 *
	 * @param initialPassword the password chosen by the administrator, or {@code null} to generate one
	 * @return the account and, when it was generated, the initial password (shown once)
	 */
	ProvisionedAccount provisionForEmployee(long employeeId, String username, String displayName,
			String initialPassword);

	/**
	 * Creates accounts for demo employees that all share one known password (no change required). The password is
	 * hashed once: they share it anyway, and hashing is deliberately slow.
	 */
	void provisionDemoAccounts(java.util.Map<Long, String> displayNameByEmployeeId,
			java.util.Map<Long, String> usernameByEmployeeId, String password);

	/** Sets a new generated password that must be changed at the next sign-in; returns it to be shown once. */
	String resetPassword(long employeeId);

	/** Disables the account of the employee and revokes all their sessions and tokens. */
	void disableForEmployee(long employeeId);

	void enableForEmployee(long employeeId);

	/**
	 * Refuses when disabling the given employee's account would leave no enabled administrator.
	 */
	void checkNotLastAdministrator(long employeeId);

	/** "Lost device": ends every session and revokes every token of the employee's account; returns the session count. */
	int revokeAllSessions(long employeeId);

	/** The account bound to the employee, if there is one. */
	java.util.Optional<AccountInfo> accountOf(long employeeId);

	record ProvisionedAccount(long accountId, String username, String generatedPassword) {
	}
}
