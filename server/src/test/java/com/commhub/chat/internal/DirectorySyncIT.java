package com.commhub.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.commhub.Api;
import com.commhub.IntegrationTest;
import com.commhub.Personas;

/**
 * Department channels follow the directory (CHAT-1): a new department gets its channel, a hired employee joins it
 * and its parent's, the head owns it, a move leaves the old channel; project conversations follow their group.
 */
@IntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class DirectorySyncIT {

	@Autowired
	DirectorySync sync;
	@Autowired
	JdbcTemplate jdbc;
	@LocalServerPort
	int port;

	String unique() {
		return String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
	}

	long id(Map<?, ?> map) {
		return ((Number) map.get("id")).longValue();
	}

	Long channelOf(long departmentId) {
		return jdbc.queryForObject("select id from chat_conversation where kind = 'DEPARTMENT' and department_id = ?",
				Long.class, departmentId);
	}

	Map<Long, Boolean> members(long conversation) {
		Map<Long, Boolean> result = new HashMap<>();
		jdbc.query("select employee_id, owner from chat_member where conversation_id = ?",
				rs -> {
					result.put(rs.getLong(1), rs.getBoolean(2));
				}, conversation);
		return result;
	}

	@Test
	void departmentChannelsFollowTheDirectory() {
		Api api = new Api(port);
		long root = jdbc.queryForObject("select id from dir_department where parent_id is null", Long.class);
		ResponseEntity<Map> created = api.post(Personas.ADMIN, "/api/v1/departments")
			.body(Map.of("code", "C" + unique(), "name", "聊天同步部" + unique(), "parentId", root)).retrieve()
			.toEntity(Map.class);
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		long department = id(created.getBody());
		sync.sync();
		long channel = channelOf(department);
		assertThat(members(channel)).isEmpty();

		Map<String, Object> fields = new HashMap<>(Map.of("employeeNo", "T" + unique(), "name", "周同步",
				"departmentId", department, "position", "专员", "employmentType", "FULL_TIME"));
		ResponseEntity<Map> hired = api.post(Personas.ADMIN, "/api/v1/employees").body(fields).retrieve()
			.toEntity(Map.class);
		assertThat(hired.getStatusCode().value()).as("%s", hired.getBody()).isEqualTo(201);
		long employee = id((Map) hired.getBody().get("employee"));
		api.patch(Personas.ADMIN, "/api/v1/departments/{id}", department).body(Map.of("headEmployeeId", employee))
			.retrieve().toBodilessEntity();
		assertThat(sync.sync()).isPositive();
		assertThat(members(channel)).containsEntry(employee, true);
		assertThat(members(channelOf(root))).containsEntry(employee, false);
		assertThat(sync.sync()).as("nothing left to change").isZero();

		api.post(Personas.ADMIN, "/api/v1/employees/{id}/suspend", employee).body(Map.of()).retrieve()
			.toBodilessEntity();
		sync.sync();
		assertThat(members(channel)).doesNotContainKey(employee);
	}

	@Test
	void projectConversationsFollowTheirGroup() {
		Api api = new Api(port);
		Long group = jdbc.queryForObject("select id from dir_group where name = '智慧园区项目组'", Long.class);
		Long existing = jdbc.query("select id from chat_conversation where kind = 'PROJECT' and directory_group_id = ?",
				rs -> rs.next() ? rs.getLong(1) : null, group);
		long conversation;
		if (existing == null) {
			ResponseEntity<Map> created = api.post(Personas.EMPLOYEE, "/api/v1/conversations")
				.body(Map.of("kind", "PROJECT", "directoryGroupId", group)).retrieve().toEntity(Map.class);
			assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
			conversation = id(created.getBody());
			assertThat(created.getBody().get("title")).isEqualTo("智慧园区项目组");
		}
		else {
			conversation = existing;
		}
		ResponseEntity<String> second = api.post(Personas.EMPLOYEE, "/api/v1/conversations")
			.body(Map.of("kind", "PROJECT", "directoryGroupId", group)).retrieve().toEntity(String.class);
		assertThat(second.getStatusCode().value()).isEqualTo(409);
		ResponseEntity<String> outsider = api.post(Personas.AUDITOR, "/api/v1/conversations")
			.body(Map.of("kind", "PROJECT", "directoryGroupId", group)).retrieve().toEntity(String.class);
		assertThat(outsider.getStatusCode().value()).isEqualTo(400);

		long auditor = jdbc.queryForObject("select id from dir_employee where employee_no = ?", Long.class,
				Personas.AUDITOR);
		api.post(Personas.ADMIN, "/api/v1/groups/{id}/members", group).body(Map.of("employeeId", auditor, "owner", false))
			.retrieve().toBodilessEntity();
		sync.sync();
		assertThat(members(conversation)).containsKey(auditor);
		api.delete(Personas.ADMIN, "/api/v1/groups/{id}/members/{employee}", group, auditor).retrieve()
			.toBodilessEntity();
		sync.sync();
		assertThat(members(conversation)).doesNotContainKey(auditor);
		assertThat(List.copyOf(members(conversation).values())).contains(true);
	}
}
