package com.commhub.security.internal;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.commhub.security.CurrentUser;
import com.commhub.security.Audit;
import com.commhub.security.AuditOutcome;
import com.commhub.security.CommHubUser;
import com.commhub.security.Permission;
import com.commhub.shared.ProblemResponses;

/**
 * Two filter chains: the JSON API and the WebSocket handshake (bearer tokens; problem details for 401/403) and the
 * browser UI (form sign-in, CSRF on every form, session gates). Both send the same security headers.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		// Argon2id for new hashes; bcrypt accepted for imported hashes
		return new DelegatingPasswordEncoder("argon2",
				Map.of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(), "bcrypt",
						new BCryptPasswordEncoder()));
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, ApiTokenService tokens, AccountService accounts,
			RoleService roles) throws Exception {
		RequestMatcher bearer = BearerTokenFilter::hasBearer;
		// the chat WebSocket handshake (/ws) authenticates like the API: the session or a bearer token, 401 otherwise
		http.securityMatcher("/api/**", "/actuator/**", "/ws", "/ws/**")
			.authorizeHttpRequests(auth -> auth.requestMatchers("/api/v1/auth/login", "/actuator/health",
					"/actuator/health/**")
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasAuthority(Permission.METRICS_READ.authority())
				.anyRequest()
				.authenticated())
			.csrf(csrf -> csrf.ignoringRequestMatchers(bearer).ignoringRequestMatchers("/api/v1/auth/login"))
			.addFilterBefore(new BearerTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(new AccountStateFilter(accounts, roles), SecurityContextHolderFilter.class)
			.exceptionHandling(ex -> ex
				.authenticationEntryPoint((request, response, e) -> ProblemResponses.write(request, response, 401,
						"Unauthorized", "sign in or send a bearer token"))
				// nobody signed in (e.g. a write without a bearer token, refused by the CSRF check): 401, not 403
				.accessDeniedHandler((request, response, e) -> {
					if (CurrentUser.find().isEmpty()) {
						ProblemResponses.write(request, response, 401, "Unauthorized", "sign in or send a bearer token");
					}
					else {
						ProblemResponses.write(request, response, 403, "Forbidden",
								"you lack the permission for this request");
					}
				}));
		headers(http);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webChain(HttpSecurity http, CommHubAuthenticationProvider provider, SignInHandlers handlers,
			AccountService accounts, RoleService roles, Audit audit) throws Exception {
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error", "/v3/api-docs",
					"/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
			.permitAll()
			.anyRequest()
			.authenticated())
			.authenticationProvider(provider)
			.formLogin(form -> form.loginPage("/login")
				.successHandler(handlers.success())
				.failureHandler(handlers.failure())
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout")
				.logoutSuccessUrl("/login?logout")
				.addLogoutHandler((request, response, authentication) -> {
					if (authentication != null
							&& authentication.getPrincipal() instanceof CommHubUser user) {
						audit.recordAs(user.accountId(), user.getUsername(), "signout", "account", user.accountId(),
								user.getUsername(), AuditOutcome.SUCCESS, null);
					}
				}))
			.addFilterAfter(new AccountStateFilter(accounts, roles), SecurityContextHolderFilter.class);
		headers(http);
		return http.build();
	}

	private static void headers(HttpSecurity http) throws Exception {
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.frameOptions(frame -> frame.deny()));
	}
}
