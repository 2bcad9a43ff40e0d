package com.commhub.security.internal;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.commhub.shared.BusinessRuleException;

/**
 * Creates the built-in {@code admin} account on first start. Its password comes from {@code COMMHUB_ADMIN_PASSWORD}
 * or is generated, printed once, and must be changed at the first sign-in.
 */
@Component
@Order(10)
class AdminBootstrap implements ApplicationRunner {

	static final String ADMIN_USERNAME = "admin";
	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final AccountRepository accounts;
	private final PasswordService passwords;
	private final PasswordPolicy policy;
	private final RoleService roles;
	private final Clock clock;
	private final String configuredPassword;

	AdminBootstrap(AccountRepository accounts, PasswordService passwords, PasswordPolicy policy, RoleService roles,
			Clock clock, @Value("${commhub.admin.password:}") String configuredPassword) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.policy = policy;
		this.roles = roles;
		this.clock = clock;
		this.configuredPassword = configuredPassword;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (accounts.findByUsername(ADMIN_USERNAME).isPresent()) {
			return;
		}
		boolean generated = configuredPassword.isBlank();
		String password = generated ? PasswordService.generate() : configuredPassword;
		if (!generated) {
			try {
				policy.check(password, ADMIN_USERNAME, null);
			}
			catch (BusinessRuleException ex) {
				throw new IllegalStateException("COMMHUB_ADMIN_PASSWORD does not meet the password policy ("
						+ ex.messageCode() + "); choose a longer password with mixed characters", ex);
			}
		}
		Account admin = accounts.save(new Account(ADMIN_USERNAME, "系统管理员", null, "", generated, Instant.now(clock)));
		passwords.setPassword(admin, password, generated);
		roles.grantAtStartup(Role.ADMIN, com.commhub.security.RoleSubject.ACCOUNT, admin.id());
		if (generated) {
			log.warn("""

					============================================================
					 CommHub administrator account created
					   username: admin
					   password: {}
					 This password is shown only once; you must change it at the
					 first sign-in. (Set COMMHUB_ADMIN_PASSWORD to choose it.)
					============================================================""", password);
		}
		else {
			log.info("CommHub administrator account 'admin' created with the password from COMMHUB_ADMIN_PASSWORD");
		}
	}
}
