package com.commhub.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import com.commhub.Api;
import com.commhub.IntegrationTest;
import com.commhub.Personas;
import com.commhub.archive.internal.ArchiveIndex;
import com.commhub.archive.internal.ArchiveSealer;
import com.commhub.shared.Classification;

/**
 * Access requests (ARC-4) through the REST API: the two-person rule, 404 for everything not covered by an active
 * request of one's own, Chinese full-text search within the scope, confidential content kept out of the index files
 * and every search and view recorded as an ACCESS_RECORD.
 */
@IntegrationTest
class ArchiveAccessIT {

	static final String BASE = "/api/v1/archive/access-requests";

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

	Api api;
	ArchiveTestSupport support;
	/** A 工号 nobody else uses, so the scope covers only this test's entries. */
	String person;
	String outsider;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		support = new ArchiveTestSupport(recorder, transactionManager, jdbc, sealer);
		person = "T" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
		outsider = "U" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
	}

	long record(RecordKind kind, String party, Classification classification, Instant occurredAt, String summary,
			String content) {
		return support.record(NewArchiveEntry.text(kind, "test-access", support.run + "-" + summary, NewArchiveEntry.Parties
			.of(party + " 测试人", "HT1041"), classification, occurredAt, summary, content)).value();
	}

	void indexed(long... ids) {
		for (long id : ids) {
			support.awaitSealed(id);
		}
		index.catchUp();
	}

	Map<String, Object> request(String persona, Map<String, Object> body) {
		var response = api.post(persona, BASE).body(body).retrieve().toEntity(Map.class);
		assertThat(response.getStatusCode().value()).as("create: %s", response.getBody()).isEqualTo(201);
		return response.getBody();
	}

	Map<String, Object> scope(String... people) {
		return Map.of("purpose", "内部调查", "caseReference", "CASE-" + support.run, "people", List.of(people),
				"durationDays", 7);
	}

	long approvedRequest(String requester, String approver, Map<String, Object> body) {
		long id = ((Number) request(requester, body).get("id")).longValue();
		var approved = api.post(approver, BASE + "/{id}/approve", id).body(Map.of()).retrieve().toEntity(Map.class);
		assertThat(approved.getStatusCode().value()).isEqualTo(200);
		assertThat(approved.getBody()).containsEntry("status", "APPROVED");
		return id;
	}

	int status(String persona, String uri, Object... vars) {
		return api.get(persona, uri, vars).retrieve().toBodilessEntity().getStatusCode().value();
	}

	long accessRecords(long requestId) {
		return jdbc.queryForObject(
				"select count(*) from arc_entry where kind = 'ACCESS_RECORD' and subject_type = 'archive-access-request' and subject_id = ?",
				Long.class, String.valueOf(requestId));
	}

	@Test
	void nobodyApprovesTheirOwnRequestEvenHoldingBothPermissions() {
		// the auditor holds ARCHIVE_ACCESS_REQUEST and ARCHIVE_ACCESS_APPROVE
		long id = ((Number) request(Personas.AUDITOR, scope(person)).get("id")).longValue();
		var own = api.post(Personas.AUDITOR, BASE + "/{id}/approve", id).body(Map.of()).retrieve().toEntity(Map.class);
		assertThat(own.getStatusCode().value()).isEqualTo(409);
		assertThat(own.getBody().get("type").toString()).endsWith("archive.access.ownRequest");
		assertThat(api.post(Personas.AUDITOR, BASE + "/{id}/reject", id).body(Map.of("reason", "x")).retrieve()
			.toBodilessEntity().getStatusCode().value()).isEqualTo(409);
		assertThat(jdbc.queryForObject("select status from arc_access_request where id = ?", String.class, id))
			.isEqualTo("PENDING");
		assertThat(jdbc.queryForObject("""
				select count(*) from arc_audit_event where action = 'archive.access.approve' and outcome = 'DENIED'
				and target_id = ?""", Long.class, String.valueOf(id))).isOne();
		// nor in the queue: the auditor's queue holds only other people's requests
		var queue = api.get(Personas.AUDITOR, "/api/v1/archive/access-approvals").retrieve().body(List.class);
		assertThat(queue).noneMatch(r -> ((Map<?, ?>) r).get("id").equals((int) id));
		// and the database refuses it as well
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
				"update arc_access_request set decided_by_account_id = requester_account_id where id = ?", id))
			.isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);

		// the officer asks, may not approve (no permission), the auditor approves
		long officers = ((Number) request(Personas.COMMUNICATION_OFFICER, scope(person)).get("id")).longValue();
		assertThat(api.post(Personas.COMMUNICATION_OFFICER, BASE + "/{id}/approve", officers).body(Map.of()).retrieve()
			.toBodilessEntity().getStatusCode().value()).isEqualTo(403);
		assertThat(api.get(Personas.AUDITOR, "/api/v1/archive/access-approvals").retrieve().body(List.class))
			.anyMatch(r -> ((Map<?, ?>) r).get("id").equals((int) officers));
		var approved = api.post(Personas.AUDITOR, BASE + "/{id}/approve", officers).body(Map.of("reason", "同意"))
			.retrieve().toEntity(Map.class);
		assertThat(approved.getBody()).containsEntry("status", "APPROVED").containsEntry("decidedBy", Personas.AUDITOR);
		assertThat(approved.getBody().get("expiresAt")).isNotNull();
		// decided once only
		assertThat(api.post(Personas.AUDITOR, BASE + "/{id}/reject", officers).body(Map.of("reason", "x")).retrieve()
			.toBodilessEntity().getStatusCode().value()).isEqualTo(409);
		assertThat(accessRecords(officers)).isEqualTo(2);
		assertThat(jdbc.queryForObject("select count(*) from arc_audit_event where action in ('archive.access.request', "
				+ "'archive.access.approve') and outcome = 'SUCCESS' and target_id = ?", Long.class,
				String.valueOf(officers))).isEqualTo(2);
	}

	@Test
	void rejectionNeedsAReasonAndTheRequesterMayWithdraw() {
		long id = ((Number) request(Personas.COMMUNICATION_OFFICER, scope(person)).get("id")).longValue();
		var noReason = api.post(Personas.AUDITOR, BASE + "/{id}/reject", id).body(Map.of()).retrieve()
			.toEntity(Map.class);
		assertThat(noReason.getStatusCode().value()).isEqualTo(400);
		assertThat(noReason.getBody().toString()).contains("field=reason");
		var rejected = api.post(Personas.AUDITOR, BASE + "/{id}/reject", id).body(Map.of("reason", "范围过宽"))
			.retrieve().toEntity(Map.class);
		assertThat(rejected.getBody()).containsEntry("status", "REJECTED").containsEntry("decisionReason", "范围过宽");
		assertThat(status(Personas.COMMUNICATION_OFFICER, BASE + "/{id}/search", id)).isEqualTo(404);

		long other = ((Number) request(Personas.COMMUNICATION_OFFICER, scope(person)).get("id")).longValue();
		// only its requester withdraws it
		assertThat(api.post(Personas.AUDITOR, BASE + "/{id}/withdraw", other).body(Map.of()).retrieve()
			.toBodilessEntity().getStatusCode().value()).isEqualTo(404);
		var withdrawn = api.post(Personas.COMMUNICATION_OFFICER, BASE + "/{id}/withdraw", other).body(Map.of())
			.retrieve().toEntity(Map.class);
		assertThat(withdrawn.getBody()).containsEntry("status", "WITHDRAWN");
		assertThat(api.post(Personas.AUDITOR, BASE + "/{id}/approve", other).body(Map.of()).retrieve()
			.toBodilessEntity().getStatusCode().value()).isEqualTo(409);
		assertThat(accessRecords(other)).isEqualTo(2);
		// the officer's own list shows both, newest first
		var mine = api.get(Personas.COMMUNICATION_OFFICER, BASE).retrieve().body(List.class);
		assertThat(((Map<?, ?>) mine.getFirst()).get("id")).isEqualTo((int) other);
	}

	@Test
	void badInputIsAProblemNamingTheField() {
		assertThat(problemField(Map.of("purpose", "p", "caseReference", "c", "people", List.of("HT1040"), "durationDays",
				7, "from", "2026-03-10", "to", "2026-03-01"))).isEqualTo("to");
		assertThat(problemField(Map.of("purpose", "p", "caseReference", "c", "durationDays", 7))).isEqualTo("people");
		assertThat(problemField(Map.of("purpose", "p", "caseReference", "c", "people", List.of("HT1040"),
				"durationDays", 91))).isEqualTo("durationDays");
		assertThat(problemField(Map.of("purpose", "p", "caseReference", "c", "people", List.of("HT1040")))).isEqualTo(
				"durationDays");
		assertThat(problemField(Map.of("purpose", "p", "caseReference", "c", "people", List.of("HT1040"),
				"durationDays", 7, "kinds", List.of("LETTER")))).isEqualTo("kinds");
		assertThat(problemField(Map.of("caseReference", "c", "people", List.of("HT1040"), "durationDays", 7)))
			.isEqualTo("purpose");
		assertThat(problemField(Map.of("purpose", "p", "caseReference", "c", "departmentIds", List.of(99999999),
				"durationDays", 7))).isEqualTo("departmentIds");
		assertThat(problemField(Map.of("purpose", "p", "caseReference", "c", "people", List.of("HT1040"),
				"durationDays", 7, "from", "someday"))).isEqualTo("from");
		// an employee may not ask at all
		assertThat(api.post(Personas.EMPLOYEE, BASE).body(scope(person)).retrieve().toBodilessEntity().getStatusCode()
			.value()).isEqualTo(403);
	}

	String problemField(Map<String, Object> body) {
		var response = api.post(Personas.COMMUNICATION_OFFICER, BASE).body(body).retrieve().toEntity(Map.class);
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(400);
		assertThat(response.getHeaders().getContentType().toString()).contains("problem+json");
		return (String) ((Map<?, ?>) ((List<?>) response.getBody().get("errors")).getFirst()).get("field");
	}

	@Test
	@SuppressWarnings("unchecked")
	void departmentsResolveToTheirMembersIncludingSubDepartments() {
		Long marketing = jdbc.queryForObject("select department_id from dir_employee where employee_no = 'HT1040'",
				Long.class);
		var created = request(Personas.COMMUNICATION_OFFICER, Map.of("purpose", "p", "caseReference", "c",
				"departmentIds", List.of(marketing), "durationDays", 3));
		assertThat((List<Object>) created.get("parties")).contains("HT1040", "HT1041");
		assertThat((List<?>) created.get("people")).isEmpty();
	}

	@Test
	@SuppressWarnings("unchecked")
	void chineseWordsAreFoundWithinTheScopeOnly() {
		Instant now = Instant.now();
		long contract = record(RecordKind.MAIL, person, Classification.INTERNAL, now.minusSeconds(60),
				"采购事项 " + support.run, "关于采购合同的补充说明，请<b>查收</b>。");
		long minutes = record(RecordKind.CHAT_MESSAGE, person, Classification.INTERNAL, now.minusSeconds(30),
				"预算讨论 " + support.run, "会议纪要：讨论下季度预算");
		long chatContract = record(RecordKind.CHAT_MESSAGE, person, Classification.INTERNAL, now.minusSeconds(20),
				"聊天 " + support.run, "合同已经寄出");
		long outside = record(RecordKind.MAIL, outsider, Classification.INTERNAL, now.minusSeconds(10),
				"范围外 " + support.run, "另一份采购合同");
		long old = record(RecordKind.MAIL, person, Classification.INTERNAL, Instant.parse("2020-01-05T02:00:00Z"),
				"旧合同 " + support.run, "旧的合同");
		indexed(contract, minutes, chatContract, outside, old);
		long id = approvedRequest(Personas.COMMUNICATION_OFFICER, Personas.AUDITOR, scope(person));

		long before = accessRecords(id);
		Map<String, Object> result = search(id, "q=合同");
		assertThat(hitIds(result)).containsExactly(chatContract, contract, old);
		assertThat((List<Object>) result.get("terms")).containsExactly("合同");
		Map<?, ?> mailHit = hit(result, contract);
		assertThat((String) mailHit.get("snippetHtml")).contains("采购<mark>合同</mark>的补充说明")
			.contains("&lt;b&gt;查收&lt;/b&gt;").doesNotContain("<b>");
		assertThat(accessRecords(id)).isEqualTo(before + 1);
		assertThat(jdbc.queryForObject("""
				select detail from arc_access_event where request_id = ? and action = 'SEARCH' order by id desc limit 1""",
				String.class, id)).contains("\"q\":\"合同\"").contains("\"total\":3");

		// the filters narrow within the scope, never beyond it
		assertThat(hitIds(search(id, "q=合同&kind=MAIL"))).containsExactly(contract, old);
		assertThat(hitIds(search(id, "q=合同&from=2026-01-01"))).containsExactly(chatContract, contract);
		assertThat(hitIds(search(id, "q=合同&to=2020-12-31"))).containsExactly(old);
		assertThat(hitIds(search(id, "q=采购 合同"))).containsExactly(contract);
		assertThat(hitIds(search(id, "q=预算"))).containsExactly(minutes);
		assertThat(hitIds(search(id, "party=" + outsider))).isEmpty();
		assertThat(hitIds(search(id, "party=" + person))).contains(contract, minutes, chatContract, old);
		assertThat(hitIds(search(id, ""))).doesNotContain(outside).contains(contract, minutes, chatContract, old);
		assertThat(hitIds(search(id, "classification=CONFIDENTIAL"))).isEmpty();

		// a scope limited by kind and dates
		long mailsOnly = approvedRequest(Personas.COMMUNICATION_OFFICER, Personas.AUDITOR,
				Map.of("purpose", "p", "caseReference", "c", "people", List.of(person + " 测试人"), "kinds",
						List.of("MAIL"), "from", "2026-01-01", "durationDays", 1));
		assertThat(hitIds(search(mailsOnly, "q=合同"))).containsExactly(contract);
		assertThat(status(Personas.COMMUNICATION_OFFICER, BASE + "/{id}/entries/{e}", mailsOnly, chatContract))
			.isEqualTo(404);

		// bad filters are problems, not errors
		var reversed = api.get(Personas.COMMUNICATION_OFFICER, BASE + "/{id}/search?from=2026-03-02&to=2026-03-01", id)
			.retrieve().toEntity(Map.class);
		assertThat(reversed.getStatusCode().value()).isEqualTo(400);
		assertThat(reversed.getBody().toString()).contains("field=to");
	}

	@Test
	void notFoundWithoutAnActiveRequestOfOnesOwnOrOutsideTheScope() {
		long entry = record(RecordKind.MAIL, person, Classification.INTERNAL, Instant.now(), "合同 " + support.run, "合同");
		long foreign = record(RecordKind.MAIL, outsider, Classification.INTERNAL, Instant.now(), "合同 " + support.run,
				"合同");
		indexed(entry, foreign);
		String search = BASE + "/{id}/search?q=合同";
		String open = BASE + "/{id}/entries/{entry}";

		long pending = ((Number) request(Personas.COMMUNICATION_OFFICER, scope(person)).get("id")).longValue();
		assertThat(status(Personas.COMMUNICATION_OFFICER, search, pending)).isEqualTo(404);
		assertThat(status(Personas.COMMUNICATION_OFFICER, open, pending, entry)).isEqualTo(404);

		long id = approvedRequest(Personas.COMMUNICATION_OFFICER, Personas.AUDITOR, scope(person));
		assertThat(status(Personas.COMMUNICATION_OFFICER, search, id)).isEqualTo(200);
		assertThat(status(Personas.COMMUNICATION_OFFICER, open, id, entry)).isEqualTo(200);
		// out of scope, or no such entry
		assertThat(status(Personas.COMMUNICATION_OFFICER, open, id, foreign)).isEqualTo(404);
		assertThat(status(Personas.COMMUNICATION_OFFICER, open, id, 999_999_999L)).isEqualTo(404);
		// someone else's request: even the approver who approved it cannot search with it
		assertThat(status(Personas.AUDITOR, search, id)).isEqualTo(404);
		assertThat(status(Personas.AUDITOR, open, id, entry)).isEqualTo(404);
		long auditors = approvedRequestOfAuditor();
		assertThat(status(Personas.COMMUNICATION_OFFICER, BASE + "/{id}", auditors)).isEqualTo(404);
		assertThat(status(Personas.COMMUNICATION_OFFICER, search, auditors)).isEqualTo(404);
		// people without the permission are refused outright
		assertThat(status(Personas.EMPLOYEE, search, id)).isEqualTo(403);
		assertThat(status(Personas.EMPLOYEE, BASE + "/{id}", id)).isEqualTo(403);

		// after expiry
		jdbc.update("update arc_access_request set expires_at = now() - interval '1 minute' where id = ?", id);
		assertThat(status(Personas.COMMUNICATION_OFFICER, search, id)).isEqualTo(404);
		assertThat(status(Personas.COMMUNICATION_OFFICER, open, id, entry)).isEqualTo(404);
		assertThat(api.get(Personas.COMMUNICATION_OFFICER, BASE + "/{id}", id).retrieve().body(Map.class))
			.containsEntry("status", "EXPIRED");
	}

	/** A request of the auditor, approved by a second approver: a role with ARCHIVE_ACCESS_APPROVE for the admin. */
	long approvedRequestOfAuditor() {
		long id = ((Number) request(Personas.AUDITOR, scope(person)).get("id")).longValue();
		// approve directly as another account: the two-person rule only needs a different approver
		Long officer = jdbc.queryForObject("select id from sec_account where username = ?", Long.class,
				Personas.COMMUNICATION_OFFICER);
		jdbc.update("""
				update arc_access_request set status = 'APPROVED', decided_by_account_id = ?, decided_by_name = ?,
				    decided_at = now(), expires_at = now() + interval '1 day' where id = ?""", officer,
				Personas.COMMUNICATION_OFFICER, id);
		return id;
	}

	@Test
	void confidentialContentIsSearchableInScopeButNotWrittenToTheIndex() throws IOException {
		String secret = "zebracode" + support.run.replaceAll("[^a-z]", "q");
		String plainWord = "plainword" + support.run.replaceAll("[^a-z]", "q");
		String secretSentence = "董事会决议：收购" + secret + "项目的报价为八千万元";
		long confidential = record(RecordKind.MAIL, person, Classification.CONFIDENTIAL, Instant.now(),
				"保密邮件 " + support.run, secretSentence);
		long topSecret = record(RecordKind.MAIL, person, Classification.TOP_SECRET, Instant.now(),
				"绝密邮件 " + support.run, "绝密内容 " + secret);
		long plain = record(RecordKind.MAIL, person, Classification.INTERNAL, Instant.now(), "普通邮件 " + support.run,
				"普通内容 " + plainWord);
		indexed(confidential, topSecret, plain);

		// the index holds the plain entry's words, and none of the confidential content
		try (var directory = FSDirectory.open(index.directory()); var reader = DirectoryReader.open(directory)) {
			Terms terms = MultiTerms.getTerms(reader, "text");
			TermsEnum words = terms.iterator();
			assertThat(words.seekExact(new BytesRef(term(plainWord)))).isTrue();
			assertThat(words.seekExact(new BytesRef(term(secret)))).isFalse();
			// other entries (the demo's chat and mail) may use the word; the confidential entry must not be among them
			if (words.seekExact(new BytesRef("报价"))) {
				PostingsEnum docs = words.postings(null, PostingsEnum.NONE);
				StoredFields stored = reader.storedFields();
				for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
					assertThat(stored.document(doc).getField("id").numericValue().longValue()).isNotIn(confidential,
							topSecret);
				}
			}
		}
		byte[] secretBytes = term(secret).getBytes(StandardCharsets.UTF_8);
		byte[] sentenceBytes = "报价为八千万元".getBytes(StandardCharsets.UTF_8);
		List<Path> files = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(index.directory())) {
			walk.filter(Files::isRegularFile).forEach(files::add);
		}
		assertThat(files).isNotEmpty();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(index.directory()))).isEqualTo("rwx------");
		for (Path file : files) {
			byte[] bytes = Files.readAllBytes(file);
			assertThat(indexOf(bytes, secretBytes)).as("%s holds the secret", file).isEqualTo(-1);
			assertThat(indexOf(bytes, sentenceBytes)).as("%s holds the sentence", file).isEqualTo(-1);
		}

		// within an approved scope the content is matched by decrypting it
		long id = approvedRequest(Personas.COMMUNICATION_OFFICER, Personas.AUDITOR, scope(person));
		Map<String, Object> result = search(id, "q=" + secret);
		assertThat(hitIds(result)).containsExactlyInAnyOrder(confidential, topSecret);
		assertThat((String) hit(result, confidential).get("snippetHtml")).contains("<mark>" + secret + "</mark>");
		assertThat(hitIds(search(id, "q=报价"))).containsExactly(confidential);
		// the ceiling keeps 绝密 out even when its words match
		long ceiling = approvedRequest(Personas.COMMUNICATION_OFFICER, Personas.AUDITOR, Map.of("purpose", "p",
				"caseReference", "c", "people", List.of(person), "classificationCeiling", "CONFIDENTIAL",
				"durationDays", 1));
		assertThat(hitIds(search(ceiling, "q=" + secret))).containsExactly(confidential);
		assertThat(status(Personas.COMMUNICATION_OFFICER, BASE + "/{id}/entries/{e}", ceiling, topSecret))
			.isEqualTo(404);

		// opening it shows the decrypted content with its classification and chain position, and is recorded
		long before = accessRecords(id);
		Map<?, ?> record = api.get(Personas.COMMUNICATION_OFFICER, BASE + "/{id}/entries/{e}", id, confidential)
			.retrieve().body(Map.class);
		assertThat(record.get("content")).isEqualTo(secretSentence);
		assertThat(record.get("classification")).isEqualTo("CONFIDENTIAL");
		assertThat(record.get("position")).isNotNull();
		assertThat((String) record.get("entryHash")).hasSize(64);
		assertThat(accessRecords(id)).isEqualTo(before + 1);
		assertThat(jdbc.queryForObject("""
				select count(*) from arc_access_event e join arc_entry a on a.id = e.archive_entry_id
				where e.request_id = ? and e.action = 'VIEW' and e.entry_id = ? and a.kind = 'ACCESS_RECORD'""",
				Long.class, id, confidential)).isOne();

		// the searches for the secret word are recorded encrypted, so the word does not reach the index that way either
		Long lastRecord = jdbc.queryForObject("select max(archive_entry_id) from arc_access_event where request_id = ?",
				Long.class, id);
		assertThat(jdbc.queryForObject("select classification from arc_entry where id = ?", String.class, lastRecord))
			.isEqualTo("CONFIDENTIAL");
		indexed(lastRecord);
		try (var directory = FSDirectory.open(index.directory()); var reader = DirectoryReader.open(directory)) {
			assertThat(MultiTerms.getTerms(reader, "text").iterator().seekExact(new BytesRef(term(secret)))).isFalse();
		}
	}

	@Test
	void disposedContentLeavesTheIndex() throws IOException {
		String word = "disposedword" + support.run.replaceAll("[^a-z]", "q");
		long expired = record(RecordKind.CHAT_MESSAGE, person, Classification.INTERNAL,
				Instant.parse("2001-02-03T04:05:06Z"), "过期聊天 " + support.run, "过期内容 " + word);
		indexed(expired);
		assertThat(documentsWith(term(word))).isOne();

		var run = api.post(Personas.COMMUNICATION_OFFICER, "/api/v1/archive/disposals").body(Map.of("reason", "测试销毁"))
			.retrieve().toEntity(Map.class);
		assertThat(run.getStatusCode().is2xxSuccessful()).as("%s", run.getBody()).isTrue();
		Long certificate = jdbc.queryForObject("""
				select a.certificate_entry_id from arc_disposed_entry d join arc_disposal a on a.id = d.disposal_id
				where d.entry_id = ?""", Long.class, expired);
		indexed(certificate);

		assertThat(documentsWith(term(word))).isZero();
		assertThat(documentsWith("过期")).as("summary still indexed").isPositive();
		try (var directory = FSDirectory.open(index.directory()); var reader = DirectoryReader.open(directory)) {
			assertThat(MultiTerms.getTerms(reader, "text").iterator().seekExact(new BytesRef(term(word)))).isFalse();
		}
		// still found by what the chain keeps (its summary; 过期 alone segments as 过|期), no longer by its content
		long id = approvedRequest(Personas.COMMUNICATION_OFFICER, Personas.AUDITOR, scope(person));
		assertThat(hitIds(search(id, "q=过期"))).containsExactly(expired);
		assertThat(hitIds(search(id, "q=" + word))).isEmpty();
	}

	/** The word as the index stores it (lower-cased, English stemmed: a random suffix may lose its final e). */
	String term(String word) {
		List<String> words = index.words(word);
		assertThat(words).hasSize(1);
		return words.getFirst();
	}

	/** Live documents holding the indexed term (as {@link #term} gives it). */
	long documentsWith(String word) throws IOException {
		try (var directory = FSDirectory.open(index.directory()); var reader = DirectoryReader.open(directory)) {
			return new org.apache.lucene.search.IndexSearcher(reader)
				.count(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term("text", word)));
		}
	}

	@Test
	void exportsTheScopeOrTheHitsAsAPackageAndRecordsIt() throws IOException {
		Instant now = Instant.now();
		long contract = record(RecordKind.MAIL, person, Classification.INTERNAL, now, "导出一 " + support.run, "合同甲");
		long secret = record(RecordKind.MAIL, person, Classification.CONFIDENTIAL, now, "导出二 " + support.run,
				"机密合同乙");
		long budget = record(RecordKind.CHAT_MESSAGE, person, Classification.INTERNAL, now, "导出三 " + support.run,
				"预算");
		long foreign = record(RecordKind.MAIL, outsider, Classification.INTERNAL, now, "导出四 " + support.run, "合同丙");
		indexed(contract, secret, budget, foreign);
		long pending = ((Number) request(Personas.COMMUNICATION_OFFICER, scope(person)).get("id")).longValue();
		assertThat(status(Personas.COMMUNICATION_OFFICER, BASE + "/{id}/export", pending)).isEqualTo(404);
		long id = approvedRequest(Personas.COMMUNICATION_OFFICER, Personas.AUDITOR, scope(person));
		assertThat(status(Personas.AUDITOR, BASE + "/{id}/export", id)).isEqualTo(404);

		var hits = api.get(Personas.COMMUNICATION_OFFICER, BASE + "/{id}/export?q=合同", id).retrieve()
			.toEntity(byte[].class);
		assertThat(hits.getStatusCode().value()).isEqualTo(200);
		assertThat(hits.getHeaders().getContentType().toString()).isEqualTo("application/zip");
		String manifest = zipEntry(hits.getBody(), "manifest.json");
		assertThat(manifest).contains("{\"id\": " + contract + ",").contains("{\"id\": " + secret + ",")
			.doesNotContain("{\"id\": " + budget + ",").doesNotContain("{\"id\": " + foreign + ",");
		assertThat(jdbc.queryForObject("""
				select detail from arc_access_event e join arc_entry a on a.id = e.archive_entry_id
				where e.request_id = ? and e.action = 'EXPORT' and a.kind = 'ACCESS_RECORD' order by e.id desc limit 1""",
				String.class, id)).contains("\"q\":\"合同\"").contains(String.valueOf(secret));

		var all = api.get(Personas.COMMUNICATION_OFFICER, BASE + "/{id}/export", id).retrieve().toEntity(byte[].class);
		assertThat(zipEntry(all.getBody(), "manifest.json")).contains("{\"id\": " + budget + ",")
			.doesNotContain("{\"id\": " + foreign + ",");

		var nothing = api.get(Personas.COMMUNICATION_OFFICER, BASE + "/{id}/export?q=没有这个词语", id).retrieve()
			.toEntity(Map.class);
		assertThat(nothing.getStatusCode().value()).isEqualTo(400);
		assertThat(nothing.getBody().toString()).contains("field=q");
		assertThat(jdbc.queryForObject("select count(*) from arc_access_event where request_id = ? and action = 'EXPORT'",
				Long.class, id)).isEqualTo(2);
	}

	static String zipEntry(byte[] zip, String name) throws IOException {
		try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
			for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (entry.getName().equals(name)) {
					return new String(in.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
		}
		throw new AssertionError(name + " not in the package");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aRecordShowsItsRelatedEntriesBothWays() {
		long original = record(RecordKind.CHAT_MESSAGE, person, Classification.INTERNAL, Instant.now(),
				"原消息 " + support.run, "原文");
		long edit = support.record(NewArchiveEntry.text(RecordKind.CHAT_MESSAGE, "test-access", support.run + "-edit",
				NewArchiveEntry.Parties.of(person + " 测试人"), Classification.INTERNAL, Instant.now(), "修改 " + support.run,
				"改后的原文").withRelated(List.of(new NewArchiveEntry.Related(NewArchiveEntry.Relation.EDIT_OF,
						new ArchiveEntryId(original))))).value();
		indexed(original, edit);
		long id = approvedRequest(Personas.COMMUNICATION_OFFICER, Personas.AUDITOR, scope(person));
		Map<String, Object> opened = api.get(Personas.COMMUNICATION_OFFICER, BASE + "/{id}/entries/{e}", id, original)
			.retrieve().body(Map.class);
		assertThat((List<Object>) opened.get("referencedBy")).containsExactly(Map.of("relation", "EDIT_OF", "entryId",
				(int) edit));
		Map<String, Object> editView = api.get(Personas.COMMUNICATION_OFFICER, BASE + "/{id}/entries/{e}", id, edit)
			.retrieve().body(Map.class);
		assertThat((List<Object>) editView.get("related")).containsExactly(Map.of("relation", "EDIT_OF", "entryId",
				(int) original));
	}

	@Test
	void theIndexCatchesUpFromItsWatermark() {
		long before = index.watermark();
		long id = record(RecordKind.MAIL, person, Classification.INTERNAL, Instant.now(), "水位 " + support.run, "水位");
		long position = support.awaitSealed(id);
		index.catchUp();
		assertThat(index.watermark()).isGreaterThanOrEqualTo(position).isGreaterThan(before);
		assertThat(index.catchUp()).isGreaterThanOrEqualTo(0);
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> search(long id, String query) {
		var response = api.get(Personas.COMMUNICATION_OFFICER, BASE + "/" + id + "/search?" + query).retrieve()
			.toEntity(Map.class);
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
		return response.getBody();
	}

	static List<Long> hitIds(Map<String, Object> result) {
		List<?> items = (List<?>) ((Map<?, ?>) result.get("hits")).get("items");
		return items.stream().map(i -> ((Number) ((Map<?, ?>) i).get("entryId")).longValue()).toList();
	}

	static Map<?, ?> hit(Map<String, Object> result, long entryId) {
		List<?> items = (List<?>) ((Map<?, ?>) result.get("hits")).get("items");
		return items.stream().map(i -> (Map<?, ?>) i).filter(i -> ((Number) i.get("entryId")).longValue() == entryId)
			.findFirst().orElseThrow();
	}

	static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}
}
