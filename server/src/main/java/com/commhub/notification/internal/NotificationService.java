package com.commhub.notification.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.commhub.notification.NewNotification;
import com.commhub.notification.NotificationKind;
import com.commhub.notification.NotificationPreferences;
import com.commhub.notification.NotificationView;
import com.commhub.notification.Notifications;
import com.commhub.notification.UnreadCount;
import com.commhub.notification.Urgency;
import com.commhub.security.AccountInfo;
import com.commhub.security.AccountManagement;
import com.commhub.security.CurrentUser;
import com.commhub.shared.NotFoundException;
import com.commhub.shared.PageResult;

/**
 * Stores notifications ({@code ntf_notification}) and shows each one to its recipient only: a notification of
 * someone else, or one still held by quiet hours, is 404. A notification is delivered at {@code visible_at}
 * ({@link QuietHours}); until then it counts as deferred, not unread.
 */
@Service
public class NotificationService implements Notifications {

	public static final int MAX_PAGE_SIZE = 100;

	private final JdbcClient jdbc;
	private final AccountManagement accounts;
	private final PreferenceService preferences;
	private final MessageSource messages;
	private final Clock clock;

	NotificationService(JdbcClient jdbc, AccountManagement accounts, PreferenceService preferences,
			MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.preferences = preferences;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Optional<Long> notify(NewNotification notification) {
		return notify(notification, clock.instant());
	}

	/** As {@link #notify(NewNotification)}, created at the given time (quiet hours are judged against it). */
	@Transactional
	public Optional<Long> notify(NewNotification notification, Instant now) {
		Long accountId = notification.recipient().accountId() != null ? notification.recipient().accountId()
				: accounts.accountOf(notification.recipient().employeeId()).map(AccountInfo::accountId).orElse(null);
		if (accountId == null) {
			return Optional.empty();
		}
		NotificationPreferences prefs = preferences.of(accountId);
		if (!notification.kind().mandatory() && prefs.mutedKinds().contains(notification.kind())) {
			return Optional.empty();
		}
		Instant visible = QuietHours.deliveryTime(now, notification.urgency(), prefs);
		String sourceId = truncate(notification.sourceId(), 128);
		Optional<Long> created = jdbc.sql("""
				insert into ntf_notification (recipient_account_id, kind, urgency, title_code, body_code, arguments,
				    link, source_module, source_id, created_at, visible_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (recipient_account_id, kind, source_module, source_id) do nothing returning id""")
			.params(accountId, notification.kind().name(), notification.urgency().name(), notification.titleCode(),
					notification.bodyCode(), notification.arguments().toArray(String[]::new), notification.link(),
					notification.sourceModule(), sourceId, utc(now), utc(visible))
			.query(Long.class)
			.optional();
		if (created.isPresent()) {
			return created;
		}
		// already notified of this source (an event delivered again): keep the first one
		return jdbc.sql("""
				select id from ntf_notification
				where recipient_account_id = ? and kind = ? and source_module = ? and source_id = ?""")
			.params(accountId, notification.kind().name(), notification.sourceModule(), sourceId)
			.query(Long.class)
			.optional();
	}

	/** My delivered notifications, unread first, then newest first. */
	@Transactional(readOnly = true)
	public PageResult<NotificationView> mine(boolean unreadOnly, int page, int size, Locale locale) {
		long me = CurrentUser.require().accountId();
		int pageSize = Math.clamp(size, 1, MAX_PAGE_SIZE);
		int pageNumber = Math.max(page, 0);
		String where = "recipient_account_id = ? and visible_at <= ?" + (unreadOnly ? " and read_at is null" : "");
		OffsetDateTime now = utc(clock.instant());
		long total = jdbc.sql("select count(*) from ntf_notification where " + where)
			.params(me, now)
			.query(Long.class)
			.single();
		List<NotificationView> items = jdbc.sql("select * from ntf_notification where " + where
				+ " order by (read_at is null) desc, visible_at desc, id desc limit ? offset ?")
			.params(me, now, pageSize, (long) pageNumber * pageSize)
			.query((rs, n) -> view(rs, locale))
			.list();
		return new PageResult<>(items, pageNumber, pageSize, total);
	}

	@Transactional(readOnly = true)
	public UnreadCount unreadCount() {
		long me = CurrentUser.require().accountId();
		return jdbc.sql("""
				select count(*) filter (where visible_at <= ?) as unread, count(*) filter (where visible_at > ?) as deferred
				from ntf_notification where recipient_account_id = ? and read_at is null""")
			.params(utc(clock.instant()), utc(clock.instant()), me)
			.query((rs, n) -> new UnreadCount(rs.getLong("unread"), rs.getLong("deferred")))
			.single();
	}

	@Transactional(readOnly = true)
	public NotificationView get(long id, Locale locale) {
		return jdbc.sql("select * from ntf_notification where id = ? and recipient_account_id = ? and visible_at <= ?")
			.params(id, CurrentUser.require().accountId(), utc(clock.instant()))
			.query((rs, n) -> view(rs, locale))
			.optional()
			.orElseThrow(() -> new NotFoundException("notification", id));
	}

	/** Marks one of my delivered notifications read (again: no change); 404 for anyone else's. */
	@Transactional
	public NotificationView markRead(long id, Locale locale) {
		int changed = jdbc.sql("""
				update ntf_notification set read_at = coalesce(read_at, ?)
				where id = ? and recipient_account_id = ? and visible_at <= ?""")
			.params(utc(clock.instant()), id, CurrentUser.require().accountId(), utc(clock.instant()))
			.update();
		if (changed == 0) {
			throw new NotFoundException("notification", id);
		}
		return get(id, locale);
	}

	/** Marks all my delivered notifications read (held ones stay held); returns how many changed. */
	@Transactional
	public int markAllRead() {
		return jdbc.sql("""
				update ntf_notification set read_at = ?
				where recipient_account_id = ? and read_at is null and visible_at <= ?""")
			.params(utc(clock.instant()), CurrentUser.require().accountId(), utc(clock.instant()))
			.update();
	}

	private NotificationView view(ResultSet rs, Locale locale) throws SQLException {
		Array array = rs.getArray("arguments");
		Object[] arguments = array == null ? new Object[0] : (Object[]) array.getArray();
		String titleCode = rs.getString("title_code");
		String bodyCode = rs.getString("body_code");
		OffsetDateTime read = rs.getObject("read_at", OffsetDateTime.class);
		return new NotificationView(rs.getLong("id"), NotificationKind.valueOf(rs.getString("kind")),
				Urgency.valueOf(rs.getString("urgency")), messages.getMessage(titleCode, arguments, titleCode, locale),
				bodyCode == null ? null : messages.getMessage(bodyCode, arguments, bodyCode, locale),
				rs.getString("link"), rs.getString("source_module"), rs.getString("source_id"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("visible_at", OffsetDateTime.class).toInstant(), read == null ? null : read.toInstant());
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static String truncate(String value, int max) {
		return value.length() <= max ? value : value.substring(0, max);
	}
}
