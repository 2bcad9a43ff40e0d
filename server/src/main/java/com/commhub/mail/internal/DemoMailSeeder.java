package com.commhub.mail.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import com.commhub.mail.Addressee;
import com.commhub.mail.MailDraft;
import com.commhub.mail.MailSendResult;
import com.commhub.mail.ReplyKind;
import com.commhub.security.CommHubUser;
import com.commhub.shared.Classification;

/**
 * Gives the demo company a few mails between the personas, sent through the real send path (access, compliance,
 * archive, notifications) as each sender. Runs after the demo company ({@code @Order(32)}), only where the demo
 * company is loaded (the same rule as the demo company itself) and only once (when no mail exists yet).
 */
@Component
@Order(32)
class DemoMailSeeder implements ApplicationRunner {

	static final String FIRST_SUBJECT = "关于办公设备采购合同评审的通知";

	private static final Logger log = LoggerFactory.getLogger(DemoMailSeeder.class);

	private final MailService mail;
	private final JdbcClient jdbc;
	private final Environment environment;
	private final boolean enabled;

	DemoMailSeeder(MailService mail, JdbcClient jdbc, Environment environment,
			@Value("${commhub.demo.enabled:}") String enabled) {
		this.mail = mail;
		this.jdbc = jdbc;
		this.environment = environment;
		this.enabled = enabled.isBlank() ? environment.getProperty("spring.datasource.url", "").isBlank()
				: Boolean.parseBoolean(enabled);
	}

	record Persona(long accountId, long employeeId, String username, String name) {
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled || environment.acceptsProfiles(Profiles.of("prod"))
				|| jdbc.sql("select count(*) from mail_message").query(Long.class).single() > 0) {
			return;
		}
		Map<String, Persona> people = new HashMap<>();
		for (String no : List.of("HT1010", "HT1040", "HT1041", "HT1006", "HT1020", "HT1019")) {
			persona(no).ifPresent(p -> people.put(no, p));
		}
		Optional<Long> marketing = id("select id from dir_department where code = 'SC'");
		Optional<Long> company = id("select id from dir_department where parent_id is null order by id limit 1");
		Optional<Long> project = id("select id from dir_group where name = '智慧园区项目组'");
		if (people.size() < 6 || marketing.isEmpty() || company.isEmpty() || project.isEmpty()) {
			return;
		}
		// restore the context itself: getLocale() falls back to the JVM default, which must not stick to this thread
		var previous = LocaleContextHolder.getLocaleContext();
		LocaleContextHolder.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
		try {
			MailSendResult notice = send(people.get("HT1010"), new MailDraft(
					List.of(Addressee.department(marketing.get())), List.of(Addressee.employee(people.get("HT1019").employeeId())),
					List.of(), FIRST_SUBJECT,
					"<p>市场部各位同事：</p><p>办公设备采购合同（第二版）已定稿待评审，请于<b>本周四下班前</b>将意见回复本邮件。</p>"
							+ "<ul><li>重点关注：交付周期、违约责任、付款节点</li><li>合同文本见共享盘“行政部/采购/2026”</li></ul>"
							+ "<p>谢谢！<br>行政部 徐婷</p>",
					Classification.INTERNAL, List.of(), true, null, null, null));
			if (notice != null) {
				Persona linhaoran = people.get("HT1040");
				long item = jdbc.sql("select id from mail_item where mail_id = ? and owner_employee_id = ?")
					.params(notice.mail().mailId(), linhaoran.employeeId()).query(Long.class).single();
				MailDraft reply = as(linhaoran, () -> mail.prepareReply(item, ReplyKind.REPLY_ALL));
				send(linhaoran, new MailDraft(reply.to(), reply.cc(), List.of(), reply.subject(),
						"<p>徐经理好：</p><p>市场部意见如下：供应商承诺交付周期为 30 天，但附件写的是 45 天，建议统一为 30 天。</p>"
								+ reply.bodyHtml(),
						reply.classification(), List.of(), false, null, reply.replyToMailId(), null));
			}
			send(people.get("HT1041"), new MailDraft(List.of(Addressee.group(project.get())), List.of(), List.of(),
					"智慧园区项目周报（第 12 周）",
					"<h3>本周进展</h3><ol><li>园区一期网络割接完成</li><li>客服热线接入测试通过</li></ol>"
							+ "<h3>下周计划</h3><ul><li>与华东销售组确认二期报价</li></ul><p>请各位补充遗漏事项。</p>",
					Classification.INTERNAL, List.of(), false, LocalDate.now().plusDays(3), null, null));
			send(people.get("HT1006"), new MailDraft(List.of(Addressee.employee(people.get("HT1040").employeeId())),
					List.of(), List.of(), "新品发布会媒体名单（请勿外传）",
					"<p>浩然：</p><p>附上发布会邀请的媒体名单初稿，发布前请勿外传，周五前核对联系人信息。</p>",
					Classification.CONFIDENTIAL, List.of(), false, null, null, null));
			send(people.get("HT1020"), new MailDraft(List.of(Addressee.department(company.get())), List.of(), List.of(),
					"关于规范使用即时通讯与内部邮件的提醒",
					"<p>各位同事：</p><p>请勿通过即时通讯或邮件发送身份证号、银行卡号等个人信息；如确有需要，系统会提示并要求填写理由。</p>"
							+ "<p>机密内容请正确标注密级。</p><p>法务合规部 王磊</p>",
					Classification.INTERNAL, List.of(), false, null, null, null));
			log.info("demo mail: a few mails between the personas");
		}
		finally {
			LocaleContextHolder.setLocaleContext(previous);
		}
	}

	private MailSendResult send(Persona sender, MailDraft draft) {
		MailSendResult result = as(sender, () -> mail.send(null, draft, null));
		if (result.status() != MailSendResult.Status.SENT) {
			log.warn("demo mail '{}' not sent: {}", draft.subject(), result.status());
			return null;
		}
		return result;
	}

	private <T> T as(Persona persona, java.util.function.Supplier<T> action) {
		var previous = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		CommHubUser user = new CommHubUser(persona.accountId(), persona.username(), persona.name(),
				persona.employeeId(), null, true);
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
		SecurityContextHolder.setContext(context);
		try {
			return action.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	private Optional<Persona> persona(String employeeNo) {
		return jdbc.sql("""
				select a.id as account_id, e.id as employee_id, a.username, e.name from dir_employee e
				join sec_account a on a.employee_id = e.id where e.employee_no = ?""")
			.param(employeeNo)
			.query((rs, n) -> new Persona(rs.getLong("account_id"), rs.getLong("employee_id"),
					rs.getString("username"), rs.getString("name")))
			.optional();
	}

	private Optional<Long> id(String sql) {
		return jdbc.sql(sql).query(Long.class).optional();
	}
}
