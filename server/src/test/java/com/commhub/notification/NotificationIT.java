package com.commhub.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.commhub.Api;
import com.commhub.IntegrationTest;
import com.commhub.Personas;
import com.commhub.WebSession;
import com.commhub.compliance.Channel;
import com.commhub.compliance.ComplianceDecisions;
import com.commhub.compliance.ComplianceDecisions.Approver;
import com.commhub.compliance.ComplianceDecisions.RecordedDecision;
import com.commhub.compliance.ComplianceDecisions.Subject;
import com.commhub.compliance.DecisionOutcome;
import com.commhub.compliance.InspectionRequest;
import com.commhub.compliance.InspectionRequest.Recipient;
import com.commhub.security.AccountMother;
import com.commhub.security.DirectoryLookup;

/**
 * The notification centre end to end: other modules' events (a compliance approval, an archive access request) reach
 * the right people after commit; only the recipient sees a notification (404 for others); quiet hours hold a NORMAL
 * notification and pass an URGENT one; muting; the badge; REST and pages. Quiet hours are judged against the real
 * clock, so each test sets the preferences of the personas it uses: off for the event tests, and for the quiet-hours
 * test working hours on a day that is certainly not today.
 */
@IntegrationTest
class NotificationIT {

	static final String BASE = "/api/v1/notifications";
	static final String PREFERENCES = BASE + "/preferences";

	@Autowired
	ComplianceDecisions decisions;
	@Autowired
	Notifications notifications;
	@Autowired
	PlatformTransactionManager transactionManager;
	@Autowired
	JdbcTemplate jdbc;
	@Autowired
	DirectoryLookup directory;
	@LocalServerPort
	int port;

	Api api;
	TransactionTemplate transactions;
	String run;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		transactions = new TransactionTemplate(transactionManager);
		run = UUID.randomUUID().toString().substring(0, 8);
	}

	void quietHoursOff(String... personas) {
		for (String persona : personas) {
			ResponseEntity<Map> saved = api.put(persona, PREFERENCES)
				.body(Map.of("quietHours", false, "workStart", "09:00", "workEnd", "18:00", "workDays",
						List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"), "timeZone", "Asia/Shanghai",
						"mutedKinds", List.of()))
				.retrieve().toEntity(Map.class);
			assertThat(saved.getStatusCode().value()).as("%s", saved.getBody()).isEqualTo(200);
		}
	}

	long employeeId(String persona) {
		return jdbc.queryForObject("select id from dir_employee where employee_no = ?", Long.class, persona);
	}

	long accountId(String persona) {
		return jdbc.queryForObject("select id from sec_account where lower(username) = lower(?)", Long.class, persona);
	}

	/** Listeners run after commit (possibly on another thread): wait briefly for the row. */
	static <T> T eventually(Supplier<Optional<T>> probe) {
		long until = System.nanoTime() + 10_000_000_000L;
		while (true) {
			Optional<T> found = probe.get();
			if (found.isPresent()) {
				return found.get();
			}
			if (System.nanoTime() > until) {
				throw new AssertionError("not notified in time");
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	Optional<Long> notificationOf(String persona, String kind, String sourceModule, String sourceId) {
		return jdbc.queryForList("""
				select id from ntf_notification where recipient_account_id = ? and kind = ? and source_module = ?
				and source_id = ?""", Long.class, accountId(persona), kind, sourceModule, sourceId).stream().findFirst();
	}

	@SuppressWarnings("unchecked")
	List<Map<String, Object>> listed(String persona, boolean unread) {
		Map<String, Object> page = api.get(persona, BASE + "?size=100&unread=" + unread).retrieve().body(Map.class);
		return (List<Map<String, Object>>) page.get("items");
	}

	Map<String, Object> count(String persona) {
		return api.get(persona, BASE + "/unread-count").retrieve().body(Map.class);
	}

	/** A decision on content from the employee, under a test policy with the given action scoped to a new department. */
	RecordedDecision holdFromEmployee(String action, Approver approver) {
		long department = 810_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
		Map<String, Object> policy = new HashMap<>(Map.of("code", "test.notify-" + run, "name", "通知测试 " + run,
				"priority", 50, "action", action, "tipZh", "测试", "tipEn", "Test", "scope",
				Map.of("senderDepartmentIds", List.of(department), "recipients", "ANY")));
		policy.put("conditions", Map.of("findings", Map.of("detectors", List.of("resident-id"), "categories",
				List.of(), "minCount", 1, "minConfidence", "MEDIUM")));
		policy.put("exceptions", Map.of("partnerDomains", List.of(), "authorisedSpokespersons", false));
		assertThat(api.post(Personas.COMMUNICATION_OFFICER, "/api/v1/compliance/policies").body(policy).retrieve()
			.toBodilessEntity().getStatusCode().value()).isEqualTo(201);
		InspectionRequest mail = new InspectionRequest("身份证号 " + residentId() + " " + run, Channel.MAIL,
				employeeId(Personas.EMPLOYEE), Set.of(department),
				List.of(new Recipient("wang@huaxin.example.cn", null, false)), null, List.of(),
				Locale.SIMPLIFIED_CHINESE);
		return transactions.execute(status -> decisions.decide(mail, new Subject("test-notify", run), null, approver));
	}

	@Test
	void aQuarantinedItemNotifiesEveryOfficerAndTheDiscardTheSender() {
		quietHoursOff(Personas.COMMUNICATION_OFFICER, Personas.ADMIN, Personas.EMPLOYEE);
		RecordedDecision held = holdFromEmployee("QUARANTINE", null);
		assertThat(held.outcome()).isEqualTo(DecisionOutcome.QUARANTINED);
		String item = String.valueOf(jdbc.queryForObject("select id from cmp_approval where evidence_id = ?",
				Long.class, held.evidenceId()));
		// COMPLIANCE_MANAGE: the communication officer and the administrator
		eventually(() -> notificationOf(Personas.COMMUNICATION_OFFICER, "ITEM_QUARANTINED", "compliance", item));
		eventually(() -> notificationOf(Personas.ADMIN, "ITEM_QUARANTINED", "compliance", item));
		assertThat(notificationOf(Personas.AUDITOR, "ITEM_QUARANTINED", "compliance", item)).isEmpty();
		assertThat(notificationOf(Personas.EMPLOYEE, "ITEM_QUARANTINED", "compliance", item)).isEmpty();

		assertThat(api.post(Personas.COMMUNICATION_OFFICER, "/api/v1/compliance/quarantine/{id}/discard", item)
			.body(Map.of("note", "丢弃")).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200);
		eventually(() -> notificationOf(Personas.EMPLOYEE, "APPROVAL_DECIDED", "compliance", item));
		assertThat(listed(Personas.EMPLOYEE, true))
			.anySatisfy(n -> assertThat(n.get("title")).isEqualTo("您被隔离的内容已被丢弃"));
	}

	@Test
	void aDeliveredEventLeavesNothingInThePublicationRegistry() {
		quietHoursOff(Personas.COMMUNICATION_OFFICER);
		RecordedDecision held = holdFromEmployee("QUARANTINE", null);
		String item = String.valueOf(jdbc.queryForObject("select id from cmp_approval where evidence_id = ?",
				Long.class, held.evidenceId()));
		eventually(() -> notificationOf(Personas.COMMUNICATION_OFFICER, "ITEM_QUARANTINED", "compliance", item));
		// completed publications are deleted (spring.modulith.events.completion-mode), so the table does not grow
		eventually(() -> jdbc.queryForObject("""
				select count(*) from event_publication
				 where event_type like '%ItemQuarantined' and serialized_event like ?""", Long.class,
				"%\"approvalId\":" + item + ",%") == 0 ? Optional.of(true) : Optional.empty());
		assertThat(jdbc.queryForObject("select count(*) from event_publication where completion_date is not null",
				Long.class)).isZero();
	}

	@Test
	void aHeldItemNotifiesTheApproverAndItsDecisionTheSender() {
		quietHoursOff(Personas.DEPARTMENT_HEAD, Personas.EMPLOYEE);
		RecordedDecision held = holdFromEmployee("REQUIRE_APPROVAL",
				new Approver(employeeId(Personas.DEPARTMENT_HEAD), "HT1010 徐婷"));
		assertThat(held.outcome()).isEqualTo(DecisionOutcome.HELD_FOR_APPROVAL);
		long approval = jdbc.queryForObject("select id from cmp_approval where evidence_id = ?", Long.class,
				held.evidenceId());

		long toApprover = eventually(() -> notificationOf(Personas.DEPARTMENT_HEAD, "APPROVAL_REQUESTED", "compliance",
				String.valueOf(approval)));
		assertThat(listed(Personas.DEPARTMENT_HEAD, true)).anySatisfy(n -> {
			assertThat(((Number) n.get("id")).longValue()).isEqualTo(toApprover);
			assertThat(n.get("link")).isEqualTo("/compliance/approvals");
			assertThat(n.get("title")).isEqualTo("有待您审批的内容");
			assertThat((String) n.get("body")).contains("test-notify");
		});
		// nobody else is told, and nobody else may see or read it
		assertThat(notificationOf(Personas.EMPLOYEE, "APPROVAL_REQUESTED", "compliance", String.valueOf(approval)))
			.isEmpty();
		assertThat(api.post(Personas.EMPLOYEE, BASE + "/{id}/read", toApprover).retrieve().toBodilessEntity()
			.getStatusCode().value()).isEqualTo(404);
		assertThat(jdbc.queryForObject("select read_at is null from ntf_notification where id = ?", Boolean.class,
				toApprover)).isTrue();

		assertThat(api.post(Personas.DEPARTMENT_HEAD, "/api/v1/compliance/approvals/{id}/approve", approval)
			.body(Map.of("note", "同意")).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200);
		long toSender = eventually(() -> notificationOf(Personas.EMPLOYEE, "APPROVAL_DECIDED", "compliance",
				String.valueOf(approval)));
		ResponseEntity<Map> english = api.get(Personas.EMPLOYEE, BASE + "?size=100").header("Accept-Language", "en")
			.retrieve().toEntity(Map.class);
		assertThat((List<Map<String, Object>>) english.getBody().get("items")).anySatisfy(n -> {
			assertThat(((Number) n.get("id")).longValue()).isEqualTo(toSender);
			assertThat(n.get("title")).isEqualTo("Your content was approved and sent");
		});
	}

	@Test
	void anArchiveAccessRequestNotifiesTheAuditorAndTheDecisionTheRequester() {
		quietHoursOff(Personas.AUDITOR, Personas.COMMUNICATION_OFFICER);
		ResponseEntity<Map> created = api.post(Personas.COMMUNICATION_OFFICER, "/api/v1/archive/access-requests")
			.body(Map.of("purpose", "通知测试", "caseReference", "CASE-N-" + run, "people", List.of("HT1040"),
					"durationDays", 3))
			.retrieve().toEntity(Map.class);
		assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
		long request = ((Number) created.getBody().get("id")).longValue();

		long toAuditor = eventually(() -> notificationOf(Personas.AUDITOR, "ARCHIVE_ACCESS_REQUESTED", "archive",
				String.valueOf(request)));
		assertThat(listed(Personas.AUDITOR, true)).anySatisfy(n -> {
			assertThat(((Number) n.get("id")).longValue()).isEqualTo(toAuditor);
			assertThat(n.get("link")).isEqualTo("/archive/access/" + request);
			assertThat((String) n.get("body")).contains("CASE-N-" + run);
		});
		// the requester holds no approval permission and is not told about their own request
		assertThat(notificationOf(Personas.COMMUNICATION_OFFICER, "ARCHIVE_ACCESS_REQUESTED", "archive",
				String.valueOf(request))).isEmpty();

		assertThat(api.post(Personas.AUDITOR, "/api/v1/archive/access-requests/{id}/reject", request)
			.body(Map.of("reason", "范围过宽")).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200);
		eventually(() -> notificationOf(Personas.COMMUNICATION_OFFICER, "ARCHIVE_ACCESS_DECIDED", "archive",
				String.valueOf(request)));
		assertThat(listed(Personas.COMMUNICATION_OFFICER, true))
			.anySatisfy(n -> assertThat(n.get("title")).isEqualTo("您的档案调阅申请被驳回"));
	}

	@Test
	void quietHoursHoldANormalNotificationAndPassAnUrgentOne() {
		// working hours only on the day after tomorrow: now is certainly outside them, whatever the time of day
		ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Asia/Shanghai"));
		DayOfWeek workDay = now.getDayOfWeek().plus(2);
		ResponseEntity<Map> saved = api.put(Personas.OTHER_EMPLOYEE, PREFERENCES)
			.body(Map.of("quietHours", true, "workStart", "09:00", "workEnd", "18:00", "workDays",
					List.of(workDay.name()), "timeZone", "Asia/Shanghai", "mutedKinds", List.of()))
			.retrieve().toEntity(Map.class);
		assertThat(saved.getStatusCode().value()).as("%s", saved.getBody()).isEqualTo(200);
		Map<String, Object> before = count(Personas.OTHER_EMPLOYEE);

		long recipient = accountId(Personas.OTHER_EMPLOYEE);
		long normal = notifications.notify(mention(recipient, Urgency.NORMAL, "n-" + run)).orElseThrow();
		long urgent = notifications.notify(mention(recipient, Urgency.URGENT, "u-" + run)).orElseThrow();

		Map<String, Object> after = count(Personas.OTHER_EMPLOYEE);
		assertThat(((Number) after.get("unread")).longValue()).isEqualTo(((Number) before.get("unread")).longValue() + 1);
		assertThat(((Number) after.get("deferred")).longValue())
			.isEqualTo(((Number) before.get("deferred")).longValue() + 1);
		List<Object> ids = listed(Personas.OTHER_EMPLOYEE, false).stream().map(n -> (Object) ((Number) n.get("id")).longValue()).toList();
		assertThat(ids).contains(urgent).doesNotContain(normal);
		ZonedDateTime visible = jdbc.queryForObject("select visible_at from ntf_notification where id = ?",
				java.time.OffsetDateTime.class, normal).atZoneSameInstant(ZoneId.of("Asia/Shanghai"));
		assertThat(visible.getDayOfWeek()).isEqualTo(workDay);
		assertThat(visible.toLocalTime()).isEqualTo(java.time.LocalTime.of(9, 0));
		// a held notification cannot be read before it is delivered
		assertThat(api.post(Personas.OTHER_EMPLOYEE, BASE + "/{id}/read", normal).retrieve().toBodilessEntity()
			.getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void mutedKindsAreDroppedButMandatoryOnesCannotBeMuted() {
		ResponseEntity<Map> refused = api.put(Personas.OTHER_EMPLOYEE, PREFERENCES)
			.body(Map.of("quietHours", false, "workStart", "09:00", "workEnd", "18:00", "workDays", List.of("MONDAY"),
					"timeZone", "Asia/Shanghai", "mutedKinds", List.of("APPROVAL_REQUESTED")))
			.retrieve().toEntity(Map.class);
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody().toString()).contains("mutedKinds");
		ResponseEntity<Map> reversed = api.put(Personas.OTHER_EMPLOYEE, PREFERENCES)
			.body(Map.of("quietHours", false, "workStart", "18:00", "workEnd", "09:00", "workDays", List.of("MONDAY"),
					"timeZone", "Asia/Shanghai", "mutedKinds", List.of()))
			.retrieve().toEntity(Map.class);
		assertThat(reversed.getStatusCode().value()).isEqualTo(400);
		assertThat(reversed.getBody().toString()).contains("workEnd");

		ResponseEntity<Map> muted = api.put(Personas.OTHER_EMPLOYEE, PREFERENCES)
			.body(Map.of("quietHours", false, "workStart", "09:00", "workEnd", "18:00", "workDays", List.of("MONDAY"),
					"timeZone", "Asia/Shanghai", "mutedKinds", List.of("MENTION")))
			.retrieve().toEntity(Map.class);
		assertThat(muted.getStatusCode().value()).isEqualTo(200);
		assertThat(api.get(Personas.OTHER_EMPLOYEE, PREFERENCES).retrieve().body(Map.class).get("mutedKinds"))
			.isEqualTo(List.of("MENTION"));
		long recipient = accountId(Personas.OTHER_EMPLOYEE);
		assertThat(notifications.notify(mention(recipient, Urgency.URGENT, "m-" + run))).isEmpty();
		assertThat(notifications.notify(new NewNotification(NewNotification.Recipient.account(recipient),
				NotificationKind.APPROVAL_REQUESTED, Urgency.NORMAL, "notification.approvalRequested.title", null,
				List.of(), "/compliance/approvals", "test", "a-" + run))).isPresent();
		assertThat(api.put(Personas.OTHER_EMPLOYEE, PREFERENCES)
			.body(Map.of("quietHours", false, "workStart", "09:00", "workEnd", "18:00", "workDays", List.of("MONDAY"),
					"timeZone", "Asia/Shanghai", "mutedKinds", List.of()))
			.retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void theRecipientReadsOneAndAllAndTheBadgeFollows() {
		quietHoursOff(Personas.EMPLOYEE);
		long recipient = accountId(Personas.EMPLOYEE);
		long first = notifications.notify(mention(recipient, Urgency.NORMAL, "r1-" + run)).orElseThrow();
		long second = notifications.notify(mention(recipient, Urgency.NORMAL, "r2-" + run)).orElseThrow();
		// the same source again (an event delivered twice) does not notify twice
		assertThat(notifications.notify(mention(recipient, Urgency.NORMAL, "r1-" + run))).contains(first);
		assertThat(jdbc.queryForObject("select count(*) from ntf_notification where source_id = ?", Integer.class,
				"r1-" + run)).isOne();
		long unread = ((Number) count(Personas.EMPLOYEE).get("unread")).longValue();
		assertThat(unread).isGreaterThanOrEqualTo(2);
		// unread ones come first
		List<Map<String, Object>> all = listed(Personas.EMPLOYEE, false);
		assertThat(all.getFirst().get("readAt")).isNull();

		for (String other : List.of(Personas.OTHER_EMPLOYEE, Personas.ADMIN, Personas.AUDITOR)) {
			assertThat(api.post(other, BASE + "/{id}/read", first).retrieve().toBodilessEntity().getStatusCode().value())
				.as(other).isEqualTo(404);
			assertThat(listed(other, false)).noneMatch(n -> ((Number) n.get("id")).longValue() == first);
		}
		ResponseEntity<Map> read = api.post(Personas.EMPLOYEE, BASE + "/{id}/read", first).retrieve()
			.toEntity(Map.class);
		assertThat(read.getStatusCode().value()).isEqualTo(200);
		assertThat(read.getBody().get("readAt")).isNotNull();
		assertThat(((Number) count(Personas.EMPLOYEE).get("unread")).longValue()).isEqualTo(unread - 1);
		assertThat(listed(Personas.EMPLOYEE, true)).noneMatch(n -> ((Number) n.get("id")).longValue() == first)
			.anyMatch(n -> ((Number) n.get("id")).longValue() == second);

		ResponseEntity<Map> all2 = api.post(Personas.EMPLOYEE, BASE + "/read-all").retrieve().toEntity(Map.class);
		assertThat(((Number) all2.getBody().get("marked")).intValue()).isGreaterThanOrEqualTo(1);
		assertThat(((Number) count(Personas.EMPLOYEE).get("unread")).longValue()).isZero();
	}

	@Test
	void theBellTheCentreAndThePreferencesPage() {
		quietHoursOff(Personas.OTHER_EMPLOYEE);
		long recipient = accountId(Personas.OTHER_EMPLOYEE);
		long id = notifications.notify(new NewNotification(NewNotification.Recipient.account(recipient),
				NotificationKind.ARCHIVE_ACCESS_DECIDED, Urgency.NORMAL, "notification.archiveAccessDecided.title.APPROVED",
				"notification.archiveAccessDecided.body", List.of("HT1030", "CASE-W-" + run), "/account", "test",
				"w-" + run)).orElseThrow();

		WebSession browser = new WebSession(port);
		browser.signIn(Personas.OTHER_EMPLOYEE);
		var home = browser.get("/");
		assertThat(home.body()).contains("id=\"notification-bell-slot\"").contains("hx-get=\"/notifications/bell\"");
		var bell = browser.get("/notifications/bell", Map.of("HX-Request", "true"));
		assertThat(bell.statusCode()).isEqualTo(200);
		assertThat(bell.body()).contains("id=\"notification-badge\"").doesNotContain("<html");

		var centre = browser.get("/notifications");
		assertThat(centre.statusCode()).isEqualTo(200);
		assertThat(centre.body()).contains("id=\"notification-" + id + "\"").contains("CASE-W-" + run)
			.contains("您的档案调阅申请已批准");
		var opened = browser.post("/notifications/" + id + "/open", Map.of());
		assertThat(opened.statusCode()).isEqualTo(200);
		assertThat(opened.uri().getPath()).isEqualTo("/account");
		assertThat(jdbc.queryForObject("select read_at is not null from ntf_notification where id = ?", Boolean.class,
				id)).isTrue();

		WebSession other = new WebSession(port);
		other.signIn(Personas.EMPLOYEE);
		other.get("/notifications");
		assertThat(other.post("/notifications/" + id + "/read", Map.of()).statusCode()).isEqualTo(404);

		var prefs = browser.get("/notifications/preferences");
		assertThat(prefs.statusCode()).isEqualTo(200);
		assertThat(prefs.body()).contains("id=\"preferences-form\"");
		var refused = browser.post("/notifications/preferences", Map.of("workStart", "18:00", "workEnd", "09:00",
				"workDays", "MONDAY", "timeZone", "Asia/Shanghai"));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"workEnd-error\"").contains("结束时间必须晚于开始时间");
		var badTime = browser.post("/notifications/preferences", Map.of("workStart", "9h", "workEnd", "18:00",
				"workDays", "MONDAY", "timeZone", "Asia/Shanghai"));
		assertThat(badTime.body()).contains("id=\"workStart-error\"");
		var saved = browser.post("/notifications/preferences", Map.of("workStart", "08:30", "workEnd", "17:30",
				"workDays", "MONDAY", "timeZone", "Asia/Shanghai", "mutedKinds", "NEW_MAIL"));
		assertThat(saved.statusCode()).isEqualTo(200);
		assertThat(saved.body()).contains("id=\"preferences-done\"");
		Map<String, Object> stored = api.get(Personas.OTHER_EMPLOYEE, PREFERENCES).retrieve().body(Map.class);
		assertThat(stored).containsEntry("quietHours", false).containsEntry("mutedKinds", List.of("NEW_MAIL"));
		assertThat(String.valueOf(stored.get("workStart"))).startsWith("08:30");
		// rendered in the reader's language when shown
		var english = browser.get("/notifications?lang=en");
		assertThat(english.body()).contains("Your archive access request was approved").contains("CASE-W-" + run)
			.doesNotContain("您的档案调阅申请已批准");
		quietHoursOff(Personas.OTHER_EMPLOYEE);
	}

	/** A valid 18-digit resident id (GB 11643 check digit), which the resident-id detector finds. */
	static String residentId() {
		String first17 = "11010519900307" + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * weights[i];
		}
		return first17 + "10X98765432".charAt(sum % 11);
	}

	@Test
	void noBellWhileSignInIsIncomplete() {
		// the password-change gate would answer the bell's (and the menu badges') polling with HX-Redirect, reloading
		// the page for ever
		var hired = AccountMother.hire(api, directory, "SC");
		WebSession newcomer = new WebSession(port);
		var gate = newcomer.signIn(hired.employeeNo(), hired.password());
		assertThat(gate.uri().getPath()).isEqualTo("/account/password");
		assertThat(gate.body()).contains("id=\"logout\"").doesNotContain("notification-bell-slot")
			.doesNotContain("nav-chat-badge").doesNotContain("nav-mail-badge");
		var bell = newcomer.get("/notifications/bell", Map.of("HX-Request", "true"));
		assertThat(bell.headers().firstValue("HX-Redirect")).contains("/account/password");
	}

	static NewNotification mention(long accountId, Urgency urgency, String sourceId) {
		return new NewNotification(NewNotification.Recipient.account(accountId), NotificationKind.MENTION, urgency,
				"notification.kind.MENTION", null, List.of(), "/notifications", "test", sourceId);
	}
}
