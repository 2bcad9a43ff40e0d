package com.commhub.directory.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.commhub.directory.EmploymentType;
import com.commhub.directory.GroupKind;
import com.commhub.security.AccountManagement;
import com.commhub.security.RoleGrants;
import com.commhub.security.RoleSubject;

/**
 * Loads the demo company 华信智联 (departments, employees, project groups, personas with roles) into an empty
 * directory when {@code commhub.demo.enabled} is true, which it is only on the embedded default. Never in
 * {@code prod}, whatever the setting says.
 */
@Component
@Order(20)
class DemoCompanyLoader implements ApplicationRunner {

	/** 工号 of the demo personas; tests name them in one place, {@code Personas}. */
	static final String DEPARTMENT_HEAD = "HT1010";
	static final String COMMUNICATION_OFFICER = "HT1020";
	static final String AUDITOR = "HT1030";
	static final String EMPLOYEE = "HT1040";

	private static final Logger log = LoggerFactory.getLogger(DemoCompanyLoader.class);

	private final Departments departments;
	private final Employees employees;
	private final WorkGroups groups;
	private final MailAddresses mailAddresses;
	private final AccountManagement accounts;
	private final RoleGrants roles;
	private final Environment environment;
	private final Clock clock;
	private final boolean enabled;
	private final String configuredPassword;

	DemoCompanyLoader(Departments departments, Employees employees, WorkGroups groups, MailAddresses mailAddresses,
			AccountManagement accounts, RoleGrants roles, Environment environment, Clock clock,
			@Value("${commhub.demo.enabled:}") String enabled,
			@Value("${commhub.demo.password:}") String configuredPassword) {
		this.departments = departments;
		this.employees = employees;
		this.groups = groups;
		this.mailAddresses = mailAddresses;
		this.accounts = accounts;
		this.roles = roles;
		this.environment = environment;
		this.clock = clock;
		// unset: only on the embedded default database, i.e. when no external datasource URL is configured
		this.enabled = enabled.isBlank() ? environment.getProperty("spring.datasource.url", "").isBlank()
				: Boolean.parseBoolean(enabled);
		this.configuredPassword = configuredPassword;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) throws IOException {
		if (!enabled || departments.count() > 0) {
			return;
		}
		if (environment.acceptsProfiles(Profiles.of("prod"))) {
			log.warn("commhub.demo.enabled is ignored in the prod profile: no demo data is loaded");
			return;
		}
		Instant now = Instant.now(clock);
		Map<String, Department> byCode = new LinkedHashMap<>();
		for (CSVRecord row : read("demo/departments.csv")) {
			Department parent = row.get("parent_code").isBlank() ? null : byCode.get(row.get("parent_code"));
			Department d = departments.save(
					new Department(row.get("code"), row.get("name"), parent == null ? null : parent.id(), now));
			byCode.put(d.code(), d);
		}
		Map<String, Employee> byNo = new LinkedHashMap<>();
		LocalDate hiredOn = LocalDate.now(clock).minusYears(1);
		for (CSVRecord row : read("demo/employees.csv")) {
			Department department = byCode.get(row.get("department_code"));
			Employee manager = row.get("manager_no").isBlank() ? null : byNo.get(row.get("manager_no"));
			String name = row.get("name");
			String no = row.get("employee_no");
			Employee e = new Employee(no, mailAddresses.generate(name, department.code(), no, employees::emailTaken),
					hiredOn, now);
			e.update(name, Pinyin.of(name), department.id(), row.get("position"), manager == null ? null : manager.id(),
					PhoneNumbers.normaliseOffice(row.get("office_phone")).orElse(null),
					PhoneNumbers.normaliseMobile(row.get("mobile")).orElse(null),
					EmploymentType.parse(row.get("employment_type")).orElseThrow(), now);
			e = employees.saveAndFlush(e);
			byNo.put(no, e);
			if ("是".equals(row.get("is_head"))) {
				department.setHead(e.id(), now);
			}
		}
		String password = configuredPassword.isBlank() ? generatePassword() : configuredPassword;
		Map<Long, String> names = new HashMap<>();
		Map<Long, String> usernames = new HashMap<>();
		byNo.values().forEach(e -> {
			names.put(e.id(), e.name());
			usernames.put(e.id(), e.employeeNo());
		});
		accounts.provisionDemoAccounts(names, usernames, password);

		Department root = byCode.values().iterator().next();
		roles.grantAtStartup("EMPLOYEE", RoleSubject.DEPARTMENT, root.id());
		byCode.values().stream().filter(d -> d.headEmployeeId() != null)
			.forEach(d -> roles.grantAtStartup("DEPT_HEAD", RoleSubject.EMPLOYEE, d.headEmployeeId()));
		roles.grantAtStartup("COMM_OFFICER", RoleSubject.EMPLOYEE, byNo.get(COMMUNICATION_OFFICER).id());
		roles.grantAtStartup("AUDITOR", RoleSubject.EMPLOYEE, byNo.get(AUDITOR).id());

		createGroup("智慧园区项目组", GroupKind.PROJECT, "面向园区客户的综合通信解决方案交付", byNo,
				List.of("HT1015", "HT1013", "HT1011", "HT1040", "HT1041"));
		createGroup("年度预算编制工作组", GroupKind.WORKING, "跨部门编制下一年度预算", byNo,
				List.of("HT1004", "HT1003", "HT1010", "HT1030"));
		createGroup("新品发布项目组", GroupKind.PROJECT, "新产品上市的市场与销售协同", byNo,
				List.of("HT1006", "HT1007", "HT1016", "HT1041", "HT1035"));

		log.warn("""

				============================================================
				 Demo company 华信智联科技 loaded: {} departments, {} employees
				 Demo personas sign in with their 工号 and the demo password
				   password: {}{}
				   部门负责人 (department head)        {}  {}
				   通讯管理专员 (communication officer) {}  {}
				   审计员 (auditor)                    {}  {}
				   员工 (employee)                     {}  {}
				============================================================""", byCode.size(), byNo.size(), password,
				configuredPassword.isBlank() ? "   (generated; set COMMHUB_DEMO_PASSWORD to choose it)" : "",
				DEPARTMENT_HEAD, byNo.get(DEPARTMENT_HEAD).name(), COMMUNICATION_OFFICER,
				byNo.get(COMMUNICATION_OFFICER).name(), AUDITOR, byNo.get(AUDITOR).name(), EMPLOYEE,
				byNo.get(EMPLOYEE).name());
	}

	private void createGroup(String name, GroupKind kind, String description, Map<String, Employee> byNo,
			List<String> memberNos) {
		WorkGroup group = new WorkGroup(name, kind, description, Instant.now(clock));
		boolean first = true;
		for (String no : memberNos) {
			group.put(byNo.get(no).id(), first);
			first = false;
		}
		groups.save(group);
	}

	private static List<CSVRecord> read(String resource) throws IOException {
		try (Reader reader = new InputStreamReader(new ClassPathResource(resource).getInputStream(),
				StandardCharsets.UTF_8)) {
			return new ArrayList<>(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
				.parse(reader).getRecords());
		}
	}

	private static String generatePassword() {
		String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
		SecureRandom random = new SecureRandom();
		StringBuilder sb = new StringBuilder("Demo-");
		for (int i = 0; i < 10; i++) {
			sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return sb.append('7').toString();
	}
}
