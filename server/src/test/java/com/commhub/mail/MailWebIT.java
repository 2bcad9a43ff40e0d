package com.commhub.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.commhub.Api;
import com.commhub.IntegrationTest;
import com.commhub.Personas;
import com.commhub.WebSession;

/**
 * The mail pages over HTTP with named personas: compose and send through the form, the recipient sees it in the
 * inbox and reads it (sanitised body, CC shown); a refused send shows the field error and keeps what was typed (and
 * saves the draft); MAIL-3 suggestions before a cross-department mail; autosave; the pickers' suggestions escaped;
 * folders, labels, search; CSRF on every post; 404 for someone else's mail, page or action; English.
 */
@IntegrationTest
class MailWebIT {

	static final Pattern ROW = Pattern.compile("id=\"mail-row-(\\d+)\"");

	@LocalServerPort
	int port;
	@Autowired
	JdbcTemplate jdbc;

	final String run = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void aMailIsComposedSentReceivedAndRead() {
		WebSession a = signedIn(Personas.EMPLOYEE);
		var composer = a.get("/mail/compose");
		assertThat(composer.statusCode()).isEqualTo(200);
		assertThat(composer.body()).contains("id=\"compose-form\"").contains("name=\"_csrf\"")
			.contains("/js/mail.js").contains("/css/mail.css");

		String subject = "季度计划 " + run;
		var sent = a.post("/mail/compose", form("to", "EMPLOYEE:" + employee(Personas.OTHER_EMPLOYEE), "cc",
				"EMPLOYEE:" + employee(Personas.AUDITOR), "subject", subject, "body",
				"<p>你好，<b>请查收</b><img src=x onerror=alert(1)><script>alert(2)</script></p>", "classification",
				"INTERNAL", "ccReviewed", "true"));
		assertThat(sent.statusCode()).isEqualTo(200);
		assertThat(sent.uri().getPath()).matches("/mail/\\d+");
		assertThat(sent.body()).contains("id=\"mail-done\"").contains(subject);

		WebSession b = signedIn(Personas.OTHER_EMPLOYEE);
		var inbox = b.get("/mail");
		assertThat(inbox.statusCode()).isEqualTo(200);
		long item = rowWith(inbox.body(), subject);
		assertThat(inbox.body()).contains("mail-row unread");
		var read = b.get("/mail/" + item);
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.body()).contains("<b>请查收</b>").doesNotContain("onerror").doesNotContain("<script>alert(2)")
			.contains("id=\"mail-cc\"").contains("徐立新").contains("data-classification=\"INTERNAL\"")
			.doesNotContain("id=\"watermark\"").doesNotContain("id=\"mail-bcc\"");

		// someone not party to it: 404 for the page, the reply, and every action
		WebSession c = signedIn(Personas.COMMUNICATION_OFFICER);
		assertThat(c.get("/mail/" + item).statusCode()).isEqualTo(404);
		assertThat(c.get("/mail/" + item + "/reply?kind=REPLY_ALL").statusCode()).isEqualTo(404);
		c.get("/mail");
		assertThat(c.post("/mail/" + item + "/flag", Map.of("flagged", "true")).statusCode()).isEqualTo(404);
		assertThat(c.post("/mail/" + item + "/delete", Map.of()).statusCode()).isEqualTo(404);
		assertThat(c.get("/mail/search?text=" + run).body()).doesNotContain(subject);

		// the recipient replies: a prefilled composer in the thread
		var reply = b.get("/mail/" + item + "/reply?kind=REPLY");
		assertThat(reply.statusCode()).isEqualTo(200);
		assertThat(reply.body()).contains("Re: " + subject).contains("name=\"replyToMailId\"")
			.contains("value=\"EMPLOYEE:" + employee(Personas.EMPLOYEE) + "\"");

		// flag, then move into a new folder of B's
		b.get("/mail");
		assertThat(b.post("/mail/" + item + "/flag", Map.of("flagged", "true", "back", "/mail")).body())
			.contains("id=\"mail-done\"");
		assertThat(b.post("/mail/folders", Map.of("name", "项目 " + run)).body()).contains("项目 " + run);
		long folder = jdbc.queryForObject("select id from mail_folder where name = ?", Long.class, "项目 " + run);
		var moved = b.post("/mail/" + item + "/move", Map.of("folder", Long.toString(folder), "back",
				"/mail/folder/" + folder));
		assertThat(moved.body()).contains("id=\"mail-done\"").contains(subject);
		assertThat(b.get("/mail").body()).doesNotContain(subject);
		// an unsafe "back" never leaves the mailbox
		var back = b.post("/mail/" + item + "/read", Map.of("read", "true", "back", "https://evil.example/"));
		assertThat(back.uri().getPath()).isEqualTo("/mail/" + item);
	}

	@Test
	void aSendWithoutSubjectShowsTheFieldErrorAndKeepsEverything() {
		WebSession a = signedIn(Personas.EMPLOYEE);
		a.get("/mail/compose");
		String body = "<p>没有主题的正文 " + run + "</p>";
		var refused = a.post("/mail/compose", form("to", "EMPLOYEE:" + employee(Personas.OTHER_EMPLOYEE), "subject",
				"", "body", body, "classification", "INTERNAL", "followUpOn", "", "ccReviewed", "true"));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.uri().getPath()).isEqualTo("/mail/compose");
		Matcher error = Pattern.compile("id=\"subject-error\"[^>]*>([^<]+)<").matcher(refused.body());
		assertThat(error.find()).as("a message next to the subject").isTrue();
		assertThat(error.group(1)).isNotBlank();
		assertThat(refused.body()).contains("没有主题的正文 " + run).contains("data-value=\"EMPLOYEE:"
				+ employee(Personas.OTHER_EMPLOYEE) + "\"");
		// and it is kept as a draft
		Matcher draft = Pattern.compile("id=\"draftId\" name=\"draftId\" value=\"(\\d+)\"").matcher(refused.body());
		assertThat(draft.find()).as("the draft id in the form").isTrue();
		assertThat(a.get("/mail/compose?draft=" + draft.group(1)).body()).contains("没有主题的正文 " + run);

		// a bad date is a field error too, nothing lost
		var badDate = a.post("/mail/compose", form("to", "EMPLOYEE:" + employee(Personas.OTHER_EMPLOYEE), "subject",
				"日期 " + run, "body", body, "classification", "INTERNAL", "followUpOn", "morgen", "ccReviewed",
				"true", "draftId", draft.group(1)));
		assertThat(badDate.body()).contains("id=\"followUpOn-error\"").contains("morgen").contains("日期 " + run);
	}

	@Test
	void crossDepartmentMailSuggestsTheHeadsBeforeSending() {
		WebSession a = signedIn(Personas.EMPLOYEE);
		a.get("/mail/compose");
		String subject = "跨部门 " + run;
		var suggested = a.post("/mail/compose", form("to", "EMPLOYEE:" + employee(Personas.DEPARTMENT_HEAD),
				"subject", subject, "body", "<p>请协助</p>", "classification", "INTERNAL"));
		assertThat(suggested.uri().getPath()).isEqualTo("/mail/compose");
		assertThat(suggested.body()).contains("id=\"cc-suggestions\"").contains("建议抄送")
			.contains("name=\"ccReviewed\" value=\"true\"");
		Matcher draft = Pattern.compile("id=\"draftId\" name=\"draftId\" value=\"(\\d+)\"").matcher(suggested.body());
		assertThat(draft.find()).isTrue();
		var sent = a.post("/mail/compose", form("to", "EMPLOYEE:" + employee(Personas.DEPARTMENT_HEAD), "subject",
				subject, "body", "<p>请协助</p>", "classification", "INTERNAL", "ccReviewed", "true", "draftId",
				draft.group(1), "addSuggested", "true"));
		assertThat(sent.uri().getPath()).matches("/mail/\\d+");
		assertThat(sent.body()).contains("id=\"mail-cc\"");
		// the draft left the drafts folder when it was sent
		assertThat(a.get("/mail/folder/DRAFTS").body()).doesNotContain(subject);
	}

	@Test
	void autosaveKeepsADraftAndThePickersSuggestEscaped() {
		WebSession a = signedIn(Personas.EMPLOYEE);
		a.get("/mail/compose");
		var saved = a.post("/mail/compose/autosave", form("to", "EMPLOYEE:" + employee(Personas.OTHER_EMPLOYEE),
				"subject", "自动保存 " + run, "body", "<p>草稿</p>", "classification", "INTERNAL"));
		assertThat(saved.statusCode()).isEqualTo(200);
		Matcher id = Pattern.compile("\"draftId\":(\\d+)").matcher(saved.body());
		assertThat(id.find()).as(saved.body()).isTrue();
		var drafts = a.get("/mail/folder/DRAFTS");
		assertThat(drafts.body()).contains("自动保存 " + run).contains("/mail/compose?draft=" + id.group(1));
		assertThat(a.get("/mail/compose?draft=" + id.group(1)).body()).contains("value=\"自动保存 " + run + "\"");
		// a second save updates the same draft
		a.post("/mail/compose/autosave", form("draftId", id.group(1), "subject", "自动保存二 " + run, "body", "",
				"classification", "INTERNAL"));
		assertThat(a.get("/mail/folder/DRAFTS").body()).contains("自动保存二 " + run).doesNotContain(
				"自动保存 " + run + "<");

		var options = a.get("/mail/recipients?field=cc&q=" + enc(Personas.OTHER_EMPLOYEE));
		assertThat(options.statusCode()).isEqualTo(200);
		assertThat(options.body()).contains("data-field=\"cc\"")
			.contains("data-value=\"EMPLOYEE:" + employee(Personas.OTHER_EMPLOYEE) + "\"").contains("罗欣怡");
		assertThat(a.get("/mail/recipients?q=" + enc("市场")).body()).contains("data-value=\"DEPARTMENT:");
		var hostile = a.get("/mail/recipients?field=%22%3E&q=" + enc("<script>x</script>"));
		assertThat(hostile.body()).doesNotContain("<script>x").doesNotContain("\">\"");

		// someone else's draft is 404
		WebSession b = signedIn(Personas.OTHER_EMPLOYEE);
		assertThat(b.get("/mail/compose?draft=" + id.group(1)).statusCode()).isEqualTo(404);
	}

	@Test
	void receiptsLabelsTrashAndFolders() {
		WebSession a = signedIn(Personas.EMPLOYEE);
		a.get("/mail/compose");
		String subject = "回执 " + run;
		var sent = a.post("/mail/compose", form("to", "EMPLOYEE:" + employee(Personas.OTHER_EMPLOYEE), "subject",
				subject, "body", "<p>请确认</p>", "classification", "INTERNAL", "receiptRequested", "true",
				"followUpOn", java.time.LocalDate.now().plusDays(3).toString(), "ccReviewed", "true"));
		String sentItem = sent.uri().getPath();
		assertThat(sent.body()).contains("id=\"mail-receipts\"").contains("罗欣怡");
		Matcher unread = Pattern.compile("id=\"receipt-" + employee(Personas.OTHER_EMPLOYEE) + "\">.*?</tr>",
				Pattern.DOTALL).matcher(sent.body());
		assertThat(unread.find()).isTrue();
		assertThat(unread.group()).contains("未读");

		WebSession b = signedIn(Personas.OTHER_EMPLOYEE);
		long item = rowWith(b.get("/mail").body(), subject);
		assertThat(b.get("/mail/" + item).body()).contains(subject).doesNotContain("id=\"mail-receipts\"");
		Matcher read = Pattern.compile("id=\"receipt-" + employee(Personas.OTHER_EMPLOYEE) + "\">.*?</tr>",
				Pattern.DOTALL).matcher(a.get(sentItem).body());
		assertThat(read.find()).isTrue();
		assertThat(read.group()).doesNotContain("未读").containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");

		// one's own mail moves between sent and archive, never into the inbox
		var own = a.get(sentItem).body();
		assertThat(own).contains("<option value=\"ARCHIVE\"").doesNotContain("<option value=\"INBOX\"");
		assertThat(a.post(sentItem + "/move", Map.of("folder", "ARCHIVE", "back", "/mail/folder/ARCHIVE")).body())
			.contains("id=\"mail-done\"").contains(subject);
		assertThat(a.get(sentItem).body()).contains("<option value=\"SENT\"");
		a.post(sentItem + "/move", Map.of("folder", "SENT", "back", "/mail/folder/SENT"));

		// a label of B's on the item
		b.get("/mail/labels");
		b.post("/mail/labels", Map.of("name", "待办 " + run, "colour", "#2e7d32"));
		long label = jdbc.queryForObject("select id from mail_label where name = ?", Long.class, "待办 " + run);
		b.get("/mail/" + item);
		assertThat(b.post("/mail/" + item + "/labels", Map.of("labelIds", Long.toString(label), "back",
				"/mail/" + item)).body()).contains("id=\"mail-done\"").contains("待办 " + run);
		assertThat(b.get("/mail").body()).contains("待办 " + run);

		// delete → trash → restore
		var deleted = b.post("/mail/" + item + "/delete", Map.of("back", "/mail/folder/INBOX"));
		assertThat(deleted.uri().getPath()).isEqualTo("/mail/folder/INBOX");
		assertThat(deleted.body()).contains("id=\"mail-done\"").doesNotContain(subject);
		assertThat(b.get("/mail/folder/TRASH").body()).contains(subject).contains("id=\"restore-" + item + "\"");
		b.post("/mail/" + item + "/restore", Map.of("back", "/mail/folder/TRASH"));
		assertThat(b.get("/mail").body()).contains(subject);

		// a custom folder renamed and deleted
		b.post("/mail/folders", Map.of("name", "临时 " + run));
		long folder = jdbc.queryForObject("select id from mail_folder where name = ?", Long.class, "临时 " + run);
		assertThat(b.post("/mail/folders/" + folder + "/rename", Map.of("name", "归档二 " + run)).body())
			.contains("归档二 " + run);
		assertThat(a.get("/mail/folder/" + folder).statusCode()).as("someone else's folder").isEqualTo(404);
		a.get("/mail");
		assertThat(a.post("/mail/folders/" + folder + "/delete", Map.of()).statusCode()).isEqualTo(404);
		assertThat(b.post("/mail/folders/" + folder + "/delete", Map.of()).body()).contains("id=\"mail-done\"")
			.doesNotContain("归档二 " + run);
		// nobody else's label
		assertThat(a.post("/mail/labels/" + label + "/delete", Map.of()).statusCode()).isEqualTo(404);
	}

	@Test
	void labelsAndEnglish() {
		WebSession a = signedIn(Personas.EMPLOYEE);
		a.get("/mail/labels");
		assertThat(a.post("/mail/labels", Map.of("name", "重要 " + run, "colour", "#c62828")).body())
			.contains("id=\"mail-done\"").contains("重要 " + run);
		var tooLong = a.post("/mail/labels", Map.of("name", "x".repeat(31)));
		assertThat(tooLong.statusCode()).isEqualTo(200);
		assertThat(tooLong.body()).contains("id=\"mail-error\"");

		var english = a.get("/mail?lang=en");
		assertThat(english.statusCode()).isEqualTo(200);
		assertThat(english.body()).contains(">Inbox<").contains(">Compose<");
		assertThat(a.get("/mail/compose").body()).contains("Subject").contains("Request a read receipt");
		a.get("/mail?lang=zh_CN");
	}

	@Test
	void searchHighlightsTheHitsAndChecksTheFilters() throws InterruptedException {
		WebSession a = signedIn(Personas.EMPLOYEE);
		String word = "协同" + run;
		a.get("/mail/compose");
		a.post("/mail/compose", form("to", "EMPLOYEE:" + employee(Personas.OTHER_EMPLOYEE), "subject",
				"搜索 " + word, "body", "<p>内容</p>", "classification", "INTERNAL", "ccReviewed", "true"));
		WebSession b = signedIn(Personas.OTHER_EMPLOYEE);
		String page = "";
		for (Instant until = Instant.now().plus(Duration.ofSeconds(15)); Instant.now().isBefore(until);) {
			page = b.get("/mail/search?text=" + enc(word)).body();
			if (page.contains("<mark>")) {
				break;
			}
			Thread.sleep(300);
		}
		assertThat(page).contains("id=\"mail-search-results\"").contains("<mark>");
		assertThat(b.get("/mail/search?from=yesterday").body()).contains("id=\"from-error\"");
		assertThat(b.get("/mail/search?person=" + enc("没有这个人" + run)).body()).contains("id=\"person-error\"");
	}

	/**
	 * The compliance outcomes on the page, with the test policies of {@link MailComplianceIT} (resident ID numbers in
	 * mail: WARN for 市场部, REQUIRE_APPROVAL for 审计部, BLOCK for 法务合规部).
	 */
	@Test
	void complianceOutcomesShowOnTheComposer() {
		MailTestSupport mails = new MailTestSupport(new Api(port), jdbc);
		List<Long> policies = List.of(mails.policy("WARN", "SC"), mails.policy("REQUIRE_APPROVAL", "SJ"),
				mails.policy("BLOCK", "FW"));
		try {
			composeUnderPolicies();
		}
		finally {
			mails.switchOff(policies);
		}
	}

	private void composeUnderPolicies() {
		String body = "<p>客户身份证号 " + MailTestSupport.residentId() + "，请核对。</p>";
		String to = "EMPLOYEE:" + employee(Personas.OTHER_EMPLOYEE);

		WebSession a = signedIn(Personas.EMPLOYEE);
		a.get("/mail/compose");
		var warned = a.post("/mail/compose", form("to", to, "subject", "客户资料 " + run, "body", body,
				"classification", "INTERNAL", "ccReviewed", "true"));
		assertThat(warned.uri().getPath()).isEqualTo("/mail/compose");
		assertThat(warned.body()).contains("id=\"compose-justify\"").contains("邮件含身份证号")
			.contains("id=\"justification\"").contains("请核对").contains("id=\"compose-findings\"");
		Matcher draft = Pattern.compile("id=\"draftId\" name=\"draftId\" value=\"(\\d+)\"").matcher(warned.body());
		assertThat(draft.find()).isTrue();
		var justified = a.post("/mail/compose", form("to", to, "subject", "客户资料 " + run, "body", body,
				"classification", "INTERNAL", "ccReviewed", "true", "draftId", draft.group(1), "justification",
				"客户开户需要，已获授权"));
		assertThat(justified.uri().getPath()).matches("/mail/\\d+");
		assertThat(justified.body()).contains("id=\"mail-done\"");

		WebSession auditor = signedIn(Personas.AUDITOR);
		auditor.get("/mail/compose");
		var held = auditor.post("/mail/compose", form("to", to, "subject", "审计发现 " + run, "body", body,
				"classification", "INTERNAL", "ccReviewed", "true"));
		assertThat(held.uri().getPath()).matches("/mail/\\d+");
		assertThat(held.body()).contains("id=\"mail-done\"").contains("id=\"mail-pending\"");
		assertThat(auditor.get("/mail/folder/SENT").body()).contains("mail-pending");

		WebSession officer = signedIn(Personas.COMMUNICATION_OFFICER);
		officer.get("/mail/compose");
		var blocked = officer.post("/mail/compose", form("to", to, "subject", "合规通报 " + run, "body", body,
				"classification", "INTERNAL", "ccReviewed", "true"));
		assertThat(blocked.uri().getPath()).isEqualTo("/mail/compose");
		assertThat(blocked.body()).contains("id=\"compose-blocked\"").contains("请核对")
			.contains("value=\"合规通报 " + run + "\"");
	}

	@Test
	void everyPostNeedsTheCsrfToken() throws Exception {
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).build();
		String login = client.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
		assertThat(csrf.find()).isTrue();
		client.send(post("/login", "username=" + Personas.EMPLOYEE + "&password=" + enc(Personas.PASSWORD)
				+ "&_csrf=" + enc(csrf.group(1))), HttpResponse.BodyHandlers.discarding());
		assertThat(client.send(HttpRequest.newBuilder(URI.create(base() + "/mail")).build(),
				HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
		for (String path : new String[] { "/mail/compose", "/mail/compose/autosave", "/mail/folders", "/mail/labels" }) {
			var response = client.send(post(path, "subject=x&name=x"), HttpResponse.BodyHandlers.discarding());
			assertThat(response.statusCode()).as(path).isEqualTo(403);
		}
	}

	private WebSession signedIn(String persona) {
		WebSession session = new WebSession(port);
		assertThat(session.signIn(persona).statusCode()).isEqualTo(200);
		return session;
	}

	private long employee(String persona) {
		return jdbc.queryForObject("select id from dir_employee where employee_no = ?", Long.class, persona);
	}

	private static long rowWith(String page, String subject) {
		int at = page.indexOf(subject);
		assertThat(at).as("the mail in the list").isPositive();
		Matcher row = ROW.matcher(page.substring(0, at));
		long id = -1;
		while (row.find()) {
			id = Long.parseLong(row.group(1));
		}
		assertThat(id).isPositive();
		return id;
	}

	private static Map<String, String> form(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private HttpRequest post(String path, String body) {
		return HttpRequest.newBuilder(URI.create(base() + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}
}
