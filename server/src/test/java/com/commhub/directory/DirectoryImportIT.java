package com.commhub.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.commhub.Api;
import com.commhub.IntegrationTest;
import com.commhub.Personas;

/** DIR-7 over HTTP: upload → dry-run report → confirm, for CSV and XLSX, with every kind of bad row. */
@IntegrationTest
class DirectoryImportIT {

	@LocalServerPort
	int port;

	Api api;

	/** Makes this run's codes and 工号 unique in the shared database. */
	String s;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		s = UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
	}

	@Test
	void cleanCsvFilesImportDepartmentsThenEmployees() {
		String departments = """
				code,name,parent_code
				IMA%1$s,导入测试部%1$s,XS
				IMB%1$s,导入测试组%1$s,IMA%1$s
				""".formatted(s);
		var report = upload("departments", "departments.csv", departments.getBytes(StandardCharsets.UTF_8));
		assertThat(report.getStatusCode().value()).isEqualTo(200);
		assertThat(report.getBody()).containsEntry("valid", true).containsEntry("rows", 2)
			.containsEntry("kind", "departments");
		assertThat((List<?>) report.getBody().get("errors")).isEmpty();

		var created = confirm(report.getBody().get("id"));
		assertThat(created.getStatusCode().value()).isEqualTo(200);
		assertThat(created.getBody()).containsEntry("created", 2);
		List<Map<String, Object>> tree = departments();
		Map<?, ?> child = find(tree, "code", "IMB" + s);
		Map<?, ?> parent = find(tree, "code", "IMA" + s);
		assertThat(child.get("parentId")).isEqualTo(parent.get("id"));
		assertThat(parent.get("parentName")).isEqualTo("销售部");

		// Chinese headers, a UTF-8 BOM, a manager later in the file, the Chinese and English employment types
		String employees = "\uFEFF" + """
				工号,姓名,部门代码,职位,上级工号,办公电话,手机,用工类型,部门负责人
				IM%1$s2,导入乙,IMB%1$s,专员,IM%1$s1,,138 0000 1002,临时,否
				IM%1$s1,导入甲,IMA%1$s,经理,,021-62880001,13800001001,正式,是
				IM%1$s3,导入丙,IMB%1$s,实习生,IM%1$s2,,,INTERN,
				""".formatted(s);
		report = upload("employees", "staff.csv", employees.getBytes(StandardCharsets.UTF_8));
		assertThat(report.getBody()).as(report.toString()).containsEntry("valid", true).containsEntry("rows", 3);

		created = confirm(report.getBody().get("id"));
		assertThat(created.getStatusCode().value()).as(created.toString()).isEqualTo(200);
		assertThat(created.getBody()).containsEntry("created", 3);
		List<Map<String, Object>> accounts = accountsOf(created.getBody());
		assertThat(accounts).extracting(a -> a.get("employeeNo"))
			.containsExactly("IM" + s + "2", "IM" + s + "1", "IM" + s + "3");
		for (Map<String, Object> account : accounts) {
			assertThat(account.get("username")).isEqualTo(account.get("employeeNo"));
			assertThat((String) account.get("initialPassword")).hasSizeGreaterThanOrEqualTo(12);
		}
		// the initial password is real: it signs in, and must be changed first
		var signIn = api.raw().post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("username", accounts.get(1).get("username"), "password", accounts.get(1).get("initialPassword")))
			.retrieve().toEntity(String.class);
		assertThat(signIn.getStatusCode().value()).isEqualTo(403);
		assertThat(signIn.getBody()).contains("password-change-required");

		List<Map<String, Object>> found = search("IM" + s);
		assertThat(found).extracting(e -> e.get("employeeNo"))
			.containsExactlyInAnyOrder("IM" + s + "1", "IM" + s + "2", "IM" + s + "3");
		Map<String, Object> second = found.stream().filter(e -> e.get("employeeNo").equals("IM" + s + "2")).findFirst()
			.orElseThrow();
		assertThat(second).containsEntry("managerEmployeeNo", "IM" + s + "1").containsEntry("departmentCode", "IMB" + s)
			.containsEntry("mobile", "13800001002").containsEntry("employmentType", "TEMPORARY");
		var head = api.get(Personas.ADMIN, "/api/v1/departments/{id}", parent.get("id")).retrieve().toEntity(Map.class);
		assertThat(head.getBody()).containsEntry("headName", "导入甲");

		// a batch is imported once
		var again = confirm(report.getBody().get("id"));
		assertThat(again.getStatusCode().value()).isEqualTo(409);
		assertThat(search("IM" + s)).hasSize(3);
	}

	@Test
	void everyBadRowIsReportedAndTheFileCannotBeImported() {
		String employees = """
				employee_no,name,department_code,position,manager_no,office_phone,mobile,employment_type,is_head
				IM%1$s4,好甲,XS,,,,13800001004,正式,
				IM%1$s4,好乙,XS,,,,,正式,
				IM%1$s5,好丙,NO%1$s,,,,,正式,
				IM%1$s6,好丁,XS,,,12345,12345,正式,
				IM%1$s7,好戊,XS,,,,,兼职,
				HT1001,重复,XS,,,,,正式,
				IM%1$s8,好己,XS,,NOBODY%1$s,,,FULL_TIME,也许
				""".formatted(s);
		var report = upload("employees", "bad.csv", employees.getBytes(StandardCharsets.UTF_8));
		assertThat(report.getStatusCode().value()).isEqualTo(200);
		assertThat(report.getBody()).containsEntry("valid", false).containsEntry("rows", 7);
		List<Map<String, Object>> errors = errorsOf(report.getBody());
		assertThat(errors).extracting(e -> e.get("row") + ":" + e.get("field")).containsExactly(
				"3:employee_no", "4:department_code", "5:office_phone", "5:mobile", "6:employment_type",
				"7:employee_no", "8:manager_no", "8:is_head");
		assertThat(errors).allSatisfy(e -> assertThat((String) e.get("message")).isNotBlank());
		assertThat(errors.get(0).get("message")).asString().contains("IM" + s + "4").contains("2");
		assertThat(errors.get(1).get("message")).asString().contains("NO" + s);
		assertThat(errors.get(4).get("message")).asString().contains("兼职");

		// English messages for an English client
		var english = api.raw().get().uri("/api/v1/directory/imports/{id}?lang=en", report.getBody().get("id"))
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + api.tokenOf(Personas.ADMIN))
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.retrieve().toEntity(Map.class);
		assertThat(errorsOf(english.getBody()).get(3).get("message")).asString().contains("mobile");

		var refused = confirm(report.getBody().get("id"));
		assertThat(refused.getStatusCode().value()).isEqualTo(409);
		assertThat(errorsOf(refused.getBody())).hasSize(8);
		assertThat(search("IM" + s)).as("not even the good rows were written").isEmpty();
	}

	@Test
	void confirmingChecksTheDirectoryAgain() {
		var report = upload("employees", "staff.csv",
				"工号,姓名,部门代码,用工类型\nIM%1$sR1,复核甲,XS,正式\nIM%1$sR2,复核乙,XS,正式\n".formatted(s)
					.getBytes(StandardCharsets.UTF_8));
		assertThat(report.getBody()).containsEntry("valid", true);
		Object sales = find(departments(), "code", "XS").get("id");
		var hired = api.post(Personas.ADMIN, "/api/v1/employees")
			.body(Map.of("employeeNo", "IM" + s + "R1", "name", "抢先", "departmentId", sales, "employmentType",
					"FULL_TIME"))
			.retrieve().toEntity(String.class);
		assertThat(hired.getStatusCode().value()).as(hired.toString()).isEqualTo(201);

		var refused = confirm(report.getBody().get("id"));
		assertThat(refused.getStatusCode().value()).isEqualTo(409);
		assertThat(errorsOf(refused.getBody())).extracting(e -> e.get("row") + ":" + e.get("field"))
			.containsExactly("2:employee_no");
		assertThat(search("IM" + s + "R")).extracting(e -> e.get("name")).containsExactly("抢先");
		var after = api.get(Personas.ADMIN, "/api/v1/directory/imports/{id}", report.getBody().get("id")).retrieve()
			.toEntity(Map.class);
		assertThat(after.getBody()).containsEntry("status", "INVALID").containsEntry("valid", false);
	}

	@Test
	void aRowRefusedWhileWritingRollsBackTheWholeImport() {
		// the dry run cannot know that the user name "admin" is taken by the administrator account, which belongs
		// to no employee: the second hire fails, and the first one must be undone with it
		var report = upload("employees", "staff.csv",
				"工号,姓名,部门代码,用工类型\nIM%sW1,回滚甲,XS,正式\nadmin,回滚乙,XS,正式\n".formatted(s)
					.getBytes(StandardCharsets.UTF_8));
		assertThat(report.getBody()).containsEntry("valid", true);
		var refused = confirm(report.getBody().get("id"));
		assertThat(refused.getStatusCode().value()).isEqualTo(409);
		assertThat(errorsOf(refused.getBody())).extracting(e -> e.get("row") + ":" + e.get("field"))
			.containsExactly("3:employee_no");
		assertThat(search("IM" + s + "W")).as("the first row was rolled back").isEmpty();
		assertThat(confirm(report.getBody().get("id")).getStatusCode().value()).isEqualTo(409);
		assertThat(search("IM" + s + "W")).isEmpty();
	}

	@Test
	void departmentCyclesAndUnknownParentsAreReported() {
		String departments = """
				部门代码,部门名称,上级部门代码
				IMC%1$s,环甲,IMD%1$s
				IMD%1$s,环乙,IMC%1$s
				IME%1$s,自环,IME%1$s
				IMF%1$s,未知上级,NO%1$s
				HR,重复代码,HX
				IMG%1$s,好部门,IMF%1$s
				""".formatted(s);
		var report = upload("departments", "cycles.csv", departments.getBytes(StandardCharsets.UTF_8));
		List<Map<String, Object>> errors = errorsOf(report.getBody());
		assertThat(errors).extracting(e -> e.get("row") + ":" + e.get("field")).containsExactly("2:parent_code",
				"3:parent_code", "4:parent_code", "5:parent_code", "6:code");
		assertThat(errors.get(0).get("message")).asString().contains("IMC" + s + " → IMD" + s + " → IMC" + s);
		assertThat(errors.get(3).get("message")).asString().contains("NO" + s);
		assertThat(confirm(report.getBody().get("id")).getStatusCode().value()).isEqualTo(409);
		assertThat(departments()).noneMatch(d -> String.valueOf(d.get("code")).endsWith(s));
	}

	@Test
	void aCsvThatIsNotUtf8IsRefusedWithTheFileNamed() {
		String employees = """
				工号,姓名,部门代码,用工类型
				IM%1$s9,编码测试,XS,正式
				""".formatted(s);
		var response = upload("employees", "staff-gbk.csv", employees.getBytes(Charset.forName("GBK")));
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getHeaders().getContentType().toString()).contains("problem+json");
		assertThat((String) response.getBody().get("detail")).contains("staff-gbk.csv").contains("UTF-8")
			.contains("CSV UTF-8");
		assertThat(errorsOf(response.getBody())).extracting(e -> e.get("field")).containsExactly("file");
		assertThat(search("IM" + s)).isEmpty();
	}

	@Test
	void otherFileProblemsAreClear() {
		var unknown = upload("employees", "staff.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
		assertThat(unknown.getStatusCode().value()).isEqualTo(400);
		assertThat((String) unknown.getBody().get("detail")).contains("staff.pdf");

		var wrongKind = upload("employees", "departments.csv",
				"code,name,parent_code\nIMZ%s,名称,XS\n".formatted(s).getBytes(StandardCharsets.UTF_8));
		assertThat(wrongKind.getStatusCode().value()).isEqualTo(400);
		assertThat((String) wrongKind.getBody().get("detail")).contains("employee_no");

		var noKind = upload("", "staff.csv", "工号\n".getBytes(StandardCharsets.UTF_8));
		assertThat(noKind.getStatusCode().value()).isEqualTo(400);
		assertThat(errorsOf(noKind.getBody())).extracting(e -> e.get("field")).containsExactly("kind");
	}

	@Test
	void anXlsxWorkbookImportsToo() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (Workbook workbook = new Workbook(bytes, "CommHubTest", "1.0")) {
			Worksheet sheet = workbook.newWorksheet("员工");
			List<String> header = List.of("工号", "姓名", "部门代码", "职位", "上级工号", "办公电话", "手机", "用工类型");
			for (int c = 0; c < header.size(); c++) {
				sheet.value(0, c, header.get(c));
			}
			sheet.value(1, 0, "IX" + s + "1");
			sheet.value(1, 1, "表格甲");
			sheet.value(1, 2, "YF");
			sheet.value(1, 3, "工程师");
			sheet.value(1, 4, "HT1001");
			sheet.value(1, 5, "021-62880009");
			sheet.value(1, 6, 13800001009L); // a phone number typed as a number
			sheet.value(1, 7, "正式");
			sheet.value(3, 0, "IX" + s + "2"); // row 3 is left empty
			sheet.value(3, 1, "表格乙");
			sheet.value(3, 2, "YF");
			sheet.value(3, 7, "实习");
		}
		var report = upload("employees", "staff.xlsx", bytes.toByteArray());
		assertThat(report.getStatusCode().value()).as(report.toString()).isEqualTo(200);
		assertThat(report.getBody()).as(report.toString()).containsEntry("valid", true).containsEntry("rows", 2);

		var created = confirm(report.getBody().get("id"));
		assertThat(created.getStatusCode().value()).isEqualTo(200);
		assertThat(created.getBody()).containsEntry("created", 2);
		List<Map<String, Object>> found = search("IX" + s);
		assertThat(found).extracting(e -> e.get("employeeNo")).containsExactlyInAnyOrder("IX" + s + "1", "IX" + s + "2");
		assertThat(found).filteredOn(e -> e.get("employeeNo").equals("IX" + s + "1"))
			.singleElement()
			.satisfies(e -> assertThat(e).containsEntry("mobile", "13800001009").containsEntry("managerEmployeeNo",
					"HT1001"));
	}

	@Test
	void anXlsxRowErrorNamesTheSpreadsheetRow() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (Workbook workbook = new Workbook(bytes, "CommHubTest", "1.0")) {
			Worksheet sheet = workbook.newWorksheet("Sheet1");
			List<String> header = List.of("employee_no", "name", "department_code", "employment_type");
			for (int c = 0; c < header.size(); c++) {
				sheet.value(0, c, header.get(c));
			}
			sheet.value(4, 0, "IX" + s + "5");
			sheet.value(4, 1, "表格丙");
			sheet.value(4, 2, "NOWHERE");
			sheet.value(4, 3, "正式");
		}
		var report = upload("employees", "rows.xlsx", bytes.toByteArray());
		assertThat(errorsOf(report.getBody())).extracting(e -> e.get("row") + ":" + e.get("field"))
			.containsExactly("5:department_code");
	}

	@Test
	void onlyAdministratorsImport() {
		var employee = upload(Personas.EMPLOYEE, "employees", "staff.csv",
				"工号,姓名,部门代码,用工类型\nIM%s0,无权,XS,正式\n".formatted(s).getBytes(StandardCharsets.UTF_8));
		assertThat(employee.getStatusCode().value()).isEqualTo(403);
		var head = upload(Personas.DEPARTMENT_HEAD, "employees", "staff.csv",
				"工号,姓名,部门代码,用工类型\nIM%s0,无权,XS,正式\n".formatted(s).getBytes(StandardCharsets.UTF_8));
		assertThat(head.getStatusCode().value()).isEqualTo(403);

		var report = upload("employees", "staff.csv",
				"工号,姓名,部门代码,用工类型\nIM%s0,无权,XS,正式\n".formatted(s).getBytes(StandardCharsets.UTF_8));
		Object id = report.getBody().get("id");
		var foreign = api.post(Personas.EMPLOYEE, "/api/v1/directory/imports/{id}/confirm", id).retrieve()
			.toEntity(String.class);
		assertThat(foreign.getStatusCode().value()).isEqualTo(403);
		assertThat(search("IM" + s)).isEmpty();
		assertThat(confirm(999_999_999L).getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void theWebPagesWalkFromUploadToPasswords() throws Exception {
		Browser browser = new Browser();
		browser.signIn(Personas.ADMIN, Personas.ADMIN_PASSWORD);
		var form = browser.get("/directory/import");
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("id=\"import-form\"").contains("enctype=\"multipart/form-data\"");

		var refused = browser.upload("employees", "staff-gbk.csv",
				"工号,姓名,部门代码,用工类型\nIW%s1,网页,XS,正式\n".formatted(s).getBytes(Charset.forName("GBK")));
		assertThat(refused.body()).contains("id=\"file-error\"").contains("staff-gbk.csv")
			.contains("CSV UTF-8");

		var report = browser.upload("employees", "staff.csv",
				"工号,姓名,部门代码,用工类型\nIW%1$s1,网页甲,XS,正式\nIW%1$s2,网页乙,XS,临时\n".formatted(s)
					.getBytes(StandardCharsets.UTF_8));
		assertThat(report.statusCode()).isEqualTo(200);
		assertThat(report.uri().getPath()).matches("/directory/import/\\d+");
		assertThat(report.body()).contains("id=\"import-clean\"").contains("id=\"import-confirm\"")
			.doesNotContain("id=\"import-errors\"");
		var fragment = browser.get(report.uri().getPath(), Map.of("HX-Request", "true"));
		assertThat(fragment.body()).contains("id=\"import-report\"").doesNotContain("<html");

		var result = browser.post(report.uri().getPath() + "/confirm");
		assertThat(result.statusCode()).isEqualTo(200);
		assertThat(result.body()).contains("id=\"import-accounts\"").contains("IW" + s + "1").contains("IW" + s + "2")
			.contains("class=\"secret\"");
		var csv = browser.get(report.uri().getPath() + "/accounts.csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Disposition")).get().asString().contains("attachment");
		assertThat(csv.body()).contains("IW" + s + "1").contains("IW" + s + "2").contains("初始密码");
		assertThat(browser.get(report.uri().getPath() + "/accounts.csv").statusCode()).as("once only")
			.isEqualTo(404);
		assertThat(search("IW" + s)).hasSize(2);

		var bad = browser.upload("employees", "bad.csv",
				"工号,姓名,部门代码,用工类型\nIW%s3,网页丙,NOWHERE,正式\n".formatted(s).getBytes(StandardCharsets.UTF_8));
		assertThat(bad.body()).contains("id=\"import-errors\"").contains("data-row=\"2\"")
			.contains("data-field=\"department_code\"").doesNotContain("id=\"import-confirm\"");

		Browser employee = new Browser();
		employee.signIn(Personas.EMPLOYEE, Personas.PASSWORD);
		assertThat(employee.get("/directory/import").statusCode()).isEqualTo(403);
	}

	// ---- helpers ----

	private ResponseEntity<Map> upload(String kind, String fileName, byte[] content) {
		return upload(Personas.ADMIN, kind, fileName, content);
	}

	private ResponseEntity<Map> upload(String persona, String kind, String fileName, byte[] content) {
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("kind", kind);
		body.add("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return fileName;
			}
		});
		return api.post(persona, "/api/v1/directory/imports").contentType(MediaType.MULTIPART_FORM_DATA).body(body)
			.retrieve().toEntity(Map.class);
	}

	private ResponseEntity<Map> confirm(Object id) {
		return api.post(Personas.ADMIN, "/api/v1/directory/imports/{id}/confirm", id).retrieve().toEntity(Map.class);
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> search(String q) {
		var page = api.get(Personas.ADMIN, "/api/v1/employees?q={q}&size=50", q).retrieve().toEntity(Map.class);
		assertThat(page.getStatusCode().value()).isEqualTo(200);
		return (List<Map<String, Object>>) page.getBody().get("items");
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> departments() {
		var page = api.get(Personas.ADMIN, "/api/v1/departments").retrieve().toEntity(Map.class);
		assertThat(page.getStatusCode().value()).isEqualTo(200);
		return (List<Map<String, Object>>) page.getBody().get("items");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> errorsOf(Map<?, ?> body) {
		return (List<Map<String, Object>>) body.get("errors");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> accountsOf(Map<?, ?> body) {
		return (List<Map<String, Object>>) body.get("accounts");
	}

	private static Map<?, ?> find(List<?> list, String key, Object value) {
		return list.stream().map(o -> (Map<?, ?>) o).filter(m -> value.equals(m.get(key))).findFirst().orElseThrow();
	}

	/** A cookie-keeping client for the HTML pages that can also post multipart forms. */
	private final class Browser {

		private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

		private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL).build();
		private String csrf;

		void signIn(String username, String password) throws Exception {
			get("/login");
			var page = send(HttpRequest.newBuilder(uri("/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password=" + enc(password)
						+ "&_csrf=" + enc(csrf))));
			assertThat(page.statusCode()).isEqualTo(200);
		}

		HttpResponse<String> get(String path) throws Exception {
			return get(path, Map.of());
		}

		HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
			headers.forEach(request::header);
			return send(request);
		}

		HttpResponse<String> post(String path) throws Exception {
			return send(HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(csrf))));
		}

		HttpResponse<String> upload(String kind, String fileName, byte[] content) throws Exception {
			get("/directory/import");
			String boundary = "----commhub" + UUID.randomUUID();
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			for (var field : Map.of("_csrf", csrf, "kind", kind).entrySet()) {
				body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
						+ "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
			}
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.write(content);
			body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			return send(HttpRequest.newBuilder(uri("/directory/import"))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
		}

		private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
			HttpResponse<String> response = client.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			Matcher matcher = CSRF.matcher(response.body());
			if (matcher.find()) {
				csrf = matcher.group(1);
			}
			return response;
		}

		private URI uri(String path) {
			return URI.create("http://localhost:" + port + path);
		}

		private static String enc(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}
	}
}
