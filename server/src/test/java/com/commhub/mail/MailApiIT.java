package com.commhub.mail;

import static com.commhub.mail.MailTestSupport.MAIL;
import static com.commhub.mail.MailTestSupport.id;
import static com.commhub.mail.MailTestSupport.mail;
import static com.commhub.mail.MailTestSupport.person;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.commhub.Api;
import com.commhub.IntegrationTest;
import com.commhub.Personas;
import com.commhub.WebSession;

/**
 * Internal mail over HTTP (MAIL-1, MAIL-2): To/CC/BCC to people, departments and groups with the expansion
 * recorded, BCC hidden from the others, drafts kept on a failed send, threads, folders, flags, labels, trash.
 */
@IntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class MailApiIT {

	@Autowired
	JdbcTemplate jdbc;
	@LocalServerPort
	int port;

	Api api;
	MailTestSupport mails;
	String run;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		mails = new MailTestSupport(api, jdbc);
		run = MailTestSupport.run();
	}

	@Test
	void sendsToPeopleDepartmentsAndGroupsAndKeepsBccHidden() {
		long other = mails.employee(Personas.OTHER_EMPLOYEE);
		long head = mails.employee(Personas.DEPARTMENT_HEAD);
		long auditor = mails.employee(Personas.AUDITOR);
		long admin = mails.department("XZ");
		long project = mails.group("智慧园区项目组");
		String subject = "季度市场活动安排 " + run;
		Map<String, Object> body = mail(List.of(person(other)), subject, "<p>各位好，<b>下周</b>开会。</p><script>alert(1)</script>");
		body.put("cc", List.of(Map.of("kind", "DEPARTMENT", "id", admin), Map.of("kind", "GROUP", "id", project)));
		body.put("bcc", List.of(person(auditor)));
		Map<String, Object> sent = mails.sent(Personas.EMPLOYEE, body);

		assertThat(sent.get("state")).isEqualTo("SENT");
		assertThat(((Map) sent.get("folder")).get("kind")).isEqualTo("SENT");
		assertThat((String) sent.get("bodyHtml")).contains("<b>下周</b>").doesNotContain("script");
		assertThat(sent.get("classification")).isNotNull();
		List<Long> expanded = MailTestSupport.employeeIds(sent, "recipients");
		assertThat(expanded).contains(other, head, auditor, mails.employee("HT1019"), mails.employee("HT1015"))
			.doesNotContain(mails.employee(Personas.EMPLOYEE));
		assertThat((List) sent.get("bcc")).hasSize(1);
		long mailId = id(sent, "mailId");
		// the expansion is recorded: field and "via" per recipient
		assertThat(jdbc.queryForObject("select field || ':' || via_kind from mail_recipient where mail_id = ? and employee_id = ?",
				String.class, mailId, head)).isEqualTo("CC:DEPARTMENT");
		assertThat(jdbc.queryForObject("select field || ':' || via_kind from mail_recipient where mail_id = ? and employee_id = ?",
				String.class, mailId, other)).isEqualTo("TO:EMPLOYEE");
		assertThat(jdbc.queryForObject("select field from mail_recipient where mail_id = ? and employee_id = ?",
				String.class, mailId, auditor)).isEqualTo("BCC");
		// archived in the same transaction, with the expansion
		assertThat(jdbc.queryForObject("select count(*) from arc_entry where kind = 'MAIL' and subject_type = 'mail' and subject_id = ?",
				Integer.class, String.valueOf(mailId))).isOne();
		assertThat(jdbc.queryForObject("select archive_entry_id is not null from mail_message where id = ?", Boolean.class, mailId)).isTrue();

		// a To recipient sees To/CC, never the BCC recipient
		Map<String, Object> theirs = mails.open(Personas.OTHER_EMPLOYEE, mails.itemId(Personas.OTHER_EMPLOYEE, "INBOX", subject));
		assertThat(theirs.get("myField")).isEqualTo("TO");
		assertThat((List) theirs.get("bcc")).isEmpty();
		assertThat(MailTestSupport.employeeIds(theirs, "recipients")).contains(other, head).doesNotContain(auditor);
		assertThat((List) theirs.get("receipts")).isEmpty();
		Map<String, Object> headView = mails.open(Personas.DEPARTMENT_HEAD, mails.itemId(Personas.DEPARTMENT_HEAD, "INBOX", subject));
		assertThat(headView.get("myField")).isEqualTo("CC");
		assertThat(MailTestSupport.employeeIds(headView, "recipients")).doesNotContain(auditor);
		// the BCC recipient sees themselves, and nothing in bcc
		Map<String, Object> auditorView = mails.open(Personas.AUDITOR, mails.itemId(Personas.AUDITOR, "INBOX", subject));
		assertThat(auditorView.get("myField")).isEqualTo("BCC");
		assertThat((List) auditorView.get("bcc")).isEmpty();
		assertThat(MailTestSupport.employeeIds(auditorView, "recipients")).contains(auditor);
		// nobody else (the communication officer is in none of the addressees)
		assertThat(mails.itemBySubject(Personas.COMMUNICATION_OFFICER, "INBOX", subject)).isNull();
	}

	@Test
	void aSendWithoutSubjectIsAFieldErrorAndKeepsTheDraft() {
		long other = mails.employee(Personas.OTHER_EMPLOYEE);
		Map<String, Object> draftBody = mail(List.of(person(other)), "", "<p>草稿正文 " + run + "</p>");
		ResponseEntity<Map> created = api.post(Personas.EMPLOYEE, MAIL + "/drafts").body(draftBody).retrieve().toEntity(Map.class);
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		long draftId = id(created.getBody(), "mailId");

		Map<String, Object> send = new HashMap<>(draftBody);
		send.put("draftId", draftId);
		ResponseEntity<Map> refused = mails.send(Personas.EMPLOYEE, send);
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat((List<Map<String, Object>>) refused.getBody().get("errors"))
			.anySatisfy(e -> assertThat(e.get("field")).isEqualTo("subject"));
		Map<String, Object> kept = api.get(Personas.EMPLOYEE, MAIL + "/drafts/" + draftId).retrieve().body(Map.class);
		assertThat(kept.get("state")).isEqualTo("DRAFT");
		assertThat((String) kept.get("bodyHtml")).contains("草稿正文 " + run);

		// no recipient, an unknown addressee: field errors too
		ResponseEntity<Map> noRecipient = mails.send(Personas.EMPLOYEE, mail(List.of(), "主题 " + run, "x"));
		assertThat(noRecipient.getStatusCode().value()).isEqualTo(400);
		assertThat(noRecipient.getBody().toString()).contains("field=to");
		ResponseEntity<Map> unknown = mails.send(Personas.EMPLOYEE,
				mail(List.of(Map.of("kind", "DEPARTMENT", "id", 987654321L)), "主题 " + run, "x"));
		assertThat(unknown.getStatusCode().value()).isEqualTo(400);
		assertThat(unknown.getBody().toString()).contains("field=to");
		ResponseEntity<Map> tooLong = mails.send(Personas.EMPLOYEE, mail(List.of(person(other)), "长".repeat(201), "x"));
		assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
		assertThat(tooLong.getBody().toString()).contains("field=subject");
		Map<String, Object> nullFile = mail(List.of(person(other)), "主题 " + run, "x");
		nullFile.put("fileIds", java.util.Arrays.asList(1L, null));
		assertThat(mails.send(Personas.EMPLOYEE, nullFile).getBody().toString()).contains("field=fileIds");
		ResponseEntity<Map> badKind = mails.send(Personas.EMPLOYEE, mail(List.of(Map.of("kind", "PLANET", "id", 1)), "主题", "x"));
		assertThat(badKind.getStatusCode().value()).isEqualTo(400);

		// the draft is then sent by id and leaves DRAFTS
		send.put("subject", "补上主题 " + run);
		ResponseEntity<Map> ok = mails.send(Personas.EMPLOYEE, send);
		assertThat(ok.getStatusCode().value()).as("%s", ok.getBody()).isEqualTo(201);
		assertThat(id((Map) ok.getBody().get("mail"), "mailId")).isEqualTo(draftId);
		assertThat(api.get(Personas.EMPLOYEE, MAIL + "/drafts/" + draftId).retrieve().toEntity(String.class)
			.getStatusCode().value()).isEqualTo(404);
		assertThat(mails.itemBySubject(Personas.EMPLOYEE, "SENT", "补上主题 " + run)).isNotNull();
		assertThat(mails.itemBySubject(Personas.OTHER_EMPLOYEE, "INBOX", "补上主题 " + run)).isNotNull();
	}

	@Test
	void draftsAreSavedUpdatedListedAndDeleted() {
		Map<String, Object> body = mail(List.of(), "自动保存 " + run, "<p>第一版</p>");
		Map<String, Object> draft = api.post(Personas.EMPLOYEE, MAIL + "/drafts").body(body).retrieve().body(Map.class);
		long draftId = id(draft, "mailId");
		assertThat(((Map) draft.get("folder")).get("kind")).isEqualTo("DRAFTS");
		body.put("bodyHtml", "<p>第二版</p>");
		body.put("to", List.of(person(mails.employee(Personas.OTHER_EMPLOYEE))));
		ResponseEntity<Map> saved = api.put(Personas.EMPLOYEE, MAIL + "/drafts/" + draftId).body(body).retrieve().toEntity(Map.class);
		assertThat(saved.getStatusCode().value()).isEqualTo(200);
		assertThat((String) saved.getBody().get("bodyHtml")).contains("第二版");
		assertThat((List) saved.getBody().get("to")).hasSize(1);
		assertThat(mails.itemBySubject(Personas.EMPLOYEE, "DRAFTS", "自动保存 " + run)).isNotNull();
		// nobody else sees or changes it
		assertThat(api.get(Personas.OTHER_EMPLOYEE, MAIL + "/drafts/" + draftId).retrieve().toEntity(String.class)
			.getStatusCode().value()).isEqualTo(404);
		assertThat(api.put(Personas.OTHER_EMPLOYEE, MAIL + "/drafts/" + draftId).body(body).retrieve()
			.toEntity(String.class).getStatusCode().value()).isEqualTo(404);
		assertThat(api.delete(Personas.EMPLOYEE, MAIL + "/drafts/" + draftId).retrieve().toEntity(String.class)
			.getStatusCode().value()).isEqualTo(204);
		assertThat(api.get(Personas.EMPLOYEE, MAIL + "/drafts/" + draftId).retrieve().toEntity(String.class)
			.getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void replyReplyAllAndForwardStayInTheThread() {
		long me = mails.employee(Personas.EMPLOYEE);
		long other = mails.employee(Personas.OTHER_EMPLOYEE);
		long auditor = mails.employee(Personas.AUDITOR);
		long admin = mails.department("XZ");
		String subject = "预算讨论 " + run;
		Map<String, Object> body = mail(List.of(person(other)), subject, "<p>请看预算。</p>");
		body.put("cc", List.of(Map.of("kind", "DEPARTMENT", "id", admin)));
		body.put("bcc", List.of(person(auditor)));
		Map<String, Object> sent = mails.sent(Personas.EMPLOYEE, body);
		long thread = id(sent, "threadId");
		long theirItem = mails.itemId(Personas.OTHER_EMPLOYEE, "INBOX", subject);

		Map<String, Object> reply = api.get(Personas.OTHER_EMPLOYEE, MAIL + "/" + theirItem + "/reply?kind=REPLY").retrieve().body(Map.class);
		assertThat((List<Map<String, Object>>) reply.get("to")).containsExactly(Map.of("kind", "EMPLOYEE", "id", (int) me));
		assertThat((String) reply.get("subject")).isEqualTo("Re: " + subject);
		assertThat((String) reply.get("bodyHtml")).contains("<blockquote>").contains("请看预算。");
		assertThat(id(reply, "replyToMailId")).isEqualTo(id(sent, "mailId"));

		Map<String, Object> replyAll = api.get(Personas.OTHER_EMPLOYEE, MAIL + "/" + theirItem + "/reply?kind=REPLY_ALL").retrieve().body(Map.class);
		assertThat((List<Map<String, Object>>) replyAll.get("to")).containsExactly(Map.of("kind", "EMPLOYEE", "id", (int) me));
		assertThat((List<Map<String, Object>>) replyAll.get("cc")).containsExactly(Map.of("kind", "DEPARTMENT", "id", (int) admin));
		assertThat((List) replyAll.get("bcc")).isEmpty();
		assertThat(replyAll.toString()).doesNotContain("id=" + auditor + "}");

		Map<String, Object> replyBody = new HashMap<>(replyAll);
		replyBody.put("bodyHtml", "<p>收到，同意。</p>" + replyAll.get("bodyHtml"));
		Map<String, Object> answered = mails.sent(Personas.OTHER_EMPLOYEE, replyBody);
		assertThat(id(answered, "threadId")).isEqualTo(thread);
		long myItem = mails.itemId(Personas.EMPLOYEE, "INBOX", "Re: " + subject);
		List<Map<String, Object>> threadView = api.get(Personas.EMPLOYEE, MAIL + "/" + myItem + "/thread").retrieve().body(List.class);
		assertThat(threadView).extracting(m -> m.get("subject")).containsExactly(subject, "Re: " + subject);
		// the reply's archive entry points at the original's
		Long originalEntry = jdbc.queryForObject("select archive_entry_id from mail_message where id = ?", Long.class, id(sent, "mailId"));
		assertThat(jdbc.queryForObject("select related::text from arc_entry where subject_type = 'mail' and subject_id = ?",
				String.class, String.valueOf(id(answered, "mailId")))).contains(String.valueOf(originalEntry));

		Map<String, Object> forward = api.get(Personas.OTHER_EMPLOYEE, MAIL + "/" + theirItem + "/reply?kind=FORWARD").retrieve().body(Map.class);
		assertThat((List) forward.get("to")).isEmpty();
		assertThat((String) forward.get("subject")).isEqualTo("Fwd: " + subject);
		assertThat(id(forward, "forwardOfMailId")).isEqualTo(id(sent, "mailId"));
		Map<String, Object> forwardBody = new HashMap<>(forward);
		forwardBody.put("to", List.of(person(mails.employee(Personas.COMMUNICATION_OFFICER))));
		Map<String, Object> forwarded = mails.sent(Personas.OTHER_EMPLOYEE, forwardBody);
		assertThat(id(forwarded, "threadId")).isEqualTo(thread);
		assertThat(mails.itemBySubject(Personas.COMMUNICATION_OFFICER, "INBOX", "Fwd: " + subject)).isNotNull();

		assertThat(api.get(Personas.OTHER_EMPLOYEE, MAIL + "/" + theirItem + "/reply?kind=SIDEWAYS").retrieve()
			.toEntity(String.class).getStatusCode().value()).isEqualTo(400);
	}

	@Test
	void foldersFlagsLabelsMoveTrashAndHide() {
		long other = mails.employee(Personas.OTHER_EMPLOYEE);
		String subject = "整理测试 " + run;
		Map<String, Object> sent = mails.sent(Personas.EMPLOYEE, mail(List.of(person(other)), subject, "<p>内容</p>"));
		long mailId = id(sent, "mailId");
		long item = mails.itemId(Personas.OTHER_EMPLOYEE, "INBOX", subject);
		long unreadBefore = ((Number) api.get(Personas.OTHER_EMPLOYEE, MAIL + "/unread").retrieve().body(Map.class).get("unread")).longValue();
		assertThat(unreadBefore).isPositive();
		WebSession browser = new WebSession(port);
		browser.signIn(Personas.OTHER_EMPLOYEE);
		var badge = browser.get("/mail/badge");
		assertThat(badge.statusCode()).isEqualTo(200);
		assertThat(badge.body().strip()).isEqualTo(unreadBefore > 99 ? "99+" : Long.toString(unreadBefore));

		ResponseEntity<Map> folder = api.post(Personas.OTHER_EMPLOYEE, MAIL + "/folders").body(Map.of("name", "项目 " + run)).retrieve().toEntity(Map.class);
		assertThat(folder.getStatusCode().value()).isEqualTo(201);
		String folderKey = (String) folder.getBody().get("key");
		assertThat(api.post(Personas.OTHER_EMPLOYEE, MAIL + "/folders").body(Map.of("name", "项目 " + run)).retrieve()
			.toEntity(String.class).getStatusCode().value()).isEqualTo(409);
		ResponseEntity<Map> label = api.post(Personas.OTHER_EMPLOYEE, MAIL + "/labels").body(Map.of("name", "重要 " + run, "colour", "#c62828")).retrieve().toEntity(Map.class);
		assertThat(label.getStatusCode().value()).isEqualTo(201);
		long labelId = id(label.getBody(), "id");
		assertThat(api.post(Personas.OTHER_EMPLOYEE, MAIL + "/labels").body(Map.of("name", "x" + run, "colour", "red")).retrieve()
			.toEntity(Map.class).getBody().toString()).contains("field=colour");
		// someone else's label or folder is not usable
		long foreignLabel = id(api.post(Personas.EMPLOYEE, MAIL + "/labels").body(Map.of("name", "别人的 " + run)).retrieve().body(Map.class), "id");

		ResponseEntity<Map> patched = api.patch(Personas.OTHER_EMPLOYEE, MAIL + "/" + item)
			.body(Map.of("flagged", true, "labelIds", List.of(labelId), "folder", folderKey, "read", true)).retrieve().toEntity(Map.class);
		assertThat(patched.getStatusCode().value()).as("%s", patched.getBody()).isEqualTo(200);
		assertThat(patched.getBody().get("flagged")).isEqualTo(true);
		assertThat(patched.getBody().get("read")).isEqualTo(true);
		assertThat((List<Map<String, Object>>) patched.getBody().get("labels")).extracting(l -> l.get("name")).containsExactly("重要 " + run);
		assertThat(mails.itemBySubject(Personas.OTHER_EMPLOYEE, folderKey, subject)).isNotNull();
		assertThat(mails.itemBySubject(Personas.OTHER_EMPLOYEE, "INBOX", subject)).isNull();
		assertThat(api.patch(Personas.OTHER_EMPLOYEE, MAIL + "/" + item).body(Map.of("labelIds", List.of(foreignLabel))).retrieve()
			.toEntity(Map.class).getBody().toString()).contains("field=labelIds");
		assertThat(api.patch(Personas.OTHER_EMPLOYEE, MAIL + "/" + item).body(Map.of("folder", "SENT")).retrieve()
			.toEntity(Map.class).getStatusCode().value()).isEqualTo(400);
		assertThat(api.patch(Personas.OTHER_EMPLOYEE, MAIL + "/" + item).body(Map.of("read", false)).retrieve()
			.toEntity(Map.class).getBody().get("read")).isEqualTo(false);
		List<Map<String, Object>> folders = api.get(Personas.OTHER_EMPLOYEE, MAIL + "/folders").retrieve().body(List.class);
		assertThat(folders).extracting(f -> f.get("key")).startsWith("INBOX", "SENT", "DRAFTS", "ARCHIVE", "TRASH").contains(folderKey);
		assertThat(folders).filteredOn(f -> folderKey.equals(f.get("key")))
			.singleElement().satisfies(f -> assertThat(((Number) f.get("unread")).intValue()).isOne());

		// delete → trash; restore → back to the custom folder; delete twice → hidden for ever
		assertThat(api.delete(Personas.OTHER_EMPLOYEE, MAIL + "/" + item).retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(204);
		assertThat(mails.itemBySubject(Personas.OTHER_EMPLOYEE, "TRASH", subject)).isNotNull();
		Map<String, Object> restored = api.post(Personas.OTHER_EMPLOYEE, MAIL + "/" + item + "/restore").body(Map.of()).retrieve().body(Map.class);
		assertThat(((Map) restored.get("folder")).get("customId")).isEqualTo(Integer.valueOf(folderKey));
		api.delete(Personas.OTHER_EMPLOYEE, MAIL + "/" + item).retrieve().toBodilessEntity();
		assertThat(api.delete(Personas.OTHER_EMPLOYEE, MAIL + "/" + item).retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(204);
		assertThat(api.get(Personas.OTHER_EMPLOYEE, MAIL + "/" + item).retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(404);
		assertThat(mails.itemBySubject(Personas.OTHER_EMPLOYEE, "TRASH", subject)).isNull();
		// the mail, the sender's copy and the archive entry remain
		assertThat(mails.itemBySubject(Personas.EMPLOYEE, "SENT", subject)).isNotNull();
		assertThat(jdbc.queryForObject("select count(*) from mail_message where id = ?", Integer.class, mailId)).isOne();
		assertThat(jdbc.queryForObject("select count(*) from arc_entry where subject_type = 'mail' and subject_id = ?",
				Integer.class, String.valueOf(mailId))).isOne();

		// deleting the folder and the label
		assertThat(api.delete(Personas.OTHER_EMPLOYEE, MAIL + "/folders/" + folderKey).retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(204);
		assertThat(api.delete(Personas.OTHER_EMPLOYEE, MAIL + "/labels/" + labelId).retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(204);
		assertThat(api.delete(Personas.OTHER_EMPLOYEE, MAIL + "/labels/" + foreignLabel).retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(404);
		assertThat(api.get(Personas.OTHER_EMPLOYEE, MAIL + "?folder=NOWHERE").retrieve().toEntity(Map.class).getBody().toString()).contains("field=folder");
	}
}
