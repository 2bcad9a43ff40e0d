/**
 * Departments, employees and groups (DIR). The root package is the API: {@link com.commhub.directory.DirectoryManagement}
 * for commands, {@link com.commhub.directory.DirectoryQueries} for reads, and the view records.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory", allowedDependencies = { "security", "shared" })
package com.commhub.directory;
