package com.commhub.compliance.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.commhub.compliance.Channel;
import com.commhub.compliance.ComplianceDecisionRecorded;
import com.commhub.compliance.ComplianceDecisions;
import com.commhub.compliance.Decision;
import com.commhub.compliance.DecisionOutcome;
import com.commhub.compliance.Finding;
import com.commhub.compliance.InspectionRequest;
import com.commhub.compliance.PolicyAction;
import com.commhub.security.CurrentUser;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.Classification;
import com.commhub.shared.PageResult;
import com.commhub.shared.TimeFilter;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inspects and keeps the evidence ({@code cmp_evidence}) in the caller's transaction, publishes
 * {@link ComplianceDecisionRecorded}, and answers the officer's evidence log queries.
 */
@Service
public class EvidenceService implements ComplianceDecisions {

	static final int MAX_JUSTIFICATION = 2000;
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ComplianceEngine engine;
	private final JdbcClient jdbc;
	private final ComplianceAccess access;
	private final Clock clock;
	private final ApprovalService approvals;
	private final EvidenceRecorder recorder;

	EvidenceService(ComplianceEngine engine, JdbcClient jdbc, ComplianceAccess access, Clock clock,
			ApprovalService approvals, EvidenceRecorder recorder) {
		this.approvals = approvals;
		this.engine = engine;
		this.jdbc = jdbc;
		this.access = access;
		this.clock = clock;
		this.recorder = recorder;
	}

	public record RuleRef(String code, int version, PolicyAction action) {
	}

	public record FindingRef(String detector, String category, String confidence, String snippet) {
	}

	/** One evidence row as the officer sees it (masked snippets only). */
	public record EvidenceView(long id, Instant occurredAt, Long senderEmployeeId, String senderLabel, Channel channel,
			int internalRecipients, int externalRecipients, List<String> recipientDomains, String classification,
			PolicyAction action, DecisionOutcome outcome, List<RuleRef> rules, List<FindingRef> findings,
			String justification, String subjectType, String subjectId, Long reviewOf, String reviewerLabel) {

		/** The declared level for the marking fragment, or {@code null}. */
		public Classification classificationLevel() {
			return classification == null ? null : Classification.parse(classification).orElse(null);
		}
	}

	/** The evidence log filter; every field may be {@code null}. {@code to} is exclusive. */
	public record EvidenceQuery(PolicyAction action, Channel channel, Instant from, Instant to) {

		public static EvidenceQuery parse(String action, String channel, String from, String to,
				java.time.ZoneId zone) {
			return new EvidenceQuery(enumValue(PolicyAction.class, "action", action),
					enumValue(Channel.class, "channel", channel), instant("from", from, zone, false),
					instant("to", to, zone, true));
		}

		private static <E extends Enum<E>> E enumValue(Class<E> type, String field, String text) {
			if (text == null || text.isBlank()) {
				return null;
			}
			try {
				return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw BusinessRuleException.invalid(field, "compliance.evidence.badValue", text.trim());
			}
		}

		private static Instant instant(String field, String text, java.time.ZoneId zone, boolean endOfDay) {
			return TimeFilter.bound(field, text, zone, endOfDay, "compliance.evidence.badDate");
		}
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public RecordedDecision decide(InspectionRequest request, Subject subject, String justification,
			Approver approver) {
		String reason = justification == null || justification.isBlank() ? null : justification.strip();
		if (reason != null && reason.length() > MAX_JUSTIFICATION) {
			throw BusinessRuleException.invalid("justification", "compliance.justification.tooLong",
					MAX_JUSTIFICATION);
		}
		Decision decision = engine.inspect(request);
		if (decision.action() == PolicyAction.WARN && reason == null) {
			throw BusinessRuleException.invalid("justification", "compliance.justification.required");
		}
		boolean noSubject = subject == null || subject.type() == null || subject.id() == null;
		if (decision.action() == PolicyAction.REQUIRE_APPROVAL && (approver == null || noSubject)) {
			throw BusinessRuleException.invalid("approver", "compliance.approval.approverRequired");
		}
		if (decision.action() == PolicyAction.QUARANTINE && noSubject) {
			// the officer can only release or discard an item the content module can find again
			throw BusinessRuleException.invalid("subject", "compliance.quarantine.subjectRequired");
		}
		DecisionOutcome outcome = DecisionOutcome.of(decision.action());
		if (decision.action() == PolicyAction.ALLOW) {
			return new RecordedDecision(decision, outcome, null);
		}
		Instant now = clock.instant();
		String senderLabel = CurrentUser.find()
			.filter(u -> request.senderEmployeeId() == null || request.senderEmployeeId().equals(u.employeeId()))
			.map(u -> u.getUsername() + " " + u.displayName())
			.orElse(null);
		int external = (int) request.recipients().stream().filter(InspectionRequest.Recipient::external).count();
		int internal = request.recipients().size() - external;
		TreeSet<String> domains = new TreeSet<>();
		request.recipients().forEach(r -> {
			if (r.domain() != null && !r.domain().isBlank()) {
				domains.add(r.domain());
			}
		});
		List<RuleRef> rules = decision.matchedRules().stream()
			.map(r -> new RuleRef(r.code(), r.version(), r.action()))
			.toList();
		List<FindingRef> findings = decision.findings().stream().map(EvidenceService::findingRef).toList();
		String subjectType = subject == null ? null : subject.type();
		String subjectId = subject == null ? null : subject.id();
		long id = recorder.record(new EvidenceRecorder.Entry(now, request.senderEmployeeId(), senderLabel,
				request.channel(), internal, external, domains,
				request.classification() == null ? null : request.classification().name(), decision.action(), outcome,
				rules, findings, reason, subjectType, subjectId, null, null));
		if (decision.action() == PolicyAction.REQUIRE_APPROVAL) {
			approvals.hold(id, subject.type(), subject.id(), request.senderEmployeeId(), senderLabel, approver, now);
		}
		else if (decision.action() == PolicyAction.QUARANTINE) {
			approvals.quarantine(id, subject.type(), subject.id(), request.senderEmployeeId(), senderLabel, now);
		}
		return new RecordedDecision(decision, outcome, id);
	}

	private static FindingRef findingRef(Finding f) {
		return new FindingRef(f.detectorId(), f.category() == null ? null : f.category().name(),
				f.confidence() == null ? null : f.confidence().name(), f.maskedSnippet());
	}

	/** The evidence log, newest first (COMPLIANCE_MANAGE). */
	@Transactional(readOnly = true)
	public PageResult<EvidenceView> search(EvidenceQuery query, int page, int size) {
		access.requireManage();
		int p = Math.max(page, 0);
		int s = Math.clamp(size, 1, 200);
		StringBuilder where = new StringBuilder(" where 1 = 1");
		List<Object> params = new ArrayList<>();
		if (query.action() != null) {
			where.append(" and action = ?");
			params.add(query.action().name());
		}
		if (query.channel() != null) {
			where.append(" and channel = ?");
			params.add(query.channel().name());
		}
		if (query.from() != null) {
			where.append(" and occurred_at >= ?");
			params.add(OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
		}
		if (query.to() != null) {
			where.append(" and occurred_at < ?");
			params.add(OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
		}
		long total = jdbc.sql("select count(*) from cmp_evidence" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(s);
		pageParams.add((long) p * s);
		List<EvidenceView> items = jdbc.sql("select * from cmp_evidence" + where
				+ " order by occurred_at desc, id desc limit ? offset ?")
			.params(pageParams)
			.query((rs, n) -> view(rs))
			.list();
		return new PageResult<>(items, p, s, total);
	}

	static EvidenceView view(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new EvidenceView(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getObject("sender_employee_id", Long.class), rs.getString("sender_label"),
				Channel.valueOf(rs.getString("channel")), rs.getInt("internal_recipients"),
				rs.getInt("external_recipients"), split(rs.getString("recipient_domains")),
				rs.getString("classification"), PolicyAction.valueOf(rs.getString("action")),
				DecisionOutcome.valueOf(rs.getString("outcome")),
				JSON.readValue(rs.getString("rules"), new TypeReference<List<RuleRef>>() {
				}), JSON.readValue(rs.getString("findings"), new TypeReference<List<FindingRef>>() {
				}), rs.getString("justification"), rs.getString("subject_type"), rs.getString("subject_id"),
				rs.getObject("review_of", Long.class), rs.getString("reviewer_label"));
	}

	private static List<String> split(String text) {
		return text == null || text.isBlank() ? List.of() : List.of(text.split(","));
	}
}
