/**
 * The shell: layout, home page, language switch, error pages, and the translation of errors into RFC 9457
 * problem details for the API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web shell", allowedDependencies = { "security", "directory", "shared" })
package com.commhub.web;
