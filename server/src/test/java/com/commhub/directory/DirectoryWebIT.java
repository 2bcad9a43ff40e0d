package com.commhub.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.commhub.Api;
import com.commhub.IntegrationTest;
import com.commhub.Personas;
import com.commhub.WebSession;

/** The directory pages over HTTP, as a browser would use them (forms with CSRF, htmx requests). */
@IntegrationTest
class DirectoryWebIT {

	@LocalServerPort
	int port;

	Api api;

	WebSession admin;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		admin = new WebSession(port);
		assertThat(admin.signIn(Personas.ADMIN).statusCode()).isEqualTo(200);
	}

	@Test
	void badPhoneIsShownNextToTheFieldAndNothingIsCreated() {
		var form = admin.get("/directory/employees/new");
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("id=\"employee-submit\"", "id=\"employeeNo\"", "id=\"departmentId\"",
				"id=\"initialPassword\"");
		String number = "W" + DirectoryApiIT.unique();
		Map<String, String> fields = employeeForm(number, "李娜", departmentIdOf("XZ"));
		fields.put("mobile", "12345");

		var page = admin.post("/directory/employees/new", fields);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.uri().getPath()).isEqualTo("/directory/employees/new");
		assertThat(fieldError(page.body(), "mobile")).contains("手机号格式不正确");
		assertThat(page.body()).contains("value=\"" + number + "\"");
		assertThat(search(number)).isEmpty();

		fields.put("mobile", "13812345678");
		fields.put("officePhone", "62880001");
		page = admin.post("/directory/employees/new", fields);
		assertThat(fieldError(page.body(), "officePhone")).contains("办公电话格式不正确");
		assertThat(search(number)).isEmpty();
	}

	@Test
	void hireThroughTheFormShowsUsernameMailAndPasswordOnce() {
		String number = "W" + DirectoryApiIT.unique();
		var page = admin.post("/directory/employees/new", employeeForm(number, "欧阳明", departmentIdOf("XZ")));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.uri().getPath()).matches("/directory/employees/\\d+");
		assertThat(page.body()).contains(number, "id=\"generated-password\"", "class=\"secret\"", "ouyangmingxz",
				"@huaxin.example.cn");
		assertThat(search(number)).containsExactly(number);

		var again = admin.get(page.uri().getPath());
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).contains(number).doesNotContain("generated-password");

		var duplicate = admin.post("/directory/employees/new", employeeForm(number, "欧阳明", departmentIdOf("XZ")));
		assertThat(duplicate.statusCode()).isEqualTo(200);
		assertThat(fieldError(duplicate.body(), "employeeNo")).contains(number);

		String edit = page.uri().getPath() + "/edit";
		assertThat(admin.get(edit).statusCode()).isEqualTo(200);
		Map<String, String> changed = employeeForm(number, "欧阳明", departmentIdOf("XZ"));
		changed.put("position", "行政主管");
		var saved = admin.post(edit, changed);
		assertThat(saved.uri().getPath()).isEqualTo(page.uri().getPath());
		assertThat(saved.body()).contains("行政主管", "id=\"flash\"");
	}

	@Test
	void htmxSearchReturnsOnlyTheResultsFragment() {
		var fragment = admin.get("/directory/employees?q=" + Personas.EMPLOYEE, Map.of("HX-Request", "true"));
		assertThat(fragment.statusCode()).isEqualTo(200);
		assertThat(fragment.body()).doesNotContain("<html", "<body", "employee-search")
			.contains("id=\"results\"", Personas.EMPLOYEE)
			.doesNotContain(Personas.OTHER_EMPLOYEE);
		assertThat(fragment.headers().allValues("Vary")).anyMatch(v -> v.contains("HX-Request"));

		var full = admin.get("/directory/employees?q=" + Personas.EMPLOYEE);
		assertThat(full.body()).contains("<html", "id=\"employee-search\"", "hx-get=\"/directory/employees\"",
				"id=\"results\"", Personas.EMPLOYEE);

		var pinyin = admin.get("/directory/employees?q=linhaoran", Map.of("HX-Request", "true"));
		assertThat(pinyin.body()).contains(Personas.EMPLOYEE);
	}

	@Test
	void departmentMovedUnderItsOwnChildShowsTheErrorNextToTheField() {
		long root = departmentIdOf("HX");
		long parent = createDepartment("P" + DirectoryApiIT.unique(), root);
		long child = createDepartment("C" + DirectoryApiIT.unique(), parent);

		var detail = admin.get("/directory/departments/" + parent);
		assertThat(detail.statusCode()).isEqualTo(200);
		var page = admin.post("/directory/departments/" + parent + "/move", Map.of("parentId", String.valueOf(child)));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(fieldError(page.body(), "parentId")).contains("不能把部门移动到它自己或它的下级部门之下");
		var unchanged = api.get(Personas.ADMIN, "/api/v1/departments/{id}", parent).retrieve().toEntity(Map.class);
		assertThat(((Number) unchanged.getBody().get("parentId")).longValue()).isEqualTo(root);

		var renamed = admin.post("/directory/departments/" + parent + "/rename", Map.of("name", "改名部"));
		assertThat(renamed.uri().getPath()).isEqualTo("/directory/departments/" + parent);
		assertThat(renamed.body()).contains("改名部", "id=\"flash\"");

		var created = admin.post("/directory/departments",
				Map.of("code", "1bad", "name", "坏代码", "parentId", String.valueOf(root)));
		assertThat(created.statusCode()).isEqualTo(200);
		assertThat(fieldError(created.body(), "code")).contains("部门代码");
	}

	@Test
	void groupsAreCreatedAndMembersAddedByNumber() {
		String name = "网页测试组" + DirectoryApiIT.unique();
		assertThat(admin.get("/directory/groups").statusCode()).isEqualTo(200);
		var unknown = admin.post("/directory/groups",
				Map.of("name", name, "kind", "WORKING", "description", "", "ownerEmployeeNo", "NOBODY"));
		assertThat(fieldError(unknown.body(), "ownerEmployeeNo")).contains("NOBODY");

		var created = admin.post("/directory/groups",
				Map.of("name", name, "kind", "WORKING", "description", "说明", "ownerEmployeeNo", Personas.EMPLOYEE));
		assertThat(created.uri().getPath()).matches("/directory/groups/\\d+");
		assertThat(created.body()).contains(name, "id=\"member-" + Personas.EMPLOYEE + "\"", "id=\"member-form\"");

		String group = created.uri().getPath();
		var added = admin.post(group + "/members", Map.of("employeeNo", Personas.OTHER_EMPLOYEE, "owner", "true"));
		assertThat(added.body()).contains("id=\"member-" + Personas.OTHER_EMPLOYEE + "\"");
		var notFound = admin.post(group + "/members", Map.of("employeeNo", "NOBODY"));
		assertThat(fieldError(notFound.body(), "employeeNo")).contains("NOBODY");

		long otherId = DirectoryApiIT.id(DirectoryApiIT.map(((List<?>) api
			.get(Personas.ADMIN, "/api/v1/employees?q=" + Personas.OTHER_EMPLOYEE).retrieve().toEntity(Map.class)
			.getBody().get("items")).getFirst()));
		var removed = admin.post(group + "/members/" + otherId + "/remove", Map.of());
		assertThat(removed.body()).doesNotContain("id=\"member-" + Personas.OTHER_EMPLOYEE + "\"");

		// a plain member sees the group but no forms
		WebSession employee = new WebSession(port);
		employee.signIn(Personas.OTHER_EMPLOYEE);
		var readOnly = employee.get(group);
		assertThat(readOnly.statusCode()).isEqualTo(200);
		assertThat(readOnly.body()).contains(name).doesNotContain("member-form");
		assertThat(employee.post(group + "/members", Map.of("employeeNo", Personas.OTHER_EMPLOYEE)).statusCode())
			.isEqualTo(403);
	}

	@Test
	void everyDirectoryPageRendersForManagersAndEmployees() {
		long xz = departmentIdOf("XZ");
		long someone = DirectoryApiIT.id(DirectoryApiIT.map(((List<?>) api
			.get(Personas.ADMIN, "/api/v1/employees?q=" + Personas.DEPARTMENT_HEAD).retrieve().toEntity(Map.class)
			.getBody().get("items")).getFirst()));
		long group = DirectoryApiIT.id(DirectoryApiIT.map(((List<?>) api.get(Personas.ADMIN, "/api/v1/groups")
			.retrieve().toEntity(Map.class).getBody().get("items")).getFirst()));
		List<String> pages = List.of("/directory/employees", "/directory/employees?status=ACTIVE&departmentId=" + xz,
				"/directory/employees/" + someone, "/directory/departments", "/directory/departments/" + xz,
				"/directory/groups", "/directory/groups/" + group);

		for (String path : pages) {
			var page = admin.get(path);
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(page.body()).as(path).doesNotContain("error-page");
		}
		var detail = admin.get("/directory/employees/" + someone);
		assertThat(detail.body()).contains("id=\"employee-suspend\"", "id=\"employee-revoke-sessions\"",
				"id=\"account-facts\"", Personas.DEPARTMENT_HEAD);
		assertThat(admin.get("/directory/employees/" + someone + "/edit").statusCode()).isEqualTo(200);
		assertThat(admin.get("/directory/employees").body()).contains("id=\"employee-new\"", "新建员工");

		WebSession employee = new WebSession(port);
		employee.signIn(Personas.EMPLOYEE);
		for (String path : pages) {
			var page = employee.get(path);
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(page.body()).as(path).doesNotContain("error-page", "employee-new", "employee-suspend",
					"department-form", "department-manage", "group-form");
		}
		assertThat(employee.get("/directory/employees/" + someone + "/edit").statusCode()).isEqualTo(403);
		assertThat(employee.get("/directory/employees/abc").statusCode()).isEqualTo(400);

		var english = employee.get("/directory/employees?lang=en");
		assertThat(english.body()).contains("Employees", "Employee no.").doesNotContain("通讯录");
	}

	// ---- helpers ----

	static Map<String, String> employeeForm(String number, String name, long departmentId) {
		Map<String, String> fields = new HashMap<>();
		fields.put("employeeNo", number);
		fields.put("name", name);
		fields.put("departmentId", String.valueOf(departmentId));
		fields.put("position", "行政专员");
		fields.put("managerEmployeeNo", Personas.DEPARTMENT_HEAD);
		fields.put("officePhone", "021-62881234");
		fields.put("mobile", "13812345678");
		fields.put("employmentType", "FULL_TIME");
		fields.put("initialPassword", "");
		return fields;
	}

	/** The text of the field error shown right after the field, or an empty string. */
	static String fieldError(String html, String field) {
		Matcher matcher = Pattern.compile("<p class=\"field-error\" id=\"" + field + "-error\">([^<]*)</p>")
			.matcher(html);
		return matcher.find() ? matcher.group(1) : "";
	}

	long departmentIdOf(String code) {
		return ((List<?>) api.get(Personas.ADMIN, "/api/v1/departments").retrieve().toEntity(Map.class).getBody()
			.get("items")).stream().map(DirectoryApiIT::map).filter(d -> code.equals(d.get("code")))
			.map(DirectoryApiIT::id).findFirst().orElseThrow();
	}

	long createDepartment(String code, long parentId) {
		var response = api.post(Personas.ADMIN, "/api/v1/departments")
			.body(Map.of("code", code, "name", "网页部" + code, "parentId", parentId)).retrieve().toEntity(Map.class);
		assertThat(response.getStatusCode().value()).isEqualTo(201);
		return DirectoryApiIT.id(response.getBody());
	}

	List<String> search(String number) {
		return DirectoryApiIT.employeeNos(DirectoryApiIT.map(api
			.get(Personas.ADMIN, "/api/v1/employees?q=" + URLEncoder.encode(number, StandardCharsets.UTF_8))
			.retrieve().toEntity(Map.class).getBody()));
	}
}
