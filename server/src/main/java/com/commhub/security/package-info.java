/**
 * Accounts, passwords, two-factor sign-in, sessions, roles and permissions, API tokens and the
 * audit recording call (SEC). The root package is the API other modules use; {@link com.commhub.security.DirectoryLookup}
 * is the port the directory module implements so that security needs no dependency on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package com.commhub.security;
