package com.commhub.chat.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.commhub.chat.ConversationKind;
import com.commhub.chat.NewConversation;
import com.commhub.chat.NewMessage;
import com.commhub.chat.SendResult;
import com.commhub.directory.EmployeeView;
import com.commhub.directory.Organisation;

/**
 * Gives the demo company a conversation to look at: the group 采购合同评审 with the demo personas and a few messages,
 * posted through the real send path (compliance, archive). Runs after the demo company and the department channels
 * ({@code @Order(31)}), only where the demo company is loaded and only once (when the group does not exist yet).
 */
@Component
@Order(31)
class DemoChatSeeder implements ApplicationRunner {

	static final String TITLE = "采购合同评审";

	private static final Logger log = LoggerFactory.getLogger(DemoChatSeeder.class);

	private final ChatService chat;
	private final SendPath sendPath;
	private final ChatStore store;
	private final Organisation organisation;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Environment environment;
	private final boolean enabled;

	DemoChatSeeder(ChatService chat, SendPath sendPath, ChatStore store, Organisation organisation, JdbcClient jdbc,
			PlatformTransactionManager transactionManager, Environment environment,
			@Value("${commhub.demo.enabled:}") String enabled) {
		this.chat = chat;
		this.sendPath = sendPath;
		this.store = store;
		this.organisation = organisation;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.environment = environment;
		// the same rule as the demo company itself: unset means only on the embedded default database
		this.enabled = enabled.isBlank() ? environment.getProperty("spring.datasource.url", "").isBlank()
				: Boolean.parseBoolean(enabled);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled || environment.acceptsProfiles(Profiles.of("prod"))) {
			return;
		}
		Map<String, Long> ids = new HashMap<>();
		for (String no : List.of("HT1010", "HT1020", "HT1033", "HT1040", "HT1041", "HT1004")) {
			organisation.employeeByNo(no).map(EmployeeView::id).ifPresent(id -> ids.put(no, id));
		}
		if (ids.size() < 6 || jdbc.sql("select count(*) from chat_conversation where kind = 'GROUP' and title = ?")
			.param(TITLE).query(Long.class).single() > 0) {
			return;
		}
		transactions.executeWithoutResult(status -> seed(ids));
		log.info("demo chat: group {} with a few messages", TITLE);
	}

	private void seed(Map<String, Long> ids) {
		long head = ids.get("HT1010");
		long conversation = chat.createAs(head, new NewConversation(ConversationKind.GROUP, TITLE,
				"办公设备采购合同的评审意见汇总，周四前定稿", null,
				List.of(ids.get("HT1020"), ids.get("HT1033"), ids.get("HT1040"), ids.get("HT1041"), ids.get("HT1004")),
				null, null, null));
		long first = post(head, conversation, "各位好，本周需要完成**办公设备采购合同**的评审。合同草稿已发到邮箱，请大家周四前给出意见。",
				null, List.of());
		post(ids.get("HT1033"), conversation,
				"法务这边先看了一遍：第 7 条违约责任的赔偿上限偏低，建议改为合同总额的 20%。", null, List.of());
		post(ids.get("HT1040"), conversation,
				"市场部补充一点：供应商承诺的交付周期是 30 天，但附件里写的是 45 天，需要统一。", first, List.of());
		post(ids.get("HT1041"), conversation, "收到，我会和供应商确认交付周期，明天下午前回复 @徐婷", null, List.of(head));
		post(ids.get("HT1004"), conversation, "财务意见：付款节点请改为*验收合格后* 30 日内支付尾款。", null, List.of());
		long last = post(ids.get("HT1020"), conversation,
				"提醒：合同中如涉及供应商联系人的身份证号、银行卡号等个人信息，请勿直接在群里发送。", null, List.of());
		Instant now = Instant.now();
		store.addReaction(first, ids.get("HT1040"), "👍", now);
		store.addReaction(first, ids.get("HT1033"), "👍", now);
		long lastSeq = store.message(last).orElseThrow().seq();
		store.markRead(conversation, head, lastSeq);
		store.markRead(conversation, ids.get("HT1020"), lastSeq);
		store.markRead(conversation, ids.get("HT1033"), lastSeq - 2);
	}

	private long post(long sender, long conversation, String text, Long threadRootId, List<Long> mentions) {
		SendResult result = sendPath.post(sender, conversation,
				new NewMessage(text, mentions, List.of(), threadRootId, List.of(), null, null, false, null),
				Locale.SIMPLIFIED_CHINESE);
		if (result.status() != SendResult.Status.SENT) {
			throw new IllegalStateException("demo chat message not sent: " + result.status());
		}
		return result.message().id();
	}
}
