package com.commhub.directory.internal;

import java.util.Locale;
import java.util.function.Predicate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * DIR-4: company mail addresses from a configurable format, default {@code {pinyin}{dept}} at the configured domain,
 * e.g. 王芳 in 销售部 (XS) → {@code wangfangxs@…}. When the address is taken (by anyone, including people who left,
 * so addresses are never reused) the next free number is appended: {@code wangfangxs2}, {@code wangfangxs3}, …
 */
@Component
class MailAddresses {

	private final String format;
	private final String domain;

	MailAddresses(@Value("${commhub.directory.mail.format:{pinyin}{dept}}") String format,
			@Value("${commhub.directory.mail.domain:example.cn}") String domain) {
		this.format = format;
		this.domain = domain.toLowerCase(Locale.ROOT);
	}

	String generate(String name, String departmentCode, String employeeNo, Predicate<String> taken) {
		String local = format.replace("{pinyin}", Pinyin.compact(name))
			.replace("{dept}", departmentCode)
			.replace("{employeeNo}", employeeNo)
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9._-]", "");
		if (local.isEmpty()) {
			local = employeeNo.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		}
		String candidate = local + "@" + domain;
		for (int n = 2; taken.test(candidate); n++) {
			candidate = local + n + "@" + domain;
		}
		return candidate;
	}
}
