package com.commhub.mail.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.commhub.files.StoredFile;
import com.commhub.mail.Addressee;
import com.commhub.mail.LabelView;
import com.commhub.mail.MailView;
import com.commhub.mail.RecipientField;
import com.commhub.shared.BusinessRuleException;

/** The plain rows of a mail (addressees as typed, attachments) and a person's folders and labels. */
@Component
class MailStore {

	private final JdbcClient jdbc;

	MailStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Locks a mail row until the transaction ends, so an autosave and a send of the same draft run one after the
	 * other (the second then sees the first's outcome) instead of failing on the version.
	 */
	void lock(long mailId) {
		jdbc.sql("select id from mail_message where id = ? for update").param(mailId).query(Long.class).optional();
	}

	/** Marks an item read if it is not; false when it already was. */
	boolean markRead(long itemId, Instant now) {
		return jdbc.sql("update mail_item set read_at = ? where id = ? and read_at is null")
			.params(java.sql.Timestamp.from(now), itemId).update() == 1;
	}

	/** Records a recipient's first reading of a mail that asked for a receipt; false when it was recorded before. */
	boolean recordReceipt(long mailId, long employeeId, Instant now) {
		return jdbc.sql("update mail_recipient set read_at = ? where mail_id = ? and employee_id = ? and read_at is null")
			.params(java.sql.Timestamp.from(now), mailId, employeeId).update() == 1;
	}

	void replaceAddressees(long mailId, Map<RecipientField, List<Addressee>> addressees) {
		jdbc.sql("delete from mail_addressee where mail_id = ?").param(mailId).update();
		int position = 0;
		for (var entry : addressees.entrySet()) {
			for (Addressee a : entry.getValue()) {
				jdbc.sql("insert into mail_addressee (mail_id, field, kind, target_id, position) values (?, ?, ?, ?, ?)")
					.params(mailId, entry.getKey().name(), a.kind().name(), a.id(), position++)
					.update();
			}
		}
	}

	Map<RecipientField, List<Addressee>> addressees(long mailId) {
		Map<RecipientField, List<Addressee>> result = new EnumMap<>(RecipientField.class);
		for (RecipientField f : RecipientField.values()) {
			result.put(f, new ArrayList<>());
		}
		jdbc.sql("select field, kind, target_id from mail_addressee where mail_id = ? order by position")
			.param(mailId)
			.query((rs, n) -> {
				result.get(RecipientField.valueOf(rs.getString("field")))
					.add(new Addressee(Addressee.Kind.valueOf(rs.getString("kind")), rs.getLong("target_id")));
				return null;
			})
			.list();
		return result;
	}

	void replaceAttachments(long mailId, List<StoredFile> files) {
		jdbc.sql("delete from mail_attachment where mail_id = ?").param(mailId).update();
		int position = 0;
		for (StoredFile f : files) {
			jdbc.sql("""
					insert into mail_attachment (mail_id, file_id, position, name, content_type, size, sha256)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(mailId, f.id(), position++, f.name(), f.contentType(), f.size(), f.sha256())
				.update();
		}
	}

	List<MailView.Attachment> attachments(long mailId) {
		return jdbc.sql("""
				select file_id, name, content_type, size, sha256 from mail_attachment where mail_id = ?
				order by position""")
			.param(mailId)
			.query((rs, n) -> new MailView.Attachment(rs.getLong("file_id"), rs.getString("name"),
					rs.getString("content_type"), rs.getLong("size"), rs.getString("sha256")))
			.list();
	}

	// ---- folders

	record Folder(long id, String name) {
	}

	List<Folder> folders(long owner) {
		return jdbc.sql("select id, name from mail_folder where owner_employee_id = ? order by lower(name), id")
			.param(owner).query((rs, n) -> new Folder(rs.getLong("id"), rs.getString("name"))).list();
	}

	long createFolder(long owner, String name, Instant now) {
		try {
			return jdbc.sql("insert into mail_folder (owner_employee_id, name, created_at) values (?, ?, ?) returning id")
				.params(owner, name, java.sql.Timestamp.from(now)).query(Long.class).single();
		}
		catch (DuplicateKeyException e) {
			throw BusinessRuleException.conflict("name", "mail.folder.duplicate", name);
		}
	}

	void renameFolder(long id, String name) {
		try {
			jdbc.sql("update mail_folder set name = ? where id = ?").params(name, id).update();
		}
		catch (DuplicateKeyException e) {
			throw BusinessRuleException.conflict("name", "mail.folder.duplicate", name);
		}
	}

	void deleteFolder(long id) {
		jdbc.sql("delete from mail_folder where id = ?").param(id).update();
	}

	Map<String, long[]> folderCounts(long owner) {
		Map<String, long[]> counts = new LinkedHashMap<>();
		jdbc.sql("""
				select case when folder = 'CUSTOM' then custom_folder_id::text else folder end as key,
				       count(*) as total, count(*) filter (where read_at is null) as unread
				from mail_item where owner_employee_id = ? and hidden_at is null group by 1""")
			.param(owner)
			.query((rs, n) -> counts.put(rs.getString("key"), new long[] { rs.getLong("total"), rs.getLong("unread") }))
			.list();
		return counts;
	}

	long unreadInbox(long owner) {
		return jdbc.sql("""
				select count(*) from mail_item
				where owner_employee_id = ? and folder = 'INBOX' and read_at is null and hidden_at is null""")
			.param(owner).query(Long.class).single();
	}

	// ---- labels

	List<LabelView> labels(long owner) {
		return jdbc.sql("select id, name, colour from mail_label where owner_employee_id = ? order by lower(name), id")
			.param(owner)
			.query((rs, n) -> new LabelView(rs.getLong("id"), rs.getString("name"), rs.getString("colour")))
			.list();
	}

	Map<Long, LabelView> labelsById(long owner) {
		Map<Long, LabelView> result = new LinkedHashMap<>();
		labels(owner).forEach(l -> result.put(l.id(), l));
		return result;
	}

	boolean ownsLabels(long owner, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return true;
		}
		Set<Long> distinct = Set.copyOf(ids);
		return jdbc.sql("select count(*) from mail_label where owner_employee_id = :owner and id in (:ids)")
			.param("owner", owner).param("ids", distinct).query(Long.class).single() == distinct.size();
	}

	LabelView createLabel(long owner, String name, String colour, Instant now) {
		try {
			long id = jdbc.sql("""
					insert into mail_label (owner_employee_id, name, colour, created_at) values (?, ?, ?, ?) returning id""")
				.params(owner, name, colour, java.sql.Timestamp.from(now)).query(Long.class).single();
			return new LabelView(id, name, colour);
		}
		catch (DuplicateKeyException e) {
			throw BusinessRuleException.conflict("name", "mail.label.duplicate", name);
		}
	}

	LabelView updateLabel(long id, String name, String colour) {
		try {
			jdbc.sql("update mail_label set name = ?, colour = ? where id = ?").params(name, colour, id).update();
			return new LabelView(id, name, colour);
		}
		catch (DuplicateKeyException e) {
			throw BusinessRuleException.conflict("name", "mail.label.duplicate", name);
		}
	}

	void deleteLabel(long id) {
		jdbc.sql("delete from mail_label where id = ?").param(id).update();
	}

	/** Whether someone other than the sender sent a mail in the thread after {@code since} (a reply). */
	boolean repliedInThread(long threadId, long senderEmployeeId, Instant since) {
		return jdbc.sql("""
				select exists (select 1 from mail_message where thread_id = ? and sender_employee_id <> ?
				and state = 'SENT' and sent_at > ?)""")
			.params(threadId, senderEmployeeId, java.sql.Timestamp.from(since)).query(Boolean.class).single();
	}
}
