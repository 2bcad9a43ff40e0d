package com.commhub.mail;

import static com.commhub.mail.MailTestSupport.MAIL;
import static com.commhub.mail.MailTestSupport.id;
import static com.commhub.mail.MailTestSupport.mail;
import static com.commhub.mail.MailTestSupport.person;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.commhub.Api;
import com.commhub.IntegrationTest;
import com.commhub.Personas;

/** MAIL-6: Chinese-aware search over one's own mails, with filters and escaped, highlighted snippets. */
@IntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class MailSearchIT {

	@Autowired
	JdbcTemplate jdbc;
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

	List<Map<String, Object>> search(String persona, String query, Object... vars) {
		var response = api.get(persona, MAIL + "/search?" + query, vars).retrieve().toEntity(Map.class);
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
		return (List<Map<String, Object>>) response.getBody().get("items");
	}

	@Test
	void findsChineseWordsInsideSentencesAndEscapesTheSnippet() {
		long other = mails.employee(Personas.OTHER_EMPLOYEE);
		String subject = "关于采购合同的补充说明 " + word;
		mails.sent(Personas.EMPLOYEE, mail(List.of(person(other)), subject,
				"<p>请审阅附件中的合同条款，价格 &lt;b&gt;不含税&lt;/b&gt; " + word + "。</p>"));
		long item = mails.itemId(Personas.OTHER_EMPLOYEE, "INBOX", subject);

		for (String query : List.of("合同", "采购合同", "补充说明", "合同条款")) {
			assertThat(search(Personas.OTHER_EMPLOYEE, "text={q} {w}", query, word))
				.as(query).extracting(h -> id(h, "itemId")).containsExactly(item);
		}
		Map<String, Object> hit = search(Personas.OTHER_EMPLOYEE, "text={q} {w}", "合同", word).get(0);
		assertThat((String) hit.get("subjectHtml")).contains("<mark>合同</mark>");
		String snippet = (String) hit.get("snippetHtml");
		assertThat(snippet).contains("<mark>合同</mark>").contains("&lt;b&gt;不含税&lt;/b&gt;").doesNotContain("<b>");
		assertThat(hit.get("senderName")).isEqualTo("林浩然");
		// a word that is not there, and a markup-looking query, find nothing and break nothing
		assertThat(search(Personas.OTHER_EMPLOYEE, "text={q} {w}", "发票", word)).isEmpty();
		assertThat(search(Personas.OTHER_EMPLOYEE, "text={q}", "<script>\"" + word + "*")).isEmpty();
		// the sender finds their copy, an outsider nothing
		assertThat(search(Personas.EMPLOYEE, "text={q} {w}", "合同", word)).hasSize(1);
		assertThat(search(Personas.AUDITOR, "text={q} {w}", "合同", word)).isEmpty();
	}

	@Test
	void filtersByPersonFolderDateAttachmentsClassificationFlagAndLabel() {
		long me = mails.employee(Personas.EMPLOYEE);
		long other = mails.employee(Personas.OTHER_EMPLOYEE);
		long auditor = mails.employee(Personas.AUDITOR);
		long file = mails.upload(Personas.EMPLOYEE, "清单.txt", "text/plain", "清单".getBytes(StandardCharsets.UTF_8));
		Map<String, Object> withFile = mail(List.of(person(other)), "展会物料 " + word, "<p>展会物料清单</p>");
		withFile.put("fileIds", List.of(file));
		withFile.put("classification", "INTERNAL");
		mails.sent(Personas.EMPLOYEE, withFile);
		Map<String, Object> publicOne = mail(List.of(person(other)), "展会日程 " + word, "<p>展会日程安排</p>");
		publicOne.put("classification", "PUBLIC");
		mails.sent(Personas.AUDITOR, publicOne);
		long fileItem = mails.itemId(Personas.OTHER_EMPLOYEE, "INBOX", "展会物料 " + word);
		long publicItem = mails.itemId(Personas.OTHER_EMPLOYEE, "INBOX", "展会日程 " + word);

		assertThat(search(Personas.OTHER_EMPLOYEE, "text={w}", word)).extracting(h -> id(h, "itemId"))
			.containsExactlyInAnyOrder(fileItem, publicItem);
		assertThat(search(Personas.OTHER_EMPLOYEE, "text={w}&person={p}", word, me)).extracting(h -> id(h, "itemId"))
			.containsExactly(fileItem);
		assertThat(search(Personas.OTHER_EMPLOYEE, "text={w}&person={p}", word, auditor)).extracting(h -> id(h, "itemId"))
			.containsExactly(publicItem);
		// person also matches recipients: the sender searching for the recipient
		assertThat(search(Personas.EMPLOYEE, "text={w}&person={p}", word, other)).hasSize(1);
		assertThat(search(Personas.OTHER_EMPLOYEE, "text={w}&attachments=true", word)).extracting(h -> id(h, "itemId"))
			.containsExactly(fileItem);
		assertThat(search(Personas.OTHER_EMPLOYEE, "text={w}&classification=公开", word)).extracting(h -> id(h, "itemId"))
			.containsExactly(publicItem);
		assertThat(search(Personas.OTHER_EMPLOYEE, "text={w}&folder=SENT", word)).isEmpty();
		assertThat(search(Personas.OTHER_EMPLOYEE, "text={w}&folder=INBOX", word)).hasSize(2);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		assertThat(search(Personas.OTHER_EMPLOYEE, "text={w}&from={d}", word, today.plusDays(1))).isEmpty();
		assertThat(search(Personas.OTHER_EMPLOYEE, "text={w}&from={d}&to={d}", word, today, today)).hasSize(2);

		long label = id(api.post(Personas.OTHER_EMPLOYEE, MAIL + "/labels").body(Map.of("name", "展会 " + word)).retrieve().body(Map.class), "id");
		api.patch(Personas.OTHER_EMPLOYEE, MAIL + "/" + publicItem).body(Map.of("flagged", true, "labelIds", List.of(label)))
			.retrieve().toBodilessEntity();
		assertThat(search(Personas.OTHER_EMPLOYEE, "text={w}&flagged=true", word)).extracting(h -> id(h, "itemId"))
			.containsExactly(publicItem);
		assertThat(search(Personas.OTHER_EMPLOYEE, "label={l}", label)).extracting(h -> id(h, "itemId"))
			.containsExactly(publicItem);
		// moved to the archive folder, found there
		api.patch(Personas.OTHER_EMPLOYEE, MAIL + "/" + fileItem).body(Map.of("folder", "ARCHIVE")).retrieve().toBodilessEntity();
		assertThat(search(Personas.OTHER_EMPLOYEE, "text={w}&folder=ARCHIVE", word)).extracting(h -> id(h, "itemId"))
			.containsExactly(fileItem);

		// bad filters are field errors
		assertThat(api.get(Personas.OTHER_EMPLOYEE, MAIL + "/search?from=yesterday").retrieve().toEntity(String.class)
			.getBody()).contains("\"field\":\"from\"");
		assertThat(api.get(Personas.OTHER_EMPLOYEE, MAIL + "/search?classification=x").retrieve().toEntity(String.class)
			.getBody()).contains("\"field\":\"classification\"");
		assertThat(api.get(Personas.EMPLOYEE, MAIL + "/search?label={l}", label).retrieve().toEntity(String.class)
			.getStatusCode().value()).isEqualTo(404);
	}
}
