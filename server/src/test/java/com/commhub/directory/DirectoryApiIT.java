package com.commhub.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import com.commhub.Api;
import com.commhub.IntegrationTest;
import com.commhub.Personas;
import com.commhub.WebSession;

/** The directory's JSON API over HTTP, as the administrator and as ordinary employees. */
@IntegrationTest
class DirectoryApiIT {

	static final String DOMAIN = "@huaxin.example.cn";

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	@Test
	void hiredEmployeeIsFoundByNamePinyinAndNumber() {
		Map<String, Object> department = createDepartment("Q" + unique(), "测试部" + unique(), rootId());
		long departmentId = id(department);
		String code = (String) department.get("code");
		String first = "T" + unique();
		String second = "T" + unique();

		var hired = hire(employee(first, "张伟", departmentId));
		assertThat(hired.getStatusCode().value()).isEqualTo(201);
		assertThat(hired.getHeaders().getLocation()).isNotNull();
		Map<String, Object> employee = map(hired.getBody().get("employee"));
		assertThat(employee.get("employeeNo")).isEqualTo(first);
		assertThat(employee.get("namePinyin")).isEqualTo("zhang wei");
		assertThat(employee.get("status")).isEqualTo("ACTIVE");
		assertThat(hired.getBody().get("username")).isEqualTo(first);
		assertThat((String) hired.getBody().get("generatedPassword")).hasSizeGreaterThanOrEqualTo(10);
		// DIR-4: [pinyin][department code]@domain, and the next 张伟 in the same department gets a number
		assertThat(employee.get("email")).isEqualTo("zhangwei" + code.toLowerCase(Locale.ROOT) + DOMAIN);
		var twin = hire(employee(second, "张伟", departmentId));
		assertThat(twin.getStatusCode().value()).isEqualTo(201);
		assertThat(map(twin.getBody().get("employee")).get("email"))
			.isEqualTo("zhangwei" + code.toLowerCase(Locale.ROOT) + "2" + DOMAIN);

		assertThat(employeeNos(search("q=张伟&departmentId=" + departmentId))).containsExactlyInAnyOrder(first, second);
		assertThat(employeeNos(search("q=zhang&size=200"))).contains(first, second);
		assertThat(employeeNos(search("q=zhang wei&departmentId=" + departmentId))).containsExactlyInAnyOrder(first, second);
		assertThat(employeeNos(search("q=ZhangWei&departmentId=" + departmentId))).containsExactlyInAnyOrder(first, second);
		assertThat(employeeNos(search("q=" + first))).containsExactly(first);
		assertThat(employeeNos(search("q=" + first.toLowerCase(Locale.ROOT)))).containsExactly(first);
		assertThat(employeeNos(search("q=" + employee.get("email")))).containsExactly(first);
		assertThat(employeeNos(search("q=" + first + "&status=LEFT"))).isEmpty();

		var read = api.get(Personas.EMPLOYEE, "/api/v1/employees/{id}", id(employee)).retrieve().toEntity(Map.class);
		assertThat(read.getStatusCode().value()).isEqualTo(200);
		assertThat(read.getBody().get("departmentCode")).isEqualTo(code);
	}

	@Test
	void badEmployeeInputNamesTheField() {
		long departmentId = id(createDepartment("Q" + unique(), "校验部" + unique(), rootId()));
		String number = "T" + unique();
		assertThat(hire(employee(number, "李娜", departmentId)).getStatusCode().value()).isEqualTo(201);

		assertProblem(hire(employee(number, "王芳", departmentId)), 409, "employeeNo");
		assertProblem(hire(employee("T" + unique(), "王芳", 987654321L)), 400, "departmentId");

		String badMobile = "T" + unique();
		Map<String, Object> mobile = employee(badMobile, "王芳", departmentId);
		mobile.put("mobile", "12345");
		assertProblem(hire(mobile), 400, "mobile");
		assertThat(search("q=" + badMobile).get("total")).isEqualTo(0);

		Map<String, Object> type = employee("T" + unique(), "王芳", departmentId);
		type.put("employmentType", "PERMANENT");
		assertProblem(hire(type), 400, "employmentType");

		Map<String, Object> manager = employee("T" + unique(), "王芳", departmentId);
		manager.put("managerEmployeeNo", "NOBODY-" + unique());
		assertProblem(hire(manager), 400, "managerEmployeeNo");

		assertThat(api.get(Personas.ADMIN, "/api/v1/employees/abc").retrieve().toEntity(Map.class)
			.getStatusCode().value()).isEqualTo(400);
		assertThat(api.get(Personas.ADMIN, "/api/v1/departments/abc").retrieve().toEntity(Map.class)
			.getStatusCode().value()).isEqualTo(400);
		assertThat(api.get(Personas.ADMIN, "/api/v1/employees/987654321").retrieve().toEntity(Map.class)
			.getStatusCode().value()).isEqualTo(404);
		assertProblem(api.get(Personas.ADMIN, "/api/v1/employees?status=GONE").retrieve().toEntity(Map.class), 400,
				"status");
	}

	@Test
	void updateKeepsTheNumberAndValidatesLikeHire() {
		long departmentId = id(createDepartment("Q" + unique(), "变更部" + unique(), rootId()));
		String number = "T" + unique();
		long id = id(map(hire(employee(number, "赵敏", departmentId)).getBody().get("employee")));

		Map<String, Object> change = employee(number, "赵敏", departmentId);
		change.put("position", "主管");
		change.put("employmentType", "实习");
		var updated = api.put(Personas.ADMIN, "/api/v1/employees/{id}", id).body(change).retrieve().toEntity(Map.class);
		assertThat(updated.getStatusCode().value()).isEqualTo(200);
		assertThat(updated.getBody().get("position")).isEqualTo("主管");
		assertThat(updated.getBody().get("employmentType")).isEqualTo("INTERN");

		change.put("employeeNo", "T" + unique());
		assertProblem(api.put(Personas.ADMIN, "/api/v1/employees/{id}", id).body(change).retrieve()
			.toEntity(Map.class), 400, "employeeNo");
		change.put("employeeNo", number);
		change.put("officePhone", "123");
		assertProblem(api.put(Personas.ADMIN, "/api/v1/employees/{id}", id).body(change).retrieve()
			.toEntity(Map.class), 400, "officePhone");
	}

	@Test
	void departmentCannotMoveUnderItsOwnChild() {
		long root = rootId();
		Map<String, Object> parent = createDepartment("Q" + unique(), "上级部" + unique(), root);
		Map<String, Object> child = createDepartment("Q" + unique(), "下级部" + unique(), id(parent));
		assertThat(child.get("parentId")).isEqualTo(parent.get("id"));
		assertThat(child.get("depth")).isEqualTo(2);

		assertProblem(patch(id(parent), Map.of("parentId", child.get("id"))), 400, "parentId");
		assertProblem(patch(id(parent), Map.of("parentId", parent.get("id"))), 400, "parentId");
		// all or nothing: the rename in the same request is not kept either
		assertProblem(patch(id(parent), Map.of("name", "改名" + unique(), "parentId", child.get("id"))), 400,
				"parentId");
		Map<String, Object> unchanged = department(id(parent));
		assertThat(unchanged.get("parentId")).isEqualTo(parent.get("parentId"));
		assertThat(unchanged.get("name")).isEqualTo(parent.get("name"));
		assertThat(map(department(id(child))).get("parentId")).isEqualTo(parent.get("id"));

		assertProblem(patch(id(parent), Map.of("colour", "blue")), 400, "colour");
		assertProblem(patch(id(parent), Map.of("parentId", "abc")), 400, "parentId");

		String newName = "新名" + unique();
		var renamed = patch(id(child), Map.of("name", newName, "parentId", root));
		assertThat(renamed.getStatusCode().value()).isEqualTo(200);
		assertThat(renamed.getBody().get("name")).isEqualTo(newName);
		assertThat(renamed.getBody().get("depth")).isEqualTo(1);

		// empty now, so it can be deactivated; then it only shows with includeInactive
		var deactivated = api.post(Personas.ADMIN, "/api/v1/departments/{id}/deactivate", id(child)).retrieve()
			.toEntity(Map.class);
		assertThat(deactivated.getStatusCode().value()).isEqualTo(200);
		assertThat(deactivated.getBody().get("active")).isEqualTo(false);
		assertThat(ids(tree(false))).doesNotContain(child.get("id"));
		assertThat(ids(tree(true))).contains(child.get("id"));

		assertProblem(api.post(Personas.ADMIN, "/api/v1/departments").body(Map.of("code", parent.get("code"),
				"name", "重复", "parentId", root)).retrieve().toEntity(Map.class), 409, "code");
	}

	@Test
	void departmentHeadIsSetAndCleared() {
		long departmentId = id(createDepartment("Q" + unique(), "负责部" + unique(), rootId()));
		long head = id(map(hire(employee("T" + unique(), "钱进", departmentId)).getBody().get("employee")));
		var set = patch(departmentId, Map.of("headEmployeeId", head));
		assertThat(set.getStatusCode().value()).isEqualTo(200);
		assertThat(((Number) set.getBody().get("headId")).longValue()).isEqualTo(head);
		Map<String, Object> clear = new HashMap<>();
		clear.put("headEmployeeId", null);
		var cleared = patch(departmentId, clear);
		assertThat(cleared.getStatusCode().value()).isEqualTo(200);
		assertThat(cleared.getBody().get("headId")).isNull();
		assertProblem(patch(departmentId, Map.of("headEmployeeId", 987654321L)), 400, "headEmployeeId");
	}

	@Test
	void leaverLosesTheirTokenAndTheRecordStays() {
		long departmentId = id(createDepartment("Q" + unique(), "离职部" + unique(), rootId()));
		String number = "T" + unique();
		Map<String, Object> fields = employee(number, "孙丽", departmentId);
		fields.put("initialPassword", "Init-Pass-2026!x");
		var hired = hire(fields);
		assertThat(hired.getStatusCode().value()).isEqualTo(201);
		assertThat(hired.getBody().get("generatedPassword")).isNull();
		long id = id(map(hired.getBody().get("employee")));

		// the initial password must be changed before the API may be used; set the persona password
		WebSession browser = new WebSession(port);
		browser.signIn(number, "Init-Pass-2026!x");
		var changed = browser.post("/account/password", Map.of("currentPassword", "Init-Pass-2026!x", "newPassword",
				Personas.PASSWORD, "confirmation", Personas.PASSWORD));
		assertThat(changed.uri().getPath()).isNotEqualTo("/account/password");
		String token = api.tokenOf(number);
		assertThat(asUser(token, "/api/v1/employees/" + id)).isEqualTo(200);

		var left = api.post(Personas.ADMIN, "/api/v1/employees/{id}/leave", id).body(Map.of()).retrieve()
			.toEntity(Map.class);
		assertThat(left.getStatusCode().value()).isEqualTo(200);
		assertThat(left.getBody().get("status")).isEqualTo("LEFT");
		assertThat(left.getBody().get("leftOn")).isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());

		assertThat(asUser(token, "/api/v1/employees/" + id)).isEqualTo(401);
		var record = api.get(Personas.ADMIN, "/api/v1/employees/{id}", id).retrieve().toEntity(Map.class);
		assertThat(record.getStatusCode().value()).isEqualTo(200);
		assertThat(record.getBody().get("status")).isEqualTo("LEFT");
		assertThat(employeeNos(search("q=" + number))).containsExactly(number);
		assertProblem(api.post(Personas.ADMIN, "/api/v1/employees/{id}/suspend", id).body(Map.of()).retrieve()
			.toEntity(Map.class), 409, null);
	}

	@Test
	void suspendReinstateResetPasswordAndRevokeSessions() {
		long departmentId = id(createDepartment("Q" + unique(), "停职部" + unique(), rootId()));
		long id = id(map(hire(employee("T" + unique(), "周杰", departmentId)).getBody().get("employee")));
		var suspended = api.post(Personas.ADMIN, "/api/v1/employees/{id}/suspend", id).body(Map.of()).retrieve()
			.toEntity(Map.class);
		assertThat(suspended.getBody().get("status")).isEqualTo("SUSPENDED");
		var reinstated = api.post(Personas.ADMIN, "/api/v1/employees/{id}/reinstate", id).body(Map.of()).retrieve()
			.toEntity(Map.class);
		assertThat(reinstated.getBody().get("status")).isEqualTo("ACTIVE");
		var reset = api.post(Personas.ADMIN, "/api/v1/employees/{id}/reset-password", id).body(Map.of()).retrieve()
			.toEntity(Map.class);
		assertThat(reset.getStatusCode().value()).isEqualTo(200);
		assertThat((String) reset.getBody().get("generatedPassword")).hasSizeGreaterThanOrEqualTo(10);
		var revoked = api.post(Personas.ADMIN, "/api/v1/employees/{id}/revoke-sessions", id).body(Map.of()).retrieve()
			.toEntity(Map.class);
		assertThat(revoked.getStatusCode().value()).isEqualTo(200);
		assertThat(revoked.getBody().get("revokedSessions")).isEqualTo(0);
		assertProblem(api.post(Personas.ADMIN, "/api/v1/employees/{id}/leave", id).body(Map.of("leftOn", "soon"))
			.retrieve().toEntity(Map.class), 400, "leftOn");
	}

	@Test
	void ordinaryEmployeesCannotChangeTheDirectory() {
		long departmentId = rootId();
		String number = "T" + unique();
		var refused = api.post(Personas.EMPLOYEE, "/api/v1/employees").body(employee(number, "冯刚", departmentId))
			.retrieve().toEntity(Map.class);
		assertThat(refused.getStatusCode().value()).isEqualTo(403);
		assertThat(search("q=" + number).get("total")).isEqualTo(0);
		assertThat(api.post(Personas.EMPLOYEE, "/api/v1/departments").body(Map.of("code", "Q" + unique(), "name",
				"不许", "parentId", departmentId)).retrieve().toBodilessEntity().getStatusCode().value())
			.isEqualTo(403);
		assertThat(api.patch(Personas.DEPARTMENT_HEAD, "/api/v1/departments/{id}", departmentId)
			.body(Map.of("name", "改名")).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(403);
		assertThat(api.get(Personas.EMPLOYEE, "/api/v1/departments").retrieve().toBodilessEntity().getStatusCode()
			.value()).isEqualTo(200);
	}

	@Test
	void groupOwnersManageTheirMembers() {
		long owner = employeeIdOf(Personas.EMPLOYEE);
		long member = employeeIdOf(Personas.OTHER_EMPLOYEE);
		String name = "测试项目组" + unique();
		var created = api.post(Personas.ADMIN, "/api/v1/groups").body(Map.of("name", name, "kind", "PROJECT",
				"description", "接口测试", "ownerEmployeeId", owner)).retrieve().toEntity(Map.class);
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		long groupId = id(created.getBody());
		assertThat(members(created.getBody())).containsEntry(owner, true);
		assertProblem(api.post(Personas.ADMIN, "/api/v1/groups").body(Map.of("name", name, "kind", "WORKING"))
			.retrieve().toEntity(Map.class), 409, "name");
		assertProblem(api.post(Personas.ADMIN, "/api/v1/groups").body(Map.of("name", name + "x", "kind", "TEAM"))
			.retrieve().toEntity(Map.class), 400, "kind");

		// an owner adds a member; that member may not remove anyone
		var added = api.post(Personas.EMPLOYEE, "/api/v1/groups/{id}/members", groupId)
			.body(Map.of("employeeId", member, "owner", false)).retrieve().toEntity(Map.class);
		assertThat(added.getStatusCode().value()).isEqualTo(200);
		assertThat(members(added.getBody())).containsEntry(owner, true).containsEntry(member, false);
		assertThat(api.delete(Personas.OTHER_EMPLOYEE, "/api/v1/groups/{id}/members/{e}", groupId, owner).retrieve()
			.toBodilessEntity().getStatusCode().value()).isEqualTo(403);
		assertProblem(api.post(Personas.EMPLOYEE, "/api/v1/groups/{id}/members", groupId).body(Map.of()).retrieve()
			.toEntity(Map.class), 400, "employeeId");
		assertThat(api.post(Personas.OTHER_EMPLOYEE, "/api/v1/groups/{id}/members", groupId).body(Map.of())
			.retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(403);

		var removed = api.delete(Personas.EMPLOYEE, "/api/v1/groups/{id}/members/{e}", groupId, member).retrieve()
			.toEntity(Map.class);
		assertThat(removed.getStatusCode().value()).isEqualTo(200);
		assertThat(members(removed.getBody())).containsOnlyKeys(owner);
		assertThat(api.delete(Personas.EMPLOYEE, "/api/v1/groups/{id}/members/{e}", groupId, member).retrieve()
			.toBodilessEntity().getStatusCode().value()).isEqualTo(404);

		var list = api.get(Personas.AUDITOR, "/api/v1/groups").retrieve().toEntity(Map.class);
		assertThat(list.getBody()).containsKeys("items", "page", "size", "total");
		assertThat(ids(list.getBody())).contains(created.getBody().get("id"));
		assertThat(members(api.get(Personas.AUDITOR, "/api/v1/groups/{id}", groupId).retrieve().toEntity(Map.class)
			.getBody())).containsOnlyKeys(owner);
	}

	// ---- helpers ----

	static String unique() {
		return Long.toString(ThreadLocalRandom.current().nextLong(60_466_176L, 2_176_782_336L), 36)
			.toUpperCase(Locale.ROOT);
	}

	static Map<String, Object> employee(String number, String name, long departmentId) {
		Map<String, Object> fields = new HashMap<>();
		fields.put("employeeNo", number);
		fields.put("name", name);
		fields.put("departmentId", departmentId);
		fields.put("position", "专员");
		fields.put("officePhone", "021-62881234");
		fields.put("mobile", "+86 138-0013-8000");
		fields.put("employmentType", "FULL_TIME");
		return fields;
	}

	ResponseEntity<Map> hire(Map<String, Object> fields) {
		return api.post(Personas.ADMIN, "/api/v1/employees").body(fields).retrieve().toEntity(Map.class);
	}

	Map<String, Object> createDepartment(String code, String name, long parentId) {
		var response = api.post(Personas.ADMIN, "/api/v1/departments")
			.body(Map.of("code", code, "name", name, "parentId", parentId)).retrieve().toEntity(Map.class);
		assertThat(response.getStatusCode().value()).as("create department %s: %s", code, response.getBody())
			.isEqualTo(201);
		assertThat(response.getHeaders().getFirst(HttpHeaders.LOCATION)).endsWith("/" + response.getBody().get("id"));
		return map(response.getBody());
	}

	Map<String, Object> department(long id) {
		return map(api.get(Personas.ADMIN, "/api/v1/departments/{id}", id).retrieve().toEntity(Map.class).getBody());
	}

	ResponseEntity<Map> patch(long id, Map<String, Object> changes) {
		return api.patch(Personas.ADMIN, "/api/v1/departments/{id}", id).body(changes).retrieve()
			.toEntity(Map.class);
	}

	Map<String, Object> tree(boolean includeInactive) {
		return map(api.get(Personas.ADMIN, "/api/v1/departments?includeInactive=" + includeInactive).retrieve()
			.toEntity(Map.class).getBody());
	}

	long rootId() {
		return tree(false).get("items") instanceof List<?> items ? items.stream().map(DirectoryApiIT::map)
			.filter(d -> d.get("parentId") == null).map(DirectoryApiIT::id).findFirst().orElseThrow() : -1;
	}

	Map<String, Object> search(String query) {
		var response = api.get(Personas.ADMIN, "/api/v1/employees?" + query).retrieve().toEntity(Map.class);
		assertThat(response.getStatusCode().value()).as("search %s", query).isEqualTo(200);
		return map(response.getBody());
	}

	long employeeIdOf(String number) {
		return search("q=" + number).get("items") instanceof List<?> items ? items.stream().map(DirectoryApiIT::map)
			.filter(e -> number.equals(e.get("employeeNo"))).map(DirectoryApiIT::id).findFirst().orElseThrow() : -1;
	}

	int asUser(String token, String path) {
		return api.raw().get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve()
			.toBodilessEntity().getStatusCode().value();
	}

	static List<String> employeeNos(Map<String, Object> page) {
		return ((List<?>) page.get("items")).stream().map(e -> (String) map(e).get("employeeNo")).toList();
	}

	static List<Object> ids(Map<String, Object> page) {
		return ((List<?>) page.get("items")).stream().map(e -> map(e).get("id")).toList();
	}

	static Map<Long, Boolean> members(Map<String, Object> group) {
		Map<Long, Boolean> members = new HashMap<>();
		((List<?>) group.get("members")).stream().map(DirectoryApiIT::map)
			.forEach(m -> members.put(((Number) m.get("employeeId")).longValue(), (Boolean) m.get("owner")));
		return members;
	}

	static void assertProblem(ResponseEntity<Map> response, int status, String field) {
		assertThat(response.getStatusCode().value()).as("status of %s", response.getBody()).isEqualTo(status);
		assertThat(response.getHeaders().getContentType().toString()).contains("problem+json");
		if (field != null) {
			List<?> errors = (List<?>) response.getBody().get("errors");
			assertThat(errors).as("errors of %s", response.getBody()).isNotNull();
			assertThat(errors.stream().map(e -> map(e).get("field"))).contains(field);
		}
	}

	static long id(Map<String, Object> object) {
		return ((Number) object.get("id")).longValue();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object object) {
		return (Map<String, Object>) object;
	}
}
