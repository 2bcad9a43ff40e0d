package com.commhub.mail;

import static com.commhub.mail.MailTestSupport.MAIL;
import static com.commhub.mail.MailTestSupport.id;
import static com.commhub.mail.MailTestSupport.mail;
import static com.commhub.mail.MailTestSupport.person;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.commhub.Api;
import com.commhub.IntegrationTest;
import com.commhub.Personas;

/**
 * Compliance in the mail send path (CLS-2, DLP): a warning asks for a justification and keeps the draft; a mail
 * that needs approval is held (seen by its sender as pending, by nobody else) until the department head approves it
 * or rejects it, a quarantined one until the communication officer releases it; a blocked mail keeps the draft and
 * delivers nothing. Test policies hit resident ID numbers in mail only, each scoped to one sender department.
 */
@IntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class MailComplianceIT {

	/** Head of 审计部, the auditor's department: approves the auditor's held mail. */
	static final String AUDIT_HEAD = "HT1005";
	/** 刘洋, 招聘专员 in 人力资源部: their mail with a resident ID is quarantined. */
	static final String RECRUITER = "HT1023";

	@Autowired
	JdbcTemplate jdbc;
	@LocalServerPort
	int port;

	Api api;
	MailTestSupport mails;
	String word;
	List<Long> policies = new java.util.ArrayList<>();

	@BeforeEach
	void setUp() {
		api = new Api(port);
		mails = new MailTestSupport(api, jdbc);
		word = MailTestSupport.word();
		policies.add(mails.policy("WARN", "SC"));
		policies.add(mails.policy("REQUIRE_APPROVAL", "SJ"));
		policies.add(mails.policy("BLOCK", "FW"));
		policies.add(mails.policy("QUARANTINE", "HR"));
	}

	/** The test policies must not touch other tests' mail. */
	@AfterEach
	void switchPoliciesOff() {
		mails.switchOff(policies);
	}

	Map<String, Object> sensitive(String subject) {
		return mail(List.of(person(mails.employee(Personas.OTHER_EMPLOYEE))), subject,
				"<p>客户身份证号 " + MailTestSupport.residentId() + "，请核对。</p>");
	}

	@Test
	void aWarningNeedsAJustificationAndKeepsTheDraft() {
		String subject = "客户资料 " + word;
		ResponseEntity<Map> warned = mails.send(Personas.EMPLOYEE, sensitive(subject));
		assertThat(warned.getStatusCode().value()).isEqualTo(422);
		assertThat(warned.getBody().get("status")).isEqualTo("NEEDS_JUSTIFICATION");
		assertThat((String) warned.getBody().get("tip")).contains("邮件含身份证号");
		assertThat((List<Map<String, Object>>) warned.getBody().get("findings")).isNotEmpty()
			.allSatisfy(f -> assertThat(f.get("maskedSnippet").toString()).contains("*"));
		Map<String, Object> draft = (Map<String, Object>) warned.getBody().get("mail");
		assertThat(draft.get("state")).isEqualTo("DRAFT");
		long draftId = id(draft, "mailId");
		assertThat(mails.itemBySubject(Personas.EMPLOYEE, "DRAFTS", subject)).isNotNull();
		assertThat(mails.itemBySubject(Personas.OTHER_EMPLOYEE, "INBOX", subject)).isNull();
		assertThat(jdbc.queryForObject("select count(*) from arc_entry where subject_type = 'mail' and subject_id = ?",
				Integer.class, String.valueOf(draftId))).isZero();

		Map<String, Object> again = new HashMap<>(sensitive(subject));
		again.put("draftId", draftId);
		again.put("justification", "客户开户需要，已获授权");
		ResponseEntity<Map> sent = mails.send(Personas.EMPLOYEE, again);
		assertThat(sent.getStatusCode().value()).as("%s", sent.getBody()).isEqualTo(201);
		assertThat(mails.itemBySubject(Personas.OTHER_EMPLOYEE, "INBOX", subject)).isNotNull();
		assertThat(mails.itemBySubject(Personas.EMPLOYEE, "DRAFTS", subject)).isNull();
		assertThat(jdbc.queryForObject("select outcome from cmp_evidence where subject_type = 'mail' and subject_id = ?",
				String.class, String.valueOf(draftId))).isEqualTo("OVERRIDDEN_WITH_JUSTIFICATION");
	}

	@Test
	void heldForApprovalUntilTheDepartmentHeadApproves() {
		String subject = "审计发现 " + word;
		ResponseEntity<Map> held = mails.send(Personas.AUDITOR, sensitive(subject));
		assertThat(held.getStatusCode().value()).as("%s", held.getBody()).isEqualTo(202);
		assertThat(held.getBody().get("status")).isEqualTo("HELD_FOR_APPROVAL");
		long mailId = id((Map) held.getBody().get("mail"), "mailId");
		Map<String, Object> pending = mails.itemBySubject(Personas.AUDITOR, "SENT", subject);
		assertThat(pending.get("state")).isEqualTo("HELD_FOR_APPROVAL");
		assertThat(mails.itemBySubject(Personas.OTHER_EMPLOYEE, "INBOX", subject)).isNull();
		// archived while held
		assertThat(jdbc.queryForObject("select count(*) from arc_entry where subject_type = 'mail' and subject_id = ?",
				Integer.class, String.valueOf(mailId))).isOne();

		long approval = jdbc.queryForObject("select id from cmp_approval where subject_type = 'mail' and subject_id = ?",
				Long.class, String.valueOf(mailId));
		assertThat(api.post(Personas.DEPARTMENT_HEAD, "/api/v1/compliance/approvals/" + approval + "/approve")
			.body(Map.of()).retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(404);
		ResponseEntity<String> approved = api.post(AUDIT_HEAD, "/api/v1/compliance/approvals/" + approval + "/approve")
			.body(Map.of("note", "同意发送")).retrieve().toEntity(String.class);
		assertThat(approved.getStatusCode().value()).as(approved.getBody()).isEqualTo(200);

		assertThat(mails.itemBySubject(Personas.OTHER_EMPLOYEE, "INBOX", subject)).isNotNull();
		assertThat(mails.itemBySubject(Personas.AUDITOR, "SENT", subject).get("state")).isEqualTo("SENT");
	}

	@Test
	void aRejectedMailIsNeverDelivered() {
		String subject = "审计底稿 " + word;
		ResponseEntity<Map> held = mails.send(Personas.AUDITOR, sensitive(subject));
		long mailId = id((Map) held.getBody().get("mail"), "mailId");
		long approval = jdbc.queryForObject("select id from cmp_approval where subject_type = 'mail' and subject_id = ?",
				Long.class, String.valueOf(mailId));
		assertThat(api.post(AUDIT_HEAD, "/api/v1/compliance/approvals/" + approval + "/reject").body(Map.of("note", "不同意"))
			.retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(200);
		assertThat(mails.itemBySubject(Personas.AUDITOR, "SENT", subject).get("state")).isEqualTo("DISCARDED");
		assertThat(mails.itemBySubject(Personas.OTHER_EMPLOYEE, "INBOX", subject)).isNull();
		assertThat(jdbc.queryForObject("select count(*) from mail_item where mail_id = ?", Integer.class, mailId)).isOne();
	}

	@Test
	void aQuarantinedMailIsDeliveredWhenTheOfficerReleasesIt() {
		String subject = "员工档案 " + word;
		ResponseEntity<Map> held = mails.send(RECRUITER, sensitive(subject));
		assertThat(held.getStatusCode().value()).as("%s", held.getBody()).isEqualTo(202);
		assertThat(held.getBody().get("status")).isEqualTo("QUARANTINED");
		long mailId = id((Map) held.getBody().get("mail"), "mailId");
		assertThat(mails.itemBySubject(RECRUITER, "SENT", subject).get("state")).isEqualTo("QUARANTINED");
		assertThat(mails.itemBySubject(Personas.OTHER_EMPLOYEE, "INBOX", subject)).isNull();
		long quarantined = jdbc.queryForObject("select id from cmp_approval where subject_type = 'mail' and subject_id = ?",
				Long.class, String.valueOf(mailId));
		ResponseEntity<String> released = api.post(Personas.COMMUNICATION_OFFICER,
				"/api/v1/compliance/quarantine/" + quarantined + "/release").body(Map.of("note", "核实无误")).retrieve()
			.toEntity(String.class);
		assertThat(released.getStatusCode().value()).as(released.getBody()).isEqualTo(200);
		assertThat(mails.itemBySubject(Personas.OTHER_EMPLOYEE, "INBOX", subject)).isNotNull();
		assertThat(mails.itemBySubject(RECRUITER, "SENT", subject).get("state")).isEqualTo("SENT");
	}

	@Test
	void aBlockedMailKeepsTheDraftAndDeliversNothing() {
		String subject = "合规通报 " + word;
		ResponseEntity<Map> blocked = mails.send(Personas.COMMUNICATION_OFFICER, sensitive(subject));
		assertThat(blocked.getStatusCode().value()).isEqualTo(422);
		assertThat(blocked.getBody().get("status")).isEqualTo("BLOCKED");
		assertThat((String) blocked.getBody().get("tip")).contains("BLOCK");
		Map<String, Object> draft = (Map<String, Object>) blocked.getBody().get("mail");
		assertThat(draft.get("state")).isEqualTo("DRAFT");
		assertThat((String) draft.get("bodyHtml")).contains("请核对");
		assertThat(mails.itemBySubject(Personas.COMMUNICATION_OFFICER, "DRAFTS", subject)).isNotNull();
		assertThat(mails.itemBySubject(Personas.OTHER_EMPLOYEE, "INBOX", subject)).isNull();
		long mailId = id(draft, "mailId");
		assertThat(jdbc.queryForObject("select outcome from cmp_evidence where subject_type = 'mail' and subject_id = ?",
				String.class, String.valueOf(mailId))).isEqualTo("BLOCKED");
		assertThat(jdbc.queryForObject("select count(*) from mail_recipient where mail_id = ?", Integer.class, mailId)).isZero();
	}
}
