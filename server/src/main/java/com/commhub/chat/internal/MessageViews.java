package com.commhub.chat.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.commhub.chat.ContentVisibility;
import com.commhub.chat.MessageState;
import com.commhub.chat.MessageView;
import com.commhub.chat.internal.ChatStore.MemberRow;
import com.commhub.chat.internal.ChatStore.MentionRow;
import com.commhub.chat.internal.ChatStore.MessageRow;
import com.commhub.chat.internal.ChatStore.ReactionRow;

/**
 * Turns message rows into what one viewer sees, in bulk: one query each for mentions, reactions, attachments,
 * openings and the members' read positions of the conversation, whatever the number of messages. Read receipts come
 * from the read positions (watermarks): a member has read message S when their read seq is at least S.
 */
@Component
class MessageViews {

	private static final int REACTION_NAMES = 20;

	private final ChatStore store;
	private final People people;
	private final AttachmentCheck attachmentInfo;
	private final Clock clock;

	MessageViews(ChatStore store, People people, AttachmentCheck attachmentInfo, Clock clock) {
		this.store = store;
		this.people = people;
		this.attachmentInfo = attachmentInfo;
		this.clock = clock;
	}

	MessageView of(MessageRow row, long viewer) {
		return of(List.of(row), viewer, false).getFirst();
	}

	/** The message with its content shown this once (a read-once message being opened). */
	MessageView opened(MessageRow row, long viewer) {
		return of(List.of(row), viewer, true).getFirst();
	}

	List<MessageView> of(List<MessageRow> rows, long viewer) {
		return of(rows, viewer, false);
	}

	private List<MessageView> of(List<MessageRow> rows, long viewer, boolean forceOpen) {
		if (rows.isEmpty()) {
			return List.of();
		}
		List<Long> ids = rows.stream().map(MessageRow::id).toList();
		Map<Long, List<MentionRow>> mentions = store.mentions(ids);
		Map<Long, List<ReactionRow>> reactions = store.reactions(ids);
		Map<Long, List<Long>> files = store.attachments(ids);
		Set<Long> opened = new HashSet<>(rows.stream().anyMatch(MessageRow::readOnce)
				? store.openedBy(viewer, ids) : List.of());
		Map<Long, long[]> readSeqs = new HashMap<>();
		Set<Long> names = new HashSet<>();
		for (MessageRow r : rows) {
			names.add(r.senderEmployeeId());
			readSeqs.computeIfAbsent(r.conversationId(), this::readPositions);
			reactions.getOrDefault(r.id(), List.of()).forEach(x -> names.add(x.employeeId()));
		}
		Map<Long, People.Person> persons = people.all(names);
		List<Long> fileIds = files.values().stream().flatMap(Collection::stream).distinct().toList();
		Map<Long, MessageView.Attachment> attachments = attachmentInfo.describe(fileIds);
		Instant now = Instant.now(clock);
		List<MessageView> views = new ArrayList<>(rows.size());
		for (MessageRow r : rows) {
			long[] positions = readSeqs.get(r.conversationId());
			long readCount = 0;
			long memberCount = 0;
			for (int i = 0; i < positions.length; i += 2) {
				if (positions[i] == r.senderEmployeeId()) {
					continue;
				}
				memberCount++;
				if (r.seq() != null && positions[i + 1] >= r.seq()) {
					readCount++;
				}
			}
			List<MessageView.Attachment> shown = files.getOrDefault(r.id(), List.of()).stream().map(attachments::get)
				.filter(a -> a != null).toList();
			views.add(view(r, viewer, visibility(r, viewer, opened.contains(r.id()), now, forceOpen),
					mentions.getOrDefault(r.id(), List.of()), reactions.getOrDefault(r.id(), List.of()), shown, persons,
					readCount, memberCount));
		}
		return views;
	}

	/**
	 * A message just sent, as its sender sees it and as the other members see it, from what the send path already
	 * holds: no query (a new message has no reactions, no openings, and no member has read it yet).
	 */
	FreshView fresh(MessageRow row, List<MentionRow> mentions, List<AttachmentCheck.Checked> files,
			List<Long> memberIds) {
		Map<Long, People.Person> persons = people.all(List.of(row.senderEmployeeId()));
		List<Long> fileIds = files.stream().map(AttachmentCheck.Checked::id).sorted().toList(); // as the store orders
		Map<Long, MessageView.Attachment> described = fileIds.isEmpty() ? Map.of() : attachmentInfo.describe(fileIds);
		List<MessageView.Attachment> shown = fileIds.stream().map(described::get).filter(a -> a != null).toList();
		long others = memberIds.stream().filter(id -> id != row.senderEmployeeId()).count();
		Instant now = Instant.now(clock);
		MessageView forSender = view(row, row.senderEmployeeId(), ContentVisibility.VISIBLE, mentions, List.of(),
				shown, persons, 0, others);
		ContentVisibility forOthers = visibility(row, RealtimeMemberViews.NEUTRAL_VIEWER, false, now, false);
		// without reactions the sender's view differs from the others' only when the content is hidden from them
		return new FreshView(forSender, forOthers == ContentVisibility.VISIBLE ? forSender
				: view(row, RealtimeMemberViews.NEUTRAL_VIEWER, forOthers, mentions, List.of(), shown, persons, 0,
						others));
	}

	record FreshView(MessageView forSender, MessageView forMembers) {
	}

	private static MessageView view(MessageRow r, long viewer, ContentVisibility visibility, List<MentionRow> mentions,
			List<ReactionRow> reactions, List<MessageView.Attachment> files, Map<Long, People.Person> persons,
			long readCount, long memberCount) {
		People.Person sender = persons.get(r.senderEmployeeId());
		boolean showContent = visibility == ContentVisibility.VISIBLE && r.state() != MessageState.RECALLED;
		List<MessageView.Mention> mentionViews = mentions.stream()
			.map(m -> new MessageView.Mention(m.employeeId(), m.departmentId(), m.name()))
			.toList();
		String text = showContent ? r.text() : "";
		String html = showContent
				? MessageRendering.html(r.text(), mentionViews.stream().map(MessageView.Mention::name).toList())
				: "";
		return new MessageView(r.id(), r.conversationId(), r.seq(), r.changeSeq(), r.senderEmployeeId(),
				sender.employeeNo(), sender.name(), text, html, showContent ? mentionViews : List.of(),
				r.threadRootId(), r.replyCount(), reactions(reactions, viewer, persons),
				showContent ? files : List.of(), r.state(), visibility, r.editedAt() != null, r.classification(),
				r.readOnce(), r.expiresAt(), readCount, memberCount, r.createdAt(), r.editedAt());
	}

	/** Employee id and read seq pairs of a conversation's members, flattened. */
	private long[] readPositions(long conversationId) {
		List<MemberRow> members = store.members(conversationId);
		long[] result = new long[members.size() * 2];
		int i = 0;
		for (MemberRow m : members) {
			result[i++] = m.employeeId();
			result[i++] = m.readSeq();
		}
		return result;
	}

	static ContentVisibility visibility(MessageRow r, long viewer, boolean opened, Instant now, boolean forceOpen) {
		if (r.senderEmployeeId() == viewer) {
			return ContentVisibility.VISIBLE;
		}
		if (r.expiresAt() != null && !r.expiresAt().isAfter(now)) {
			return ContentVisibility.CONSUMED;
		}
		if (r.readOnce()) {
			if (forceOpen) {
				return ContentVisibility.VISIBLE;
			}
			return opened ? ContentVisibility.CONSUMED : ContentVisibility.OPEN_ONCE;
		}
		return ContentVisibility.VISIBLE;
	}

	private static List<MessageView.Reaction> reactions(List<ReactionRow> rows, long viewer,
			Map<Long, People.Person> persons) {
		Map<String, List<Long>> byEmoji = new LinkedHashMap<>();
		rows.forEach(r -> byEmoji.computeIfAbsent(r.emoji(), k -> new ArrayList<>()).add(r.employeeId()));
		List<MessageView.Reaction> result = new ArrayList<>();
		byEmoji.forEach((emoji, who) -> result.add(new MessageView.Reaction(emoji, who.size(), who.contains(viewer),
				who.stream().limit(REACTION_NAMES).map(id -> persons.get(id).name()).toList())));
		return result;
	}
}
