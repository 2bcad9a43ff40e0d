package com.commhub.mail;

import static com.commhub.mail.MailTestSupport.MAIL;
import static com.commhub.mail.MailTestSupport.id;
import static com.commhub.mail.MailTestSupport.mail;
import static com.commhub.mail.MailTestSupport.person;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.commhub.Api;
import com.commhub.IntegrationTest;
import com.commhub.Personas;
import com.commhub.mail.internal.FollowUpReminders;

/**
 * Read receipts on request and follow-up reminders (MAIL-4), notifications of new mail (NOTIF-1), and the CC
 * suggestions for mail across departments (MAIL-3).
 */
@IntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class MailReceiptsIT {

	@Autowired
	JdbcTemplate jdbc;
	@Autowired
	FollowUpReminders reminders;
	@LocalServerPort
	int port;

	Api api;
	MailTestSupport mails;
	String word;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		mails = new MailTestSupport(api, jdbc);
		word = MailTestSupport.word();
	}

	static void eventually(Supplier<Boolean> condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (!condition.get()) {
			assertThat(System.nanoTime()).as("condition within 15 s").isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	int notifications(String employeeNo, String kind, long itemId) {
		return jdbc.queryForObject("""
				select count(*) from ntf_notification n join sec_account a on a.id = n.recipient_account_id
				join dir_employee e on e.id = a.employee_id
				where e.employee_no = ? and n.kind = ? and n.source_module = 'mail' and n.source_id = ?""",
				Integer.class, employeeNo, kind, String.valueOf(itemId));
	}

	@Test
	void theSenderSeesWhoReadAMailThatAskedForAReceipt() throws InterruptedException {
		long other = mails.employee(Personas.OTHER_EMPLOYEE);
		long head = mails.employee(Personas.DEPARTMENT_HEAD);
		String subject = "请确认收到 " + word;
		Map<String, Object> body = mail(List.of(person(other), person(head)), subject, "<p>请回执</p>");
		body.put("receiptRequested", true);
		Map<String, Object> sent = mails.sent(Personas.EMPLOYEE, body);
		long senderItem = id(sent, "itemId");
		List<Map<String, Object>> receipts = (List<Map<String, Object>>) sent.get("receipts");
		assertThat(receipts).hasSize(2).allSatisfy(r -> assertThat(r.get("readAt")).isNull());

		long theirItem = mails.itemId(Personas.OTHER_EMPLOYEE, "INBOX", subject);
		eventually(() -> notifications(Personas.OTHER_EMPLOYEE, "NEW_MAIL", theirItem) == 1
				&& notifications(Personas.OTHER_EMPLOYEE, "READ_RECEIPT_REQUEST", theirItem) == 1);
		assertThat(mails.itemBySubject(Personas.OTHER_EMPLOYEE, "INBOX", subject).get("read")).isEqualTo(false);
		// opened in several tabs at once: every request succeeds, the receipt is recorded once
		try (var tabs = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
			var statuses = java.util.stream.IntStream.range(0, 6)
				.mapToObj(i -> tabs.submit(() -> api.get(Personas.OTHER_EMPLOYEE, MAIL + "/" + theirItem).retrieve()
					.toBodilessEntity().getStatusCode().value()))
				.toList();
			for (var status : statuses) {
				assertThat(status.get()).isEqualTo(200);
			}
		}
		catch (java.util.concurrent.ExecutionException e) {
			throw new AssertionError(e);
		}
		Map<String, Object> opened = mails.open(Personas.OTHER_EMPLOYEE, theirItem);
		assertThat(opened.get("read")).isEqualTo(true);
		assertThat((List) opened.get("receipts")).as("only the sender sees receipts").isEmpty();

		Map<String, Object> mine = mails.open(Personas.EMPLOYEE, senderItem);
		Map<Long, Object> readAt = new HashMap<>();
		for (Map<String, Object> r : (List<Map<String, Object>>) mine.get("receipts")) {
			readAt.put(id((Map) r.get("person"), "employeeId"), r.get("readAt"));
		}
		assertThat(readAt.get(other)).isNotNull();
		assertThat(readAt.containsKey(head)).isTrue();
		assertThat(readAt.get(head)).isNull();
		// opening again does not move the read time
		mails.open(Personas.OTHER_EMPLOYEE, theirItem);
		Map<String, Object> again = mails.open(Personas.EMPLOYEE, senderItem);
		assertThat(again.get("receipts").toString()).contains(readAt.get(other).toString());
	}

	@Test
	void aFollowUpReminderComesWhenNobodyReplied() throws InterruptedException {
		long other = mails.employee(Personas.OTHER_EMPLOYEE);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		Map<String, Object> unanswered = mail(List.of(person(other)), "待跟进 " + word, "<p>请尽快反馈</p>");
		unanswered.put("followUpOn", today.toString());
		Map<String, Object> lonely = mails.sent(Personas.EMPLOYEE, unanswered);
		Map<String, Object> answered = mail(List.of(person(other)), "已回复 " + word, "<p>请反馈</p>");
		answered.put("followUpOn", today.toString());
		Map<String, Object> replied = mails.sent(Personas.EMPLOYEE, answered);
		Map<String, Object> later = mail(List.of(person(other)), "下周跟进 " + word, "<p>不急</p>");
		later.put("followUpOn", today.plusDays(7).toString());
		Map<String, Object> notYet = mails.sent(Personas.EMPLOYEE, later);
		// the recipient answers the second one
		long theirItem = mails.itemId(Personas.OTHER_EMPLOYEE, "INBOX", "已回复 " + word);
		Map<String, Object> reply = new HashMap<>(api.get(Personas.OTHER_EMPLOYEE, MAIL + "/" + theirItem + "/reply").retrieve().body(Map.class));
		mails.sent(Personas.OTHER_EMPLOYEE, reply);
		// a follow-up date in the past is refused
		Map<String, Object> past = mail(List.of(person(other)), "过去 " + word, "x");
		past.put("followUpOn", today.minusDays(1).toString());
		assertThat(mails.send(Personas.EMPLOYEE, past).getBody().toString()).contains("field=followUpOn");

		assertThat(mails.itemBySubject(Personas.EMPLOYEE, "SENT", "待跟进 " + word).get("followUpDue")).isEqualTo(true);
		assertThat(mails.itemBySubject(Personas.EMPLOYEE, "SENT", "已回复 " + word).get("followUpDue")).isEqualTo(false);
		assertThat(reminders.remindDue()).isPositive();
		long lonelyItem = id(lonely, "itemId");
		eventually(() -> notifications(Personas.EMPLOYEE, "MAIL_FOLLOW_UP", lonelyItem) == 1);
		assertThat(notifications(Personas.EMPLOYEE, "MAIL_FOLLOW_UP", id(replied, "itemId"))).isZero();
		assertThat(notifications(Personas.EMPLOYEE, "MAIL_FOLLOW_UP", id(notYet, "itemId"))).isZero();
		// once only
		reminders.remindDue();
		Thread.sleep(300);
		assertThat(notifications(Personas.EMPLOYEE, "MAIL_FOLLOW_UP", lonelyItem)).isOne();
	}

	@Test
	void crossDepartmentMailSuggestsBothDepartmentHeads() {
		long marketingHead = mails.employee("HT1006");
		long salesHead = mails.employee("HT1007");
		long adminHead = mails.employee(Personas.DEPARTMENT_HEAD);
		Map<String, Object> draft = mail(List.of(person(mails.employee("HT1035")), person(adminHead),
				person(mails.employee("HT1019"))), "跨部门 " + word, "x");
		List<Map<String, Object>> suggestions = api.post(Personas.EMPLOYEE, MAIL + "/cc-suggestions").body(draft)
			.retrieve().body(List.class);
		Map<Long, String> byPerson = new HashMap<>();
		suggestions.forEach(s -> byPerson.put(id((Map) s.get("person"), "employeeId"), (String) s.get("reason")));
		assertThat(byPerson).containsEntry(marketingHead, "SENDER_DEPARTMENT_HEAD")
			.containsEntry(salesHead, "RECIPIENT_DEPARTMENT_HEAD")
			.doesNotContainKey(adminHead); // already in To
		assertThat(suggestions).filteredOn(s -> id((Map) s.get("person"), "employeeId") == salesHead).singleElement()
			.satisfies(s -> assertThat(s.get("departmentName")).isEqualTo("销售部"));

		// already copied: not suggested again; within the department: nothing to suggest
		Map<String, Object> copied = new HashMap<>(draft);
		copied.put("cc", List.of(person(marketingHead)));
		assertThat(api.post(Personas.EMPLOYEE, MAIL + "/cc-suggestions").body(copied).retrieve().body(String.class))
			.doesNotContain("SENDER_DEPARTMENT_HEAD");
		Map<String, Object> inside = mail(List.of(person(mails.employee(Personas.OTHER_EMPLOYEE))), "部门内 " + word, "x");
		assertThat(api.post(Personas.EMPLOYEE, MAIL + "/cc-suggestions").body(inside).retrieve().body(List.class)).isEmpty();
	}
}
