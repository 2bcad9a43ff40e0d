package com.commhub.mail.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.commhub.mail.MailFollowUpDue;
import com.commhub.shared.Classification;

/**
 * MAIL-4 follow-ups: every 15 minutes, one node at a time (a transaction-scoped advisory lock), reminds senders whose
 * follow-up date has come and whose mail got no reply in its thread (a mail there from someone else, sent later).
 * Each mail is reminded once ({@code follow_up_notified_at}).
 */
@Component
public class FollowUpReminders {

	/** The advisory lock key: "MAILFUP" in ASCII. */
	private static final long LOCK_KEY = 0x4D41494C465550L;

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	FollowUpReminders(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	record Due(long mailId, long senderEmployeeId, long senderItemId, String subject, String classification,
			LocalDate followUpOn) {
	}

	/** Sends the reminders that are due; returns how many. */
	@Scheduled(fixedDelayString = "${commhub.mail.follow-up.delay:15m}",
			initialDelayString = "${commhub.mail.follow-up.initial-delay:1m}")
	@Transactional
	public int remindDue() {
		if (!jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK_KEY).query(Boolean.class).single()) {
			return 0;
		}
		Instant now = Instant.now(clock);
		List<Due> due = jdbc.sql("""
				select m.id, m.sender_employee_id, i.id as item_id, m.subject, m.classification, m.follow_up_on
				from mail_message m
				join mail_item i on i.mail_id = m.id and i.owner_employee_id = m.sender_employee_id
				where m.follow_up_on is not null and m.follow_up_notified_at is null and m.state = 'SENT'
				  and m.follow_up_on <= ?
				  and not exists (select 1 from mail_message r where r.thread_id = m.thread_id
				                  and r.sender_employee_id <> m.sender_employee_id and r.state = 'SENT'
				                  and r.sent_at > m.sent_at)
				order by m.id limit 500
				for update of m skip locked""")
			.param(LocalDate.now(clock))
			.query((rs, n) -> new Due(rs.getLong("id"), rs.getLong("sender_employee_id"), rs.getLong("item_id"),
					rs.getString("subject"), rs.getString("classification"),
					rs.getObject("follow_up_on", LocalDate.class)))
			.list();
		for (Due d : due) {
			jdbc.sql("update mail_message set follow_up_notified_at = ? where id = ?")
				.params(java.sql.Timestamp.from(now), d.mailId()).update();
			events.publishEvent(new MailFollowUpDue(d.mailId(), d.senderEmployeeId(), d.senderItemId(), d.subject(),
					Classification.valueOf(d.classification()), d.followUpOn()));
		}
		return due.size();
	}
}
