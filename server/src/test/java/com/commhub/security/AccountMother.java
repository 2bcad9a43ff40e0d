package com.commhub.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.commhub.Api;
import com.commhub.Personas;

/**
 * Fresh employees with their own accounts, hired by the administrator through {@code POST /api/v1/employees}, so a
 * test may lock, enrol or sign out an account nobody else uses. Their 工号 carries a random suffix.
 */
public final class AccountMother {

	/** Meets the password policy and contains no 工号. */
	public static final String INITIAL_PASSWORD = "Lanhua-Qiu-2026!";

	private AccountMother() {
	}

	public record Hired(String employeeNo, long employeeId, String password) {
	}

	/** Hires a new employee into the department whose label ends with {@code (code)}, e.g. {@code SC}. */
	public static Hired hire(Api api, DirectoryLookup directory, String departmentCode) {
		long departmentId = departmentId(directory, departmentCode);
		String employeeNo = "T" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("employeeNo", employeeNo);
		body.put("name", "测试" + employeeNo.substring(employeeNo.length() - 4));
		body.put("departmentId", departmentId);
		body.put("position", "测试专员");
		body.put("employmentType", "FULL_TIME");
		body.put("initialPassword", INITIAL_PASSWORD);
		var response = api.post(Personas.ADMIN, "/api/v1/employees").body(body).retrieve().toEntity(Map.class);
		if (response.getStatusCode().value() != 201 && response.getStatusCode().value() != 200) {
			throw new IllegalStateException("cannot hire " + employeeNo + ": " + response);
		}
		Object id = response.getBody().get("id");
		if (id == null && response.getBody().get("employee") instanceof Map<?, ?> employee) {
			id = employee.get("id");
		}
		return new Hired(employeeNo, ((Number) id).longValue(), INITIAL_PASSWORD);
	}

	public static long departmentId(DirectoryLookup directory, String code) {
		return directory.departments().stream()
			.filter(choice -> choice.label().endsWith("(" + code + ")"))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no department " + code))
			.id();
	}
}
