package com.commhub.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.commhub.security.Audit;
import com.commhub.security.AuditOutcome;
import com.commhub.security.CommHubUser;
import com.commhub.security.Permission;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.NotFoundException;

/**
 * Personal access tokens (SEC-8) and login tokens. A token grants the intersection of its scopes and the account's
 * current permissions, so removing a role from the account also narrows its tokens.
 */
@Service
public class ApiTokenService {

	static final String PREFIX = "chp_";
	static final String ALL_SCOPES = "*";

	private final ApiTokens tokens;
	private final AccountRepository accounts;
	private final RoleService roles;
	private final SecurityProperties properties;
	private final Audit audit;
	private final SecurityCache cache;
	private final Clock clock;

	ApiTokenService(ApiTokens tokens, AccountRepository accounts, RoleService roles, SecurityProperties properties,
			Audit audit, SecurityCache cache, Clock clock) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.roles = roles;
		this.properties = properties;
		this.audit = audit;
		this.cache = cache;
		this.clock = clock;
	}

	public record TokenView(long id, String name, String prefix, List<String> scopes, Instant expiresAt,
			Instant createdAt, Instant lastUsedAt, boolean revoked, boolean expired) {
	}

	public record IssuedToken(TokenView token, String secret) {
	}

	public record Resolved(CommHubUser user, Set<Permission> permissions) {
	}

	@Transactional
	public IssuedToken createPersonal(long accountId, String name, Set<String> requestedScopes, Integer days) {
		if (name == null || name.isBlank()) {
			throw BusinessRuleException.invalid("name", "validation.required");
		}
		if (name.length() > 100) {
			throw BusinessRuleException.invalid("name", "validation.tooLong", 100);
		}
		if (days == null || days < 1 || days > properties.tokens().maxLifetime().toDays()) {
			throw BusinessRuleException.invalid("expiresInDays", "token.badLifetime",
					properties.tokens().maxLifetime().toDays());
		}
		Set<String> scopes = parseScopes(requestedScopes);
		return issue(accountId, name.trim(), ApiToken.Kind.PERSONAL, scopes, Duration.ofDays(days));
	}

	@Transactional
	public IssuedToken createLoginToken(long accountId) {
		return issue(accountId, "login", ApiToken.Kind.LOGIN, Set.of(ALL_SCOPES),
				properties.tokens().loginTokenLifetime());
	}

	private IssuedToken issue(long accountId, String name, ApiToken.Kind kind, Set<String> scopes, Duration lifetime) {
		Instant now = Instant.now(clock);
		String secret = PREFIX + Hashing.randomAlphanumeric(40);
		ApiToken token = tokens.save(new ApiToken(accountId, name, kind, Hashing.sha256(secret),
				secret.substring(0, 10), String.join(" ", scopes), now.plus(lifetime), now));
		if (kind == ApiToken.Kind.PERSONAL) {
			audit.record("token.create", "token", token.id(), name, AuditOutcome.SUCCESS,
					"scopes=" + token.scopes() + " expires=" + token.expiresAt());
		}
		return new IssuedToken(view(token, now), secret);
	}

	private static Set<String> parseScopes(Set<String> requested) {
		if (requested == null || requested.isEmpty()) {
			throw BusinessRuleException.invalid("scopes", "token.noScopes");
		}
		Set<String> result = new LinkedHashSet<>();
		for (String scope : requested) {
			if (ALL_SCOPES.equals(scope)) {
				return Set.of(ALL_SCOPES);
			}
			try {
				result.add(Permission.valueOf(scope).name());
			}
			catch (IllegalArgumentException ex) {
				throw BusinessRuleException.invalid("scopes", "token.unknownScope", scope);
			}
		}
		return result;
	}

	@Transactional(readOnly = true)
	public List<TokenView> listPersonal(long accountId) {
		Instant now = Instant.now(clock);
		return tokens.findByAccountIdAndKindOrderByCreatedAtDesc(accountId, ApiToken.Kind.PERSONAL).stream()
			.map(t -> view(t, now))
			.toList();
	}

	@Transactional
	public void revoke(long accountId, long tokenId) {
		ApiToken token = tokens.findById(tokenId)
			.filter(t -> t.accountId().equals(accountId))
			.orElseThrow(() -> new NotFoundException("token", tokenId));
		token.revoke(Instant.now(clock));
		tokens.save(token);
		audit.record("token.revoke", "token", tokenId, token.name(), AuditOutcome.SUCCESS, null);
	}

	@Transactional
	int revokeAll(long accountId) {
		cache.changed(); // not audited itself: callers audit the sign-out, disable or password reset
		return tokens.revokeAllOf(accountId, Instant.now(clock));
	}

	/** What a request needs of a usable token, cached by the hash of its secret ({@link SecurityCache}). */
	private record UsableToken(long id, Set<Permission> scopes, Instant expiresAt, Instant lastUsedAt,
			CommHubUser user) {

		UsableToken used(Instant at) {
			return new UsableToken(id, scopes, expiresAt, at, user);
		}
	}

	/**
	 * Resolves a presented bearer secret; empty when unknown, revoked, expired or the account is disabled. A known
	 * token costs no query (revoking it, disabling its account or changing permissions drops the cache) but the
	 * update of its last use, at most once a minute.
	 */
	public Optional<Resolved> resolve(String secret) {
		Instant now = Instant.now(clock);
		var key = key(secret);
		UsableToken token = key == null ? null : usable(key, now);
		if (token == null) {
			return Optional.empty();
		}
		if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minusSeconds(60))) {
			tokens.touch(token.id(), now);
			cache.update(key, token.used(now));
		}
		Set<Permission> granted = EnumSet.noneOf(Permission.class);
		granted.addAll(roles.permissionsOf(token.user().accountId()));
		if (token.scopes() != null) {
			granted.retainAll(token.scopes());
		}
		return Optional.of(new Resolved(token.user(), granted));
	}

	/** Whether {@link #resolve} would accept the secret, without counting this as a use of the token. */
	boolean usable(String secret) {
		var key = key(secret);
		return key != null && usable(key, Instant.now(clock)) != null;
	}

	private static SecurityCache.TokenKey key(String secret) {
		return secret == null || !secret.startsWith(PREFIX) ? null : new SecurityCache.TokenKey(Hashing.sha256(secret));
	}

	private UsableToken usable(SecurityCache.TokenKey key, Instant now) {
		UsableToken token = cache.get(key, () -> load(key.tokenHash(), now));
		return token == null || !token.expiresAt().isAfter(now) ? null : token;
	}

	private UsableToken load(String tokenHash, Instant now) {
		ApiToken token = tokens.findByTokenHash(tokenHash).filter(t -> t.usableAt(now)).orElse(null);
		Account account = token == null ? null
				: accounts.findById(token.accountId()).filter(Account::enabled).orElse(null);
		if (account == null) {
			return null;
		}
		Set<Permission> scopes = null; // all the account's permissions
		if (!ALL_SCOPES.equals(token.scopes())) {
			scopes = EnumSet.noneOf(Permission.class);
			Arrays.stream(token.scopes().split(" ")).map(Permission::valueOf).forEach(scopes::add);
		}
		var user = new CommHubUser(account.id(), account.username(), account.displayName(), account.employeeId(),
				null, true);
		return new UsableToken(token.id(), scopes, token.expiresAt(), token.lastUsedAt(), user);
	}

	private static TokenView view(ApiToken token, Instant now) {
		List<String> scopes = Arrays.stream(token.scopes().split(" ")).collect(Collectors.toList());
		return new TokenView(token.id(), token.name(), token.tokenPrefix(), scopes, token.expiresAt(),
				token.createdAt(), token.lastUsedAt(), token.revokedAt() != null, !token.expiresAt().isAfter(now));
	}
}
