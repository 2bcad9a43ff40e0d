package com.commhub.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import com.commhub.IntegrationTest;
import com.commhub.Personas;
import com.commhub.WebSession;
import com.commhub.archive.internal.ArchiveIndex;
import com.commhub.archive.internal.ArchiveSealer;
import com.commhub.shared.Classification;

/** The archive access pages: request form with field errors, approval queue, scoped search and the record page. */
@IntegrationTest
class ArchiveAccessWebIT {

	private static final Pattern REQUEST_PATH = Pattern.compile("/archive/access/(\\d+)$");

	@Autowired
	ArchiveRecorder recorder;
	@Autowired
	PlatformTransactionManager transactionManager;
	@Autowired
	JdbcTemplate jdbc;
	@Autowired
	ArchiveSealer sealer;
	@Autowired
	ArchiveIndex index;
	@LocalServerPort
	int port;

	ArchiveTestSupport support;
	String person;

	@BeforeEach
	void setUp() {
		support = new ArchiveTestSupport(recorder, transactionManager, jdbc, sealer);
		person = "W" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
	}

	long record(Classification classification, String summary, String content) {
		long id = support.record(NewArchiveEntry.text(RecordKind.MAIL, "test-access-web", support.run + "-" + summary,
				NewArchiveEntry.Parties.of(person + " 测试人", "HT1041"), classification, Instant.now(), summary, content))
			.value();
		support.awaitSealed(id);
		index.catchUp();
		return id;
	}

	Map<String, String> form(String people, String from, String to, String days) {
		return Map.of("purpose", "调查采购问题", "caseReference", "WEB-" + support.run, "people", people, "from", from,
				"to", to, "durationDays", days);
	}

	@Test
	void requestApproveSearchAndOpenARecord() {
		long mail = record(Classification.INTERNAL, "采购 " + support.run, "关于采购合同的补充说明<script>x</script>");
		long secret = record(Classification.CONFIDENTIAL, "保密 " + support.run, "机密的合同条款");

		WebSession officer = new WebSession(port);
		officer.signIn(Personas.COMMUNICATION_OFFICER);
		var list = officer.get("/archive/access");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("id=\"archive-nav-access\"").contains("id=\"access-new\"")
			.contains("id=\"archive-nav-access\"");
		assertThat(officer.get("/archive").body()).contains("id=\"archive-access-link\"");

		// field errors next to the fields
		assertThat(officer.get("/archive/access/new").body()).contains("id=\"access-request-form\"");
		var reversed = officer.post("/archive/access", form(person, "2026-03-10", "2026-03-01", "7"));
		assertThat(reversed.statusCode()).isEqualTo(200);
		assertThat(reversed.body()).containsPattern("id=\"to-error\">[^<]+<");
		var empty = officer.post("/archive/access", form("", "", "", "7"));
		assertThat(empty.body()).containsPattern("id=\"people-error\">[^<]+<");
		var tooLong = officer.post("/archive/access", form(person, "", "", "365"));
		assertThat(tooLong.body()).containsPattern("id=\"durationDays-error\">[^<]+<");

		var created = officer.post("/archive/access", form(person, "", "", "7"));
		Matcher path = REQUEST_PATH.matcher(created.uri().getPath());
		assertThat(path.find()).as(created.uri().toString()).isTrue();
		long id = Long.parseLong(path.group(1));
		assertThat(created.body()).contains("id=\"access-done\"").contains("badge PENDING");
		// not yet approved: no search
		assertThat(officer.get("/archive/access/" + id + "/search").statusCode()).isEqualTo(404);

		WebSession auditor = new WebSession(port);
		auditor.signIn(Personas.AUDITOR);
		var queue = auditor.get("/archive/access/approvals");
		assertThat(queue.body()).contains("id=\"access-approval-" + id + "\"");
		var approved = auditor.post("/archive/access/" + id + "/approve", Map.of("reason", "同意"));
		assertThat(approved.body()).contains("badge APPROVED").contains("id=\"access-decided-by\"");
		// the approver does not search with it
		assertThat(auditor.get("/archive/access/" + id + "/search").statusCode()).isEqualTo(404);

		long before = jdbc.queryForObject("select count(*) from arc_access_event where request_id = ?", Long.class, id);
		var search = officer.get("/archive/access/" + id + "/search?q=%E5%90%88%E5%90%8C"); // 合同
		assertThat(search.statusCode()).isEqualTo(200);
		assertThat(search.body()).contains("id=\"hit-" + mail + "\"").contains("id=\"hit-" + secret + "\"")
			.contains("采购<mark>合同</mark>的补充说明").contains("&lt;script&gt;").doesNotContain("<script>x");
		var bad = officer.get("/archive/access/" + id + "/search?from=nonsense");
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).containsPattern("id=\"from-error\">[^<]+<").doesNotContain("class=\"search-hit\"");

		var page = officer.get("/archive/access/" + id + "/entries/" + secret);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"record-confidential\"").contains("机密的合同条款")
			.contains("id=\"record-entry-hash\"");
		assertThat(jdbc.queryForObject("select count(*) from arc_access_event where request_id = ?", Long.class, id))
			.isEqualTo(before + 2); // the search and the view; input that cannot be read reads nothing
		assertThat(officer.get("/archive/access/" + id + "/entries/999999999").statusCode()).isEqualTo(404);

		// the export button: the current search's hits as a ZIP; nothing to export is named next to the words
		var zip = officer.get("/archive/access/" + id + "/export?q=%E5%90%88%E5%90%8C");
		assertThat(zip.statusCode()).isEqualTo(200);
		assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
		assertThat(zip.body()).startsWith("PK");
		assertThat(search.body()).contains("id=\"search-export\"");
		var nothing = officer.get("/archive/access/" + id + "/export?q=nothingmatcheshere");
		assertThat(nothing.statusCode()).isEqualTo(200);
		assertThat(nothing.body()).containsPattern("id=\"q-error\">[^<]+<");

		// English
		assertThat(officer.get("/archive/access/" + id + "?lang=en").body()).contains("Access request #" + id)
			.contains("Approved");
	}

	@Test
	void selfApprovalIsRefusedOnThePageToo() {
		WebSession auditor = new WebSession(port);
		auditor.signIn(Personas.AUDITOR);
		var created = auditor.post("/archive/access", form(person, "", "", "3"));
		Matcher path = REQUEST_PATH.matcher(created.uri().getPath());
		assertThat(path.find()).isTrue();
		long id = Long.parseLong(path.group(1));
		assertThat(created.body()).doesNotContain("id=\"access-approve\"");
		assertThat(auditor.get("/archive/access/approvals").body()).doesNotContain("id=\"access-approval-" + id + "\"");
		var refused = auditor.post("/archive/access/" + id + "/approve", Map.of());
		assertThat(refused.body()).contains("id=\"access-error\"").contains("badge PENDING");
		var withdrawn = auditor.post("/archive/access/" + id + "/withdraw", Map.of());
		assertThat(withdrawn.body()).contains("badge WITHDRAWN");
	}

	@Test
	void othersAreRefused() {
		WebSession employee = new WebSession(port);
		employee.signIn(Personas.EMPLOYEE);
		assertThat(employee.get("/archive/access").statusCode()).isEqualTo(403);
		assertThat(employee.get("/").body()).doesNotContain("id=\"nav-archive\"");
		WebSession officer = new WebSession(port);
		officer.signIn(Personas.COMMUNICATION_OFFICER);
		assertThat(officer.get("/archive/access/approvals").statusCode()).isEqualTo(403);
		assertThat(officer.get("/archive/access/999999999").statusCode()).isEqualTo(404);
	}
}
