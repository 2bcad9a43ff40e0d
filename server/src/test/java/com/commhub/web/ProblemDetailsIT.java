package com.commhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.commhub.Api;
import com.commhub.IntegrationTest;
import com.commhub.Personas;

/** Bad input to the API is answered with RFC 9457 problem details that name the field, never a 500. */
@IntegrationTest
class ProblemDetailsIT {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	@Test
	@SuppressWarnings("unchecked")
	void wrongJsonTypeNamesTheField() {
		var response = api.post(Personas.ADMIN, "/api/v1/employees")
			.body(Map.of("employeeNo", "PD-1", "name", "测试", "departmentId", "abc"))
			.retrieve()
			.toEntity(Map.class);
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
		var errors = (List<Map<String, String>>) response.getBody().get("errors");
		assertThat(errors).extracting(e -> e.get("field")).containsExactly("departmentId");
	}

	@Test
	void malformedJsonIsABadRequest() {
		var response = api.post(Personas.ADMIN, "/api/v1/departments").body("{not json").retrieve()
			.toEntity(String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getBody()).contains("\"status\":400");
	}

	@Test
	void unknownApiPathIsAProblemDocument() {
		var response = api.get(Personas.EMPLOYEE, "/api/v1/no-such-thing").retrieve().toEntity(String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(404);
		assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
	}

	@Test
	void englishOnRequest() {
		var response = api.post(Personas.ADMIN, "/api/v1/departments")
			.header("Accept-Language", "en")
			.body(Map.of("code", "Q", "name", "x"))
			.retrieve()
			.toEntity(String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getBody()).contains("\"field\":\"code\"").contains("letters or digits");
	}
}
