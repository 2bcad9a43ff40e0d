package com.commhub.bench.chat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates the chat load's people in a fresh CommHub through its public interfaces, as an administrator and the
 * employees themselves would:
 * <ol>
 * <li>{@code POST /api/v1/auth/login} as {@code admin} (password from {@code COMMHUB_ADMIN_PASSWORD});</li>
 * <li>directory import (DIR-7, {@code /api/v1/directory/imports}, CSV, dry run then confirm): one company, 20
 * departments, N employees with accounts (the confirm answers each initial password once);</li>
 * <li>{@code POST /api/v1/roles/EMPLOYEE/assignments}: the EMPLOYEE role for the company (subject DEPARTMENT),
 * as the demo company has it;</li>
 * <li>per employee: the initial password must be changed before the API may be used, and there is no REST for
 * that, so the seeder signs in through the web form ({@code /login}) and changes it on {@code /account/password}
 * like a person would, then {@code POST /api/v1/auth/login} gives the bearer token and {@code GET /api/v1/me}
 * the employee id;</li>
 * <li>{@code POST /api/v1/conversations}: GROUP conversations of {@code groupSize} consecutive employees, created
 * by their first member.</li>
 * </ol>
 * Writes {@code people.tsv} (index, 工号, employee id, token) and {@code conversations.tsv} (index, conversation id).
 */
final class ChatSeed {

	static final String PASSWORD = "Chat-Load-2026!Qx";
	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
	private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰辉玲华飞鹏红琳宇浩凯健俊帆帅旭宁龙林欣晨博文瑞雪婷慧颖佳怡梦琪晓云天佩思源子涵雨轩";

	record Person(int index, String employeeNo, long employeeId, String token) {
	}

	private final String base;
	private final int employees;
	private final int groupSize;
	private final int parallel;

	ChatSeed(String base, int employees, int groupSize, int parallel) {
		this.base = base;
		this.employees = employees;
		this.groupSize = groupSize;
		this.parallel = parallel;
	}

	/** Steps 1–4: the people, written to {@code people} (index, 工号, employee id, token). */
	void people(String adminPassword, Path people) throws Exception {
		long t0 = System.nanoTime();
		String admin = JSON.readTree(Http.json("POST", base + "/api/v1/auth/login", null,
				json(Map.of("username", "admin", "password", adminPassword))).require("admin login").body())
			.get("token").asString();

		StringBuilder departments = new StringBuilder("code,name,parent_code\nLOAD,压测科技有限公司,\n");
		int departmentCount = 20;
		for (int d = 1; d <= departmentCount; d++) {
			departments.append("LD%02d,压测%02d部,LOAD\n".formatted(d, d));
		}
		JsonNode created = importFile(admin, "departments", departments.toString());
		long companyId = -1;
		for (JsonNode department : created.get("departments")) {
			if ("LOAD".equals(department.get("code").asString())) {
				companyId = department.get("id").asLong();
			}
		}
		StringBuilder rows = new StringBuilder(
				"employee_no,name,department_code,position,manager_no,office_phone,mobile,employment_type,is_head\n");
		for (int i = 0; i < employees; i++) {
			rows.append("%s,%s,LD%02d,工程师,,,,正式,\n".formatted(employeeNo(i), name(i), 1 + i % departmentCount));
		}
		JsonNode accounts = importFile(admin, "employees", rows.toString()).get("accounts");
		Map<String, String> initialPasswords = new LinkedHashMap<>();
		for (JsonNode account : accounts) {
			initialPasswords.put(account.get("username").asString(), account.get("initialPassword").asString());
		}
		log("imported %d departments, %d employees with accounts (%.0f s)", departmentCount + 1, accounts.size(),
				seconds(t0));
		Http.json("POST", base + "/api/v1/roles/EMPLOYEE/assignments", admin,
				json(Map.of("subjectType", "DEPARTMENT", "subjectId", companyId))).require("grant EMPLOYEE");

		long t1 = System.nanoTime();
		Person[] persons = new Person[employees];
		AtomicInteger done = new AtomicInteger();
		Semaphore slots = new Semaphore(parallel);
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < employees; i++) {
				int index = i;
				futures.add(pool.submit(() -> {
					slots.acquire();
					try {
						String no = employeeNo(index);
						String initial = initialPasswords.get(no);
						if (initial == null) {
							throw new IllegalStateException("no initial password for " + no);
						}
						persons[index] = activate(index, no, initial);
						int n = done.incrementAndGet();
						if (n % 250 == 0) {
							log("  %d/%d accounts activated (%.0f s)", n, employees, seconds(t1));
						}
					}
					finally {
						slots.release();
					}
					return null;
				}));
			}
			for (Future<?> f : futures) {
				f.get();
			}
		}
		log("activated %d accounts: password changed on the web form, API token issued (%.0f s)", employees,
				seconds(t1));
		StringBuilder p = new StringBuilder();
		for (Person person : persons) {
			p.append(person.index()).append('\t').append(person.employeeNo()).append('\t').append(person.employeeId())
				.append('\t').append(person.token()).append('\n');
		}
		Files.writeString(people, p.toString());
		log("people seeded in %.0f s", seconds(t0));
	}

	/** Step 5: the GROUP conversations, written to {@code conversations} (index, conversation id). */
	void conversations(Path people, Path conversations) throws Exception {
		Person[] persons = new Person[employees];
		for (String line : Files.readAllLines(people)) {
			String[] f = line.split("\t");
			int index = Integer.parseInt(f[0]);
			if (index < employees) {
				persons[index] = new Person(index, f[1], Long.parseLong(f[2]), f[3]);
			}
		}
		Semaphore slots = new Semaphore(parallel);

		long t2 = System.nanoTime();
		int groups = employees / groupSize;
		long[] conversationIds = new long[groups];
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> futures = new ArrayList<>();
			for (int g = 0; g < groups; g++) {
				int group = g;
				futures.add(pool.submit(() -> {
					slots.acquire();
					try {
						ObjectNode body = JSON.createObjectNode();
						body.put("kind", "GROUP");
						body.put("title", "压测群%03d".formatted(group + 1));
						var members = body.putArray("memberEmployeeIds");
						for (int m = 0; m < groupSize; m++) {
							members.add(persons[group * groupSize + m].employeeId());
						}
						Person creator = persons[group * groupSize];
						JsonNode conversation = JSON.readTree(Http.json("POST", base + "/api/v1/conversations",
								creator.token(), body.toString()).require("create conversation " + group).body());
						conversationIds[group] = conversation.get("id").asLong();
					}
					finally {
						slots.release();
					}
					return null;
				}));
			}
			for (Future<?> f : futures) {
				f.get();
			}
		}
		log("created %d GROUP conversations of %d members (%.0f s)", groups, groupSize, seconds(t2));
		StringBuilder c = new StringBuilder();
		for (int g = 0; g < groups; g++) {
			c.append(g).append('\t').append(conversationIds[g]).append('\n');
		}
		Files.writeString(conversations, c.toString());
	}

	private Person activate(int index, String no, String initialPassword) throws Exception {
		Http.Browser browser = new Http.Browser(base);
		Http.Response login = browser.get("/login");
		Http.Response signedIn = browser.postForm("/login",
				Map.of("username", no, "password", initialPassword, "_csrf", Http.Browser.csrf(login)));
		if (signedIn.status() != 302 || signedIn.headers().getOrDefault("location", List.of("")).getFirst()
			.contains("error")) {
			throw new IllegalStateException(no + ": web sign-in failed: HTTP " + signedIn.status() + " "
					+ signedIn.headers().get("location"));
		}
		Http.Response form = browser.get("/account/password");
		Http.Response changed = browser.postForm("/account/password", Map.of("currentPassword", initialPassword,
				"newPassword", PASSWORD, "confirmation", PASSWORD, "_csrf", Http.Browser.csrf(form)));
		if (changed.status() != 302) {
			throw new IllegalStateException(no + ": password change failed: HTTP " + changed.status() + " "
					+ Http.abbreviate(changed.body()));
		}
		// a personal token (90 days) from the signed-in session: no further password check, and a cached seed
		// stays usable (login tokens last 8 h)
		Http.Response issued = browser.postJson("/api/v1/tokens", Http.Browser.csrf(form),
				json(Map.of("name", "chat-load", "scopes", List.of("*"), "expiresInDays", 90)));
		if (!issued.ok()) {
			throw new IllegalStateException(no + ": token: HTTP " + issued.status() + " " + Http.abbreviate(issued.body()));
		}
		String secret = JSON.readTree(issued.body()).get("secret").asString();
		JsonNode me = JSON.readTree(Http.json("GET", base + "/api/v1/me", secret, null).require(no + " me").body());
		return new Person(index, no, me.get("account").get("employeeId").asLong(), secret);
	}

	private JsonNode importFile(String admin, String kind, String csv) throws Exception {
		JsonNode report = JSON.readTree(Http.multipart(base + "/api/v1/directory/imports", admin, Map.of("kind", kind),
				kind + ".csv", csv.getBytes(StandardCharsets.UTF_8)).require("import " + kind).body());
		if (!report.get("valid").asBoolean()) {
			throw new IllegalStateException("import " + kind + " has errors: " + Http.abbreviate(report.toString()));
		}
		return JSON.readTree(Http.json("POST",
				base + "/api/v1/directory/imports/" + report.get("id").asLong() + "/confirm", admin, null)
			.require("confirm " + kind).body());
	}

	static String employeeNo(int index) {
		return "LT%05d".formatted(index + 1);
	}

	private static String name(int index) {
		int s = index % SURNAMES.length();
		int a = (index / SURNAMES.length()) % GIVEN.length();
		int b = (index * 7 + 3) % GIVEN.length();
		return "" + SURNAMES.charAt(s) + GIVEN.charAt(a) + GIVEN.charAt(b);
	}

	private static String json(Map<String, ?> fields) {
		return JSON.writeValueAsString(fields);
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	static void log(String format, Object... args) {
		System.err.printf("[%tT] %s%n", System.currentTimeMillis(), format.formatted(args));
	}
}
