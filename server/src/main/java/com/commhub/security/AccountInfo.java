package com.commhub.security;

import java.time.Instant;

/** What other modules may show about an employee's account: its name, whether it is enabled, the last sign-in. */
public record AccountInfo(long accountId, String username, boolean enabled, Instant lastLoginAt) {
}
