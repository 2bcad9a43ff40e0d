package com.commhub.files;

import static com.commhub.files.FileUploads.image;
import static com.commhub.files.FileUploads.sha256;
import static com.commhub.files.FileUploads.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import com.commhub.Api;
import com.commhub.IntegrationTest;
import com.commhub.Personas;
import com.commhub.WebSession;
import com.commhub.files.internal.FileProperties;
import com.commhub.security.CommHubUser;
import com.commhub.shared.BusinessRuleException;

/**
 * Uploads and downloads over the real HTTP interface (API and pages) against the embedded PostgreSQL and the local
 * storage: Chinese file names, limits, refused types and disguised content, thumbnails of real images, decompression
 * bombs, and 404 for anyone who is neither the uploader nor granted by a content module.
 */
@IntegrationTest
class FilesIT {

	@LocalServerPort
	int port;
	@Autowired
	JdbcTemplate jdbc;
	@Autowired
	FileProperties properties;
	@Autowired
	Files files;

	Api api;
	final String run = UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aChineseNamedFileMakesTheRoundTripAndIsKeptOnceByItsHash() {
		byte[] content = ("第三季度报告：营业收入同比增长 12%。" + run).getBytes(StandardCharsets.UTF_8);
		String name = "季度报告 " + run + ".txt";
		ResponseEntity<Map<String, Object>> created = upload(api, Personas.EMPLOYEE, name, "text/plain", content);

		assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
		Map<String, Object> body = created.getBody();
		long id = ((Number) body.get("id")).longValue();
		assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/files/" + id);
		assertThat(body).containsEntry("name", name)
			.containsEntry("contentType", "text/plain")
			.containsEntry("sha256", sha256(content))
			.containsEntry("image", false)
			.containsEntry("thumbnail", false);
		assertThat(((Number) body.get("size")).longValue()).isEqualTo(content.length);
		assertThat(body.get("uploaderEmployeeId")).isNotNull();

		var metadata = api.get(Personas.EMPLOYEE, "/api/v1/files/{id}", id).retrieve().toEntity(Map.class);
		assertThat(metadata.getStatusCode().value()).isEqualTo(200);
		assertThat(metadata.getBody()).containsEntry("name", name);

		ResponseEntity<byte[]> download = api.get(Personas.EMPLOYEE, "/api/v1/files/{id}/content", id)
			.retrieve()
			.toEntity(byte[].class);
		assertThat(download.getStatusCode().value()).isEqualTo(200);
		assertThat(download.getBody()).isEqualTo(content);
		assertUntrustedContentHeaders(download.getHeaders());
		String disposition = download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
		assertThat(disposition).startsWith("attachment;")
			.contains("filename*=UTF-8''%E5%AD%A3%E5%BA%A6%E6%8A%A5%E5%91%8A%20" + run + ".txt");
		assertThat(org.springframework.http.ContentDisposition.parse(disposition).getFilename()).isEqualTo(name);

		// the same bytes again: a second file, one stored object
		var again = upload(api, Personas.OTHER_EMPLOYEE, "副本.txt", "text/plain", content);
		assertThat(again.getStatusCode().value()).isEqualTo(201);
		assertThat(again.getBody()).containsEntry("sha256", sha256(content));
		assertThat(((Number) again.getBody().get("id")).longValue()).isNotEqualTo(id);
		String sha = sha256(content);
		Path object = properties.getDir().resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
		assertThat(object).exists().hasBinaryContent(content);
		assertThat(properties.getDir().resolve("tmp")).isEmptyDirectory();
	}

	@Test
	void aFileOfSomeoneElseIsNotFoundUntilAContentModuleGrantsIt() {
		long id = uploadedId(Personas.EMPLOYEE, "名单.csv", "text/csv", "工号,姓名\nHT1040,林浩然\n".getBytes(StandardCharsets.UTF_8));

		for (String path : List.of("/api/v1/files/{id}", "/api/v1/files/{id}/content", "/api/v1/files/{id}/thumbnail")) {
			assertThat(api.get(Personas.OTHER_EMPLOYEE, path, id).retrieve().toBodilessEntity().getStatusCode().value())
				.as(path).isEqualTo(404);
			// no role reads other people's files: not even the administrator or the auditor
			assertThat(api.get(Personas.ADMIN, path, id).retrieve().toBodilessEntity().getStatusCode().value())
				.as(path).isEqualTo(404);
			assertThat(api.get(Personas.AUDITOR, path, id).retrieve().toBodilessEntity().getStatusCode().value())
				.as(path).isEqualTo(404);
		}
		WebSession other = new WebSession(port);
		other.signIn(Personas.OTHER_EMPLOYEE);
		assertThat(other.get("/files/" + id).statusCode()).isEqualTo(404);
		assertThat(api.get(Personas.OTHER_EMPLOYEE, "/api/v1/files/{id}", 999_999_999L).retrieve().toBodilessEntity()
			.getStatusCode().value()).isEqualTo(404);

		TestFileReadGrant.grant(id, accountId(Personas.OTHER_EMPLOYEE));

		// text is served as stored, without a charset (it may be GBK as well as UTF-8)
		assertThat(new String(api.get(Personas.OTHER_EMPLOYEE, "/api/v1/files/{id}/content", id).retrieve()
			.toEntity(byte[].class).getBody(), StandardCharsets.UTF_8)).contains("林浩然");
		var page = other.get("/files/" + id);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("HT1040,林浩然");
		assertThat(page.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;")
			.contains("filename*=UTF-8''%E5%90%8D%E5%8D%95.csv");
		assertThat(page.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
		assertThat(page.headers().allValues("Content-Security-Policy")).containsExactly("sandbox");
		// the grant is for this reader only
		assertThat(api.get(Personas.AUDITOR, "/api/v1/files/{id}/content", id).retrieve().toBodilessEntity()
			.getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void tooLargeAndEmptyUploadsAreRefusedOnTheFileField() {
		byte[] tooLarge = new byte[(int) properties.getMaxSize().toBytes() + 1];
		Arrays.fill(tooLarge, (byte) 'a');
		assertRefused(upload(api, Personas.EMPLOYEE, "大文件.txt", "text/plain", tooLarge), "files.error.tooLarge");
		assertThat(upload(api, Personas.EMPLOYEE, "大文件.txt", "text/plain", tooLarge).getBody().get("detail"))
			.asString().contains("20 MB");
		assertRefused(upload(api, Personas.EMPLOYEE, "空.txt", "text/plain", new byte[0]), "files.error.empty");

		// larger than the multipart limit: refused before the module sees it
		var huge = upload(api, Personas.EMPLOYEE, "巨大.txt", "text/plain", new byte[26 * 1024 * 1024]);
		assertThat(huge.getStatusCode().value()).isEqualTo(413);

		// no part at all
		var missing = api.post(Personas.EMPLOYEE, "/api/v1/files").body(Map.of()).retrieve().toEntity(Map.class);
		assertThat(missing.getStatusCode().value()).isEqualTo(400);
	}

	@Test
	void executablesScriptsAndActiveContentAreRefused() {
		byte[] pe = "MZ\u0090\u0000 This program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1);
		byte[] elf = new byte[] { 0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0 };
		byte[] text = "普通文本".getBytes(StandardCharsets.UTF_8);
		byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
		String refused = "files.error.typeNotAllowed";
		assertRefused(upload(api, Personas.EMPLOYEE, "安装程序.exe", "application/octet-stream", pe), refused);
		// by magic bytes, whatever the name says
		assertRefused(upload(api, Personas.EMPLOYEE, "报告.pdf", "application/pdf", pe), refused);
		assertRefused(upload(api, Personas.EMPLOYEE, "说明.txt", "text/plain", elf), refused);
		assertRefused(upload(api, Personas.EMPLOYEE, "脚本.txt", "text/plain",
				"#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8)), refused);
		assertRefused(upload(api, Personas.EMPLOYEE, "deploy.sh", "text/plain", text), refused);
		assertRefused(upload(api, Personas.EMPLOYEE, "报告.pdf.exe", "application/pdf", text), refused);
		assertRefused(upload(api, Personas.EMPLOYEE, "宏.js", "text/javascript", text), refused);
		// SVG is never an image: it carries scripts
		assertRefused(upload(api, Personas.EMPLOYEE, "标志.svg", "image/svg+xml", svg), refused);
		assertRefused(upload(api, Personas.EMPLOYEE, "标志.png", "image/svg+xml", image("png", 20, 20)), refused);
		assertRefused(upload(api, Personas.EMPLOYEE, "页面.html", "text/html", text), refused);
		assertRefused(upload(api, Personas.EMPLOYEE, "无扩展名", "application/octet-stream", text), refused);
		var answer = upload(api, Personas.EMPLOYEE, "安装程序.exe", "application/octet-stream", pe);
		assertThat(answer.getBody().get("detail")).asString().contains("png").contains("pdf").contains("docx")
			.doesNotContain("exe");
		// a PDF that is not one
		assertRefused(upload(api, Personas.EMPLOYEE, "合同.pdf", "application/pdf", text), "files.error.contentMismatch");
		assertThat(jdbc.queryForObject("select count(*) from file_object where name like ?", Long.class,
				"%安装程序%")).isZero();
	}

	@Test
	void aDeclaredImageMustBeThatImage() {
		byte[] jpeg = image("jpeg", 40, 30);
		String mismatch = "files.error.contentMismatch";
		assertRefused(upload(api, Personas.EMPLOYEE, "照片.png", "image/png", jpeg), mismatch);
		assertRefused(upload(api, Personas.EMPLOYEE, "照片.jpg", "image/png", jpeg), mismatch);
		assertRefused(upload(api, Personas.EMPLOYEE, "照片.jpg", "image/jpeg",
				"<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)), mismatch);
		assertRefused(upload(api, Personas.EMPLOYEE, "笔记.txt", "image/gif",
				"GIF? no".getBytes(StandardCharsets.UTF_8)), mismatch);
		// the extension decides the type; a generic declared type is fine when the bytes agree
		var ok = upload(api, Personas.EMPLOYEE, "照片.JPG", "application/octet-stream", jpeg);
		assertThat(ok.getStatusCode().value()).isEqualTo(201);
		assertThat(ok.getBody()).containsEntry("contentType", "image/jpeg").containsEntry("image", true);
	}

	@Test
	void realPngJpegAndGifImagesGetThumbnailsThatFitTheBox() throws IOException {
		byte[] png = image("png", 1000, 500);
		var pngFile = upload(api, Personas.EMPLOYEE, "截图 " + run + ".png", "image/png", png);
		assertThat(pngFile.getStatusCode().value()).as("%s", pngFile.getBody()).isEqualTo(201);
		assertThat(pngFile.getBody()).containsEntry("image", true).containsEntry("thumbnail", true);
		long pngId = ((Number) pngFile.getBody().get("id")).longValue();

		ResponseEntity<byte[]> thumb = api.get(Personas.EMPLOYEE, "/api/v1/files/{id}/thumbnail", pngId).retrieve()
			.toEntity(byte[].class);
		assertThat(thumb.getStatusCode().value()).isEqualTo(200);
		assertThat(thumb.getHeaders().getContentType()).hasToString("image/png");
		assertUntrustedContentHeaders(thumb.getHeaders());
		BufferedImage pngThumb = ImageIO.read(new ByteArrayInputStream(thumb.getBody()));
		assertThat(pngThumb.getWidth()).isEqualTo(320);
		assertThat(pngThumb.getHeight()).isEqualTo(160);
		assertThat(pngThumb.getColorModel().hasAlpha()).isTrue();
		// unchanged: 304 on revalidation
		String etag = thumb.getHeaders().getETag();
		assertThat(etag).isNotBlank();
		assertThat(api.get(Personas.EMPLOYEE, "/api/v1/files/{id}/thumbnail", pngId)
			.header(HttpHeaders.IF_NONE_MATCH, etag).retrieve().toBodilessEntity().getStatusCode().value())
			.isEqualTo(304);

		// the image itself is shown inline, still sandboxed
		ResponseEntity<byte[]> original = api.get(Personas.EMPLOYEE, "/api/v1/files/{id}/content", pngId).retrieve()
			.toEntity(byte[].class);
		assertThat(original.getBody()).isEqualTo(png);
		assertThat(original.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("inline;");
		assertUntrustedContentHeaders(original.getHeaders());

		long jpegId = uploadedId(Personas.EMPLOYEE, "现场照片.jpeg", "image/jpeg", image("jpeg", 800, 1200));
		ResponseEntity<byte[]> jpegThumb = api.get(Personas.EMPLOYEE, "/api/v1/files/{id}/thumbnail", jpegId)
			.retrieve().toEntity(byte[].class);
		assertThat(jpegThumb.getHeaders().getContentType()).hasToString("image/jpeg");
		BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpegThumb.getBody()));
		assertThat(decoded.getWidth()).isEqualTo(213);
		assertThat(decoded.getHeight()).isEqualTo(320);

		// small images are not enlarged; GIF thumbnails are PNG
		long gifId = uploadedId(Personas.EMPLOYEE, "动图.gif", "image/gif", image("gif", 100, 50));
		ResponseEntity<byte[]> gifThumb = api.get(Personas.EMPLOYEE, "/api/v1/files/{id}/thumbnail", gifId)
			.retrieve().toEntity(byte[].class);
		assertThat(gifThumb.getHeaders().getContentType()).hasToString("image/png");
		BufferedImage small = ImageIO.read(new ByteArrayInputStream(gifThumb.getBody()));
		assertThat(small.getWidth()).isEqualTo(100);
		assertThat(small.getHeight()).isEqualTo(50);
		// the pages serve the same thumbnail with the session, for <img src>
		WebSession browser = new WebSession(port);
		browser.signIn(Personas.EMPLOYEE);
		var pageThumb = browser.get("/files/" + gifId + "/thumbnail");
		assertThat(pageThumb.statusCode()).isEqualTo(200);
		assertThat(pageThumb.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");
		assertThat(pageThumb.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline;");
		assertThat(pageThumb.headers().allValues("Content-Security-Policy")).containsExactly("sandbox");

		// a file that is not an image has no thumbnail
		long textId = uploadedId(Personas.EMPLOYEE, "说明.txt", "text/plain", "无缩略图".getBytes(StandardCharsets.UTF_8));
		assertThat(api.get(Personas.EMPLOYEE, "/api/v1/files/{id}/thumbnail", textId).retrieve().toBodilessEntity()
			.getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void aDecompressionBombIsRefusedBeforeItIsDecoded() {
		// 10,000 × 5,000 pixels (50 M, 200 MB decoded) in a file of a few hundred kilobytes
		byte[] bomb = FileUploads.pngBomb(10_000, 5_000);
		assertThat(bomb.length).isLessThan(1024 * 1024);
		long before = Runtime.getRuntime().totalMemory();
		var answer = upload(api, Personas.EMPLOYEE, "炸弹.png", "image/png", bomb);
		assertRefused(answer, "files.error.imageTooLarge");
		assertThat(answer.getBody().get("detail")).asString().contains("10,000").contains("5,000");
		assertThat(jdbc.queryForObject("select count(*) from file_object where sha256 = ?", Long.class,
				sha256(bomb))).isZero();
		assertThat(Runtime.getRuntime().totalMemory() - before).isLessThan(150L * 1024 * 1024);

		// just under the limit is fine and gets a thumbnail
		byte[] large = FileUploads.pngBomb(8_000, 5_000);
		var accepted = upload(api, Personas.EMPLOYEE, "大图.png", "image/png", large);
		assertThat(accepted.getStatusCode().value()).as("%s", accepted.getBody()).isEqualTo(201);
		assertThat(accepted.getBody()).containsEntry("thumbnail", true);
	}

	@Test
	void pagesUploadWithTheCsrfTokenAndGetJson() {
		WebSession browser = new WebSession(port);
		browser.signIn(Personas.EMPLOYEE);
		browser.get("/");
		byte[] content = ("页面上传 " + run).getBytes(StandardCharsets.UTF_8);
		var created = browser.postFile("/files", "file", "页面上传.txt", "text/plain", content);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		assertThat(created.body()).contains("\"name\":\"页面上传.txt\"").contains("\"sha256\":\"" + sha256(content));
		assertThat(created.headers().firstValue("Location").orElseThrow()).matches("/files/\\d+");
		var download = browser.get(created.headers().firstValue("Location").orElseThrow());
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo("页面上传 " + run);

		var refused = browser.postFile("/files", "file", "病毒.exe", "application/octet-stream",
				"MZ...".getBytes(StandardCharsets.US_ASCII));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(refused.body()).contains("\"field\":\"file\"").contains("不允许上传");

		// signed in, but without the CSRF token: refused
		HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL).build();
		String base = "http://localhost:" + port;
		var login = send(client, HttpRequest.newBuilder(URI.create(base + "/login")).GET());
		var token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.body());
		assertThat(token.find()).isTrue();
		var signedIn = send(client, HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + Personas.EMPLOYEE + "&password="
					+ java.net.URLEncoder.encode(Personas.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
					+ java.net.URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))));
		assertThat(signedIn.uri().getPath()).isNotEqualTo("/login");
		String boundary = "----forged";
		var noToken = send(client, HttpRequest.newBuilder(URI.create(base + "/files"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(FileUploads.multipart(boundary, "x.txt", "text/plain",
					content))));
		assertThat(noToken.statusCode()).isEqualTo(403);

		// as the page scripts send it: the header token and Accept: application/json, for answers and refusals
		var home = send(client, HttpRequest.newBuilder(URI.create(base + "/")).GET());
		var pageToken = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(home.body());
		assertThat(pageToken.find()).isTrue();
		var scripted = send(client, HttpRequest.newBuilder(URI.create(base + "/files"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "application/json")
			.header("X-CSRF-TOKEN", pageToken.group(1))
			.POST(HttpRequest.BodyPublishers.ofByteArray(FileUploads.multipart(boundary, "脚本上传.txt", "text/plain",
					content))));
		assertThat(scripted.statusCode()).as(scripted.body()).isEqualTo(201);
		assertThat(scripted.body()).contains("\"name\":\"脚本上传.txt\"");
		var scriptedRefusal = send(client, HttpRequest.newBuilder(URI.create(base + "/files"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "application/json")
			.header("X-CSRF-TOKEN", pageToken.group(1))
			.POST(HttpRequest.BodyPublishers.ofByteArray(FileUploads.multipart(boundary, "图.png", "image/png",
					content))));
		assertThat(scriptedRefusal.statusCode()).as(scriptedRefusal.body()).isEqualTo(400);
		assertThat(scriptedRefusal.body()).contains("\"field\":\"file\"").contains("files.error.contentMismatch");
	}

	@Test
	void contentModulesAttachOnlyTheirOwnUploads() {
		long mine = uploadedId(Personas.EMPLOYEE, "a.txt", "text/plain", ("a " + run).getBytes(StandardCharsets.UTF_8));
		long mine2 = uploadedId(Personas.EMPLOYEE, "b.txt", "text/plain", ("b " + run).getBytes(StandardCharsets.UTF_8));
		long theirs = uploadedId(Personas.OTHER_EMPLOYEE, "c.txt", "text/plain", ("c " + run).getBytes(StandardCharsets.UTF_8));

		actAs(Personas.EMPLOYEE);
		assertThat(files.requireOwnUploads(List.of(mine2, mine, mine2))).extracting(StoredFile::id)
			.containsExactly(mine2, mine);
		assertThat(files.requireOwnUploads(List.of())).isEmpty();
		assertThatThrownBy(() -> files.requireOwnUploads(List.of(mine, theirs)))
			.isInstanceOfSatisfying(BusinessRuleException.class, ex -> {
				assertThat(ex.field()).isEqualTo("fileIds");
				assertThat(ex.messageCode()).isEqualTo("files.error.notYours");
			});
		assertThatThrownBy(() -> files.requireOwnUploads(List.of(999_999_999L)))
			.isInstanceOf(BusinessRuleException.class);
		assertThat(files.findForCurrentUser(theirs)).isEmpty();
		assertThat(files.openForCurrentUser(theirs, false)).isEmpty();
		assertThatThrownBy(() -> files.requireReadable(List.of(theirs))).isInstanceOf(BusinessRuleException.class);
		TestFileReadGrant.grant(theirs, accountId(Personas.EMPLOYEE));
		assertThat(files.requireReadable(List.of(theirs, mine))).extracting(StoredFile::id).containsExactly(theirs, mine);
		// metadata without a check, for modules that checked the message
		assertThat(files.file(theirs).name()).isEqualTo("c.txt");
		assertThat(files.files(List.of(theirs, 999_999_999L, mine))).extracting(StoredFile::id)
			.containsExactly(theirs, mine);
	}

	private void actAs(String username) {
		Map<String, Object> account = jdbc.queryForMap("select id, employee_id from sec_account where username = ?",
				username);
		CommHubUser user = new CommHubUser(((Number) account.get("id")).longValue(), username, username,
				((Number) account.get("employee_id")).longValue(), null, true);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
	}

	private long accountId(String username) {
		return jdbc.queryForObject("select id from sec_account where username = ?", Long.class, username);
	}

	private long uploadedId(String persona, String name, String type, byte[] content) {
		var created = upload(api, persona, name, type, content);
		assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
		return ((Number) created.getBody().get("id")).longValue();
	}

	private static void assertRefused(ResponseEntity<Map<String, Object>> answer, String code) {
		assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(400);
		assertThat(answer.getBody().get("type")).asString().endsWith("/" + code);
		assertThat(answer.getBody().get("errors")).asString().contains("field=file");
	}

	private static void assertUntrustedContentHeaders(HttpHeaders headers) {
		assertThat(headers.get("X-Content-Type-Options")).containsExactly("nosniff");
		assertThat(headers.get("Content-Security-Policy")).containsExactly("sandbox");
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
