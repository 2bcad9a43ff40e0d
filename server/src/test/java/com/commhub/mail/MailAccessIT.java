package com.commhub.mail;

import static com.commhub.mail.MailTestSupport.MAIL;
import static com.commhub.mail.MailTestSupport.id;
import static com.commhub.mail.MailTestSupport.mail;
import static com.commhub.mail.MailTestSupport.person;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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

/**
 * Nobody reads a mail they are not party to: not the mail, not its attachments, not through search, not through
 * replies or threads, administrators included (404 everywhere). A hidden item loses its access too.
 */
@IntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class MailAccessIT {

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

	int status(String persona, String method, String uri) {
		var spec = switch (method) {
			case "GET" -> api.get(persona, uri);
			case "DELETE" -> api.delete(persona, uri);
			case "PATCH" -> api.patch(persona, uri).body(Map.of("flagged", true));
			case "POST" -> api.post(persona, uri).body(Map.of());
			default -> throw new IllegalArgumentException(method);
		};
		return spec.retrieve().toEntity(String.class).getStatusCode().value();
	}

	@Test
	void nonRecipientsGet404ForTheMailItsAttachmentsAndSearch() {
		long other = mails.employee(Personas.OTHER_EMPLOYEE);
		long file = mails.upload(Personas.EMPLOYEE, "报价单 " + word + ".txt", "text/plain",
				("报价 " + word).getBytes(StandardCharsets.UTF_8));
		String subject = "机密报价 " + word;
		Map<String, Object> body = mail(List.of(person(other)), subject, "<p>报价明细 " + word + "</p>");
		body.put("classification", "机密");
		body.put("fileIds", List.of(file));
		Map<String, Object> sent = mails.sent(Personas.EMPLOYEE, body);
		assertThat(sent.get("classification")).isEqualTo("CONFIDENTIAL");
		assertThat((List) sent.get("attachments")).hasSize(1);
		long item = mails.itemId(Personas.OTHER_EMPLOYEE, "INBOX", subject);
		long senderItem = id(sent, "itemId");

		// the recipient reads the mail and its attachment
		Map<String, Object> theirs = mails.open(Personas.OTHER_EMPLOYEE, item);
		assertThat((List) theirs.get("attachments")).hasSize(1);
		assertThat(status(Personas.OTHER_EMPLOYEE, "GET", "/api/v1/files/" + file + "/content")).isEqualTo(200);

		for (String outsider : List.of(Personas.COMMUNICATION_OFFICER, Personas.AUDITOR, Personas.DEPARTMENT_HEAD,
				Personas.ADMIN)) {
			for (long id : List.of(item, senderItem)) {
				assertThat(status(outsider, "GET", MAIL + "/" + id)).as(outsider).isEqualTo(404);
				assertThat(status(outsider, "PATCH", MAIL + "/" + id)).as(outsider).isEqualTo(404);
				assertThat(status(outsider, "DELETE", MAIL + "/" + id)).as(outsider).isEqualTo(404);
				assertThat(status(outsider, "POST", MAIL + "/" + id + "/restore")).as(outsider).isEqualTo(404);
				assertThat(status(outsider, "GET", MAIL + "/" + id + "/thread")).as(outsider).isEqualTo(404);
				assertThat(status(outsider, "GET", MAIL + "/" + id + "/reply?kind=FORWARD")).as(outsider).isEqualTo(404);
			}
			assertThat(status(outsider, "GET", "/api/v1/files/" + file + "/content")).as(outsider).isEqualTo(404);
			assertThat(status(outsider, "GET", "/api/v1/files/" + file)).as(outsider).isEqualTo(404);
			Map<String, Object> hits = api.get(outsider, MAIL + "/search?text={t}", word).retrieve().body(Map.class);
			assertThat((List) hits.get("items")).as(outsider).isEmpty();
			assertThat(api.get(outsider, MAIL + "/search?text={t}", word).retrieve().body(String.class)).doesNotContain(word);
		}
		// the sender's item is the sender's alone, the recipient's the recipient's
		assertThat(status(Personas.OTHER_EMPLOYEE, "GET", MAIL + "/" + senderItem)).isEqualTo(404);
		assertThat(status(Personas.EMPLOYEE, "GET", MAIL + "/" + item)).isEqualTo(404);
		// the recipient finds it by subject (the body of 机密 mail is not indexed)
		Map<String, Object> found = api.get(Personas.OTHER_EMPLOYEE, MAIL + "/search?text={t}", word).retrieve().body(Map.class);
		assertThat((List<Map<String, Object>>) found.get("items")).extracting(h -> id(h, "itemId")).containsExactly(item);

		// forwarding someone else's file needs access to it: an outsider cannot attach it
		var refused = mails.send(Personas.COMMUNICATION_OFFICER, Map.of("to", List.of(person(other)), "subject", "转发 " + word,
				"bodyHtml", "x", "fileIds", List.of(file)));
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody().toString()).contains("field=fileIds");
		// replying to a mail one cannot see is refused too
		var foreignReply = mails.send(Personas.COMMUNICATION_OFFICER, Map.of("to", List.of(person(other)), "subject", "Re " + word,
				"bodyHtml", "x", "replyToMailId", id(sent, "mailId")));
		assertThat(foreignReply.getStatusCode().value()).isEqualTo(400);
		assertThat(foreignReply.getBody().toString()).contains("field=replyToMailId");

		// the recipient may forward it with its attachment (read through the mail), the forward's recipient reads it
		Map<String, Object> forward = api.get(Personas.OTHER_EMPLOYEE, MAIL + "/" + item + "/reply?kind=FORWARD").retrieve().body(Map.class);
		assertThat((List) forward.get("fileIds")).containsExactly((int) file);
		Map<String, Object> forwardBody = new java.util.HashMap<>(forward);
		forwardBody.put("to", List.of(person(mails.employee(Personas.DEPARTMENT_HEAD))));
		mails.sent(Personas.OTHER_EMPLOYEE, forwardBody);
		assertThat(status(Personas.DEPARTMENT_HEAD, "GET", "/api/v1/files/" + file + "/content")).isEqualTo(200);

		// once the recipient deleted the mail and their forward for good, the mails and the file are gone for them
		long forwardItem = mails.itemId(Personas.OTHER_EMPLOYEE, "SENT", "Fwd: " + subject);
		for (long hidden : List.of(item, forwardItem)) {
			api.delete(Personas.OTHER_EMPLOYEE, MAIL + "/" + hidden).retrieve().toBodilessEntity();
			assertThat(status(Personas.OTHER_EMPLOYEE, "GET", "/api/v1/files/" + file + "/content"))
				.as("still readable through the other mail").isEqualTo(200);
			api.delete(Personas.OTHER_EMPLOYEE, MAIL + "/" + hidden).retrieve().toBodilessEntity();
			assertThat(status(Personas.OTHER_EMPLOYEE, "GET", MAIL + "/" + hidden)).isEqualTo(404);
		}
		assertThat(status(Personas.OTHER_EMPLOYEE, "GET", "/api/v1/files/" + file + "/content")).isEqualTo(404);
		Map<String, Object> afterHide = api.get(Personas.OTHER_EMPLOYEE, MAIL + "/search?text={t}", word).retrieve().body(Map.class);
		assertThat((List) afterHide.get("items")).isEmpty();
	}

	@Test
	void theAdministratorHasNoMailbox() {
		assertThat(status(Personas.ADMIN, "GET", MAIL + "?folder=INBOX")).isEqualTo(200);
		var refused = mails.send(Personas.ADMIN, mail(List.of(person(mails.employee(Personas.EMPLOYEE))), "管理员 " + word, "x"));
		assertThat(refused.getStatusCode().value()).isEqualTo(409);
		assertThat(api.get(Personas.ADMIN, MAIL + "/unread").retrieve().body(Map.class).get("unread")).isEqualTo(0);
		assertThat(status(Personas.ADMIN, "GET", MAIL + "/drafts/1")).isEqualTo(404);
		assertThat(status(Personas.EMPLOYEE, "GET", MAIL + "/folders/999999999")).isIn(404, 405);
		assertThat(api.put(Personas.EMPLOYEE, MAIL + "/folders/999999999").body(Map.of("name", "x")).retrieve()
			.toEntity(String.class).getStatusCode().value()).isEqualTo(404);
	}
}
