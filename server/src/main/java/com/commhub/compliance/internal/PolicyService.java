package com.commhub.compliance.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.commhub.compliance.internal.PolicyEvaluator.CompiledPolicy;
import com.commhub.security.Audit;
import com.commhub.security.AuditOutcome;
import com.commhub.security.CurrentUser;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.NotFoundException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Versioned DLP policies (DLP-4). Every change adds a row to {@code cmp_policy_version}; versions are never updated.
 * The active policies are compiled once and cached; a change on this node refreshes the cache at once, changes on
 * other nodes within {@link #REFRESH}.
 */
@Service
public class PolicyService {

	static final JsonMapper JSON = JsonMapper.builder().build();
	static final Duration REFRESH = Duration.ofSeconds(30);
	static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
	static final Set<String> BUILT_IN = Set.of("resident-id", "bank-card", "mobile", "credit-code", "passport",
			"email", "ip-address", "keyword", "regex");

	public record PolicyView(long id, String code, boolean active, int currentVersion, Instant updatedAt,
			PolicyDefinition definition) {
	}

	public record VersionView(int version, String createdBy, Instant createdAt, PolicyDefinition definition) {
	}

	public record PolicyDetail(PolicyView policy, List<VersionView> versions) {
	}

	/** One policy in an export file. */
	public record ExportedPolicy(Boolean active, PolicyDefinition definition) {

		public ExportedPolicy {
			active = !Boolean.FALSE.equals(active);
		}
	}

	public record PolicyExport(Integer format, List<ExportedPolicy> policies) {
	}

	/** Serializable: the page passes it as a flash attribute, which lives in the JDBC-backed session. */
	public record ImportResult(int created, int updated, int unchanged) implements java.io.Serializable {
	}

	private record Snapshot(List<CompiledPolicy> policies, Instant loadedAt) {
	}

	private final JdbcClient jdbc;
	private final Audit audit;
	private final Clock clock;
	private volatile Snapshot snapshot;

	PolicyService(JdbcClient jdbc, Audit audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** The active policies in their current versions; cached, read from the database at most every 30 s. */
	public List<CompiledPolicy> activePolicies() {
		Snapshot current = snapshot;
		if (current == null || current.loadedAt().plus(REFRESH).isBefore(Instant.now(clock))) {
			current = load();
			snapshot = current;
		}
		return current.policies();
	}

	private Snapshot load() {
		List<CompiledPolicy> policies = jdbc.sql("""
				select p.id, p.current_version, v.definition from cmp_policy p
				join cmp_policy_version v on v.policy_id = p.id and v.version_no = p.current_version
				where p.active""")
			.query((rs, n) -> new CompiledPolicy(rs.getLong(1), rs.getInt(2), parse(rs.getString(3))))
			.list();
		return new Snapshot(List.copyOf(policies), Instant.now(clock));
	}

	private void invalidate() {
		snapshot = null;
	}

	@Transactional(readOnly = true)
	public List<PolicyView> list() {
		return jdbc.sql("""
				select p.id, p.code, p.active, p.current_version, p.updated_at, v.definition from cmp_policy p
				join cmp_policy_version v on v.policy_id = p.id and v.version_no = p.current_version
				order by p.code""")
			.query((rs, n) -> new PolicyView(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4),
					rs.getObject(5, OffsetDateTime.class).toInstant(), parse(rs.getString(6))))
			.list();
	}

	@Transactional(readOnly = true)
	public PolicyDetail get(long id) {
		PolicyView policy = find(id).orElseThrow(() -> new NotFoundException("policy", id));
		List<VersionView> versions = jdbc.sql("""
				select version_no, created_by, created_at, definition from cmp_policy_version
				where policy_id = ? order by version_no desc""")
			.param(id)
			.query((rs, n) -> new VersionView(rs.getInt(1), rs.getString(2),
					rs.getObject(3, OffsetDateTime.class).toInstant(), parse(rs.getString(4))))
			.list();
		return new PolicyDetail(policy, versions);
	}

	private Optional<PolicyView> find(long id) {
		return jdbc.sql("""
				select p.id, p.code, p.active, p.current_version, p.updated_at, v.definition from cmp_policy p
				join cmp_policy_version v on v.policy_id = p.id and v.version_no = p.current_version
				where p.id = ?""")
			.param(id)
			.query((rs, n) -> new PolicyView(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4),
					rs.getObject(5, OffsetDateTime.class).toInstant(), parse(rs.getString(6))))
			.optional();
	}

	private Optional<Long> idOf(String code) {
		return jdbc.sql("select id from cmp_policy where code = ?").param(code).query(Long.class).optional();
	}

	/** Creates a policy (version 1), active unless {@code active} is false. */
	@Transactional
	public PolicyView create(PolicyDefinition definition, boolean active) {
		PolicyDefinition valid = validate(definition);
		if (idOf(valid.code()).isPresent()) {
			throw BusinessRuleException.conflict("code", "compliance.policy.codeTaken", valid.code());
		}
		long id = jdbc.sql("insert into cmp_policy (code, active, current_version) values (?, ?, 1) returning id")
			.params(valid.code(), active)
			.query(Long.class)
			.single();
		insertVersion(id, 1, valid);
		audit.record("compliance.policy.create", "policy", id, valid.code(), AuditOutcome.SUCCESS,
				"v1 " + valid.action());
		invalidate();
		return find(id).orElseThrow();
	}

	/** Adds a new version with the given rules; the code of a policy never changes. */
	@Transactional
	public PolicyView update(long id, PolicyDefinition definition) {
		// serialise concurrent changes of one policy, so version numbers never collide
		jdbc.sql("select id from cmp_policy where id = ? for update").param(id).query(Long.class).optional();
		PolicyView current = find(id).orElseThrow(() -> new NotFoundException("policy", id));
		PolicyDefinition valid = validate(withCode(definition, current.code()));
		int next = jdbc.sql("select max(version_no) from cmp_policy_version where policy_id = ?")
			.param(id)
			.query(Integer.class)
			.single() + 1;
		insertVersion(id, next, valid);
		jdbc.sql("update cmp_policy set current_version = ?, updated_at = now() where id = ?").params(next, id).update();
		audit.record("compliance.policy.update", "policy", id, current.code(), AuditOutcome.SUCCESS,
				"v" + next + " " + valid.action());
		invalidate();
		return find(id).orElseThrow();
	}

	@Transactional
	public PolicyView setActive(long id, boolean active) {
		PolicyView current = find(id).orElseThrow(() -> new NotFoundException("policy", id));
		if (current.active() != active) {
			jdbc.sql("update cmp_policy set active = ?, updated_at = now() where id = ?").params(active, id).update();
			audit.record(active ? "compliance.policy.activate" : "compliance.policy.deactivate", "policy", id,
					current.code(), AuditOutcome.SUCCESS, "v" + current.currentVersion());
			invalidate();
		}
		return find(id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public PolicyExport export() {
		return new PolicyExport(1, list().stream().map(p -> new ExportedPolicy(p.active(), p.definition())).toList());
	}

	/**
	 * Imports an export: unknown codes are created, known codes get a new version when their rules differ; the
	 * active flag is taken from the file. All or nothing.
	 */
	@Transactional
	public ImportResult importPolicies(PolicyExport file) {
		if (file == null || file.policies() == null) {
			throw BusinessRuleException.invalid("policies", "compliance.import.empty");
		}
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		List<String> seen = new ArrayList<>();
		for (int index = 0; index < file.policies().size(); index++) {
			ExportedPolicy entry = file.policies().get(index);
			String at = "policies[" + index + "]";
			if (entry == null || entry.definition() == null) {
				throw BusinessRuleException.invalid(at + ".definition", "validation.required");
			}
			PolicyDefinition valid;
			try {
				valid = validate(entry.definition());
			}
			catch (BusinessRuleException ex) {
				// name the entry, so the officer finds the bad value in a long file
				throw new BusinessRuleException(ex.kind(), at + ".definition" + (ex.field() == null ? "" : "." + ex.field()),
						ex.messageCode(), ex.arguments());
			}
			if (seen.contains(valid.code())) {
				throw BusinessRuleException.invalid(at + ".definition.code", "compliance.import.duplicate", valid.code());
			}
			seen.add(valid.code());
			Optional<Long> id = idOf(valid.code());
			if (id.isEmpty()) {
				create(valid, entry.active());
				created++;
				continue;
			}
			PolicyView current = find(id.get()).orElseThrow();
			if (Objects.equals(current.definition(), valid)) {
				unchanged++;
			}
			else {
				update(id.get(), valid);
				updated++;
			}
			setActive(id.get(), entry.active());
		}
		audit.record("compliance.policy.import", "policy", null, null, AuditOutcome.SUCCESS,
				"created " + created + ", updated " + updated + ", unchanged " + unchanged);
		return new ImportResult(created, updated, unchanged);
	}

	private void insertVersion(long policyId, int version, PolicyDefinition definition) {
		String actor = CurrentUser.find().map(u -> u.getUsername()).orElse("system");
		jdbc.sql("insert into cmp_policy_version (policy_id, version_no, definition, created_by) values (?, ?, ?, ?)")
			.params(policyId, version, JSON.writeValueAsString(definition), actor)
			.update();
	}

	static PolicyDefinition parse(String json) {
		try {
			return JSON.readValue(json, PolicyDefinition.class);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("unreadable policy definition", ex);
		}
	}

	private static PolicyDefinition withCode(PolicyDefinition d, String code) {
		if (d == null) {
			throw BusinessRuleException.invalid("name", "validation.required");
		}
		return new PolicyDefinition(code, d.name(), d.description(), d.priority(), d.action(), d.tipZh(), d.tipEn(),
				d.scope(), d.conditions(), d.exceptions());
	}

	/** Checks a definition and returns it with trimmed texts. */
	static PolicyDefinition validate(PolicyDefinition d) {
		if (d == null) {
			throw BusinessRuleException.invalid("code", "validation.required");
		}
		String code = d.code() == null ? "" : d.code().trim();
		if (!CODE.matcher(code).matches()) {
			throw BusinessRuleException.invalid("code", "compliance.policy.codeInvalid");
		}
		String name = d.name() == null ? "" : d.name().trim();
		if (name.isEmpty() || name.length() > 128) {
			throw BusinessRuleException.invalid("name", "compliance.policy.nameInvalid");
		}
		if (d.action() == null) {
			throw BusinessRuleException.invalid("action", "validation.required");
		}
		if (d.priority() < 0 || d.priority() > 10_000) {
			throw BusinessRuleException.invalid("priority", "compliance.policy.priorityInvalid");
		}
		if (length(d.tipZh()) > 500 || length(d.tipEn()) > 500 || length(d.description()) > 1000) {
			throw BusinessRuleException.invalid("tipZh", "compliance.policy.textTooLong");
		}
		if (d.conditions().findings() != null) {
			for (String detector : d.conditions().findings().detectors()) {
				String base = detector.contains(":") ? detector.substring(0, detector.indexOf(':')) : detector;
				if (!BUILT_IN.contains(base) || detector.contains(":") && base.matches("resident-id|bank-card|mobile|credit-code|passport|email|ip-address")) {
					throw BusinessRuleException.invalid("conditions.findings.detectors", "compliance.policy.detectorUnknown",
							detector);
				}
			}
		}
		return new PolicyDefinition(code, name, trim(d.description()), d.priority(), d.action(), trim(d.tipZh()),
				trim(d.tipEn()), d.scope(), d.conditions(), d.exceptions());
	}

	private static int length(String value) {
		return value == null ? 0 : value.length();
	}

	private static String trim(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
