package com.commhub.chat.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.commhub.chat.ChatLimits;
import com.commhub.chat.ChatManagement;
import com.commhub.chat.ConversationKind;
import com.commhub.chat.ConversationPolicy;
import com.commhub.chat.ConversationSettings;
import com.commhub.chat.ConversationView;
import com.commhub.chat.MembershipChanged;
import com.commhub.chat.MessageChanged;
import com.commhub.chat.MessageState;
import com.commhub.chat.MessageView;
import com.commhub.chat.NewConversation;
import com.commhub.chat.NewMessage;
import com.commhub.chat.ReadPositionMoved;
import com.commhub.chat.SendResult;
import com.commhub.chat.internal.ChatAccess.Membership;
import com.commhub.chat.internal.ChatAccess.Visible;
import com.commhub.chat.internal.ChatStore.ConversationRow;
import com.commhub.chat.internal.ChatStore.Counters;
import com.commhub.chat.internal.ChatStore.MessageRow;
import com.commhub.compliance.Channel;
import com.commhub.compliance.ClassificationDefaults;
import com.commhub.directory.GroupView;
import com.commhub.directory.Organisation;
import com.commhub.security.Audit;
import com.commhub.security.AuditOutcome;
import com.commhub.security.CurrentUser;
import com.commhub.security.Permission;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.Classification;
import com.commhub.shared.NotFoundException;

/**
 * The chat commands (CHAT-1..9) for the signed-in user; the send path itself is {@link SendPath}. Everything a user
 * may not see is 404 through {@link ChatAccess}; edits and recalls never delete: the archive keeps every version.
 */
@Service
class ChatService implements ChatManagement {

	static final Duration EDIT_WINDOW = Duration.ofHours(24);
	static final int MAX_TITLE = 100;
	static final int MAX_TOPIC = 500;

	private final ChatStore store;
	private final ChatAccess access;
	private final SendPath sendPath;
	private final MessageViews messageViews;
	private final ConversationViews conversationViews;
	private final People people;
	private final Organisation organisation;
	private final ClassificationDefaults classifications;
	private final RateLimits limits;
	private final ApplicationEventPublisher events;
	private final Audit audit;
	private final JdbcClient jdbc;
	private final Clock clock;

	ChatService(ChatStore store, ChatAccess access, SendPath sendPath, MessageViews messageViews,
			ConversationViews conversationViews, People people, Organisation organisation,
			ClassificationDefaults classifications, RateLimits limits, ApplicationEventPublisher events, Audit audit,
			JdbcClient jdbc, Clock clock) {
		this.store = store;
		this.access = access;
		this.sendPath = sendPath;
		this.messageViews = messageViews;
		this.conversationViews = conversationViews;
		this.people = people;
		this.organisation = organisation;
		this.classifications = classifications;
		this.limits = limits;
		this.events = events;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	// ---- conversations ----

	@Override
	@Transactional
	public ConversationView create(NewConversation conversation) {
		long me = access.requireViewer();
		ConversationView view = conversationViews.of(createAs(me, conversation), me);
		audit.record("chat.conversation.create", "chat-conversation", view.id(), view.title(), AuditOutcome.SUCCESS,
				view.kind() + " classification=" + view.classification());
		return view;
	}

	/** Creates a conversation for {@code me} (also used by the demo seeding); returns its id. */
	long createAs(long me, NewConversation c) {
		if (c.kind() == null) {
			throw BusinessRuleException.invalid("kind", "validation.required");
		}
		Instant now = Instant.now(clock);
		return switch (c.kind()) {
			case DEPARTMENT -> throw BusinessRuleException.invalid("kind", "chat.conversation.departmentBySystem");
			case DIRECT -> createDirect(me, c, now);
			case GROUP -> createGroup(me, c, now);
			case PROJECT -> createProject(me, c, now);
		};
	}

	private long createDirect(long me, NewConversation c, Instant now) {
		Set<Long> others = new LinkedHashSet<>(c.memberEmployeeIds());
		others.remove(me);
		if (others.size() != 1) {
			throw BusinessRuleException.invalid("memberEmployeeIds", "chat.direct.oneOther");
		}
		long other = others.iterator().next();
		requireActive("memberEmployeeIds", List.of(other));
		String key = Math.min(me, other) + ":" + Math.max(me, other);
		jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("chat-direct:" + key).query((rs, n) -> 1).list();
		return store.directConversation(key).map(ConversationRow::id).orElseGet(() -> {
			long id = store.insertConversation(ConversationKind.DIRECT, null, null,
					classification(c.classification()), ConversationPolicy.EVERYONE, ConversationPolicy.EVERYONE,
					null, null, key, me, now);
			store.addMembers(id, List.of(me, other), false, now);
			events.publishEvent(new MembershipChanged(id, List.of(me, other), List.of()));
			return id;
		});
	}

	private long createGroup(long me, NewConversation c, Instant now) {
		String title = required("title", c.title(), MAX_TITLE);
		Set<Long> members = new LinkedHashSet<>(c.memberEmployeeIds());
		members.remove(me);
		requireActive("memberEmployeeIds", members);
		long id = store.insertConversation(ConversationKind.GROUP, title, optional("topic", c.topic(), MAX_TOPIC),
				classification(c.classification()), policy(c.postingPolicy()), policy(c.invitePolicy()), null, null,
				null, me, now);
		store.addMembers(id, List.of(me), true, now);
		store.addMembers(id, members, false, now);
		List<Long> added = new ArrayList<>(List.of(me));
		added.addAll(members);
		events.publishEvent(new MembershipChanged(id, added, List.of()));
		return id;
	}

	private long createProject(long me, NewConversation c, Instant now) {
		if (c.directoryGroupId() == null) {
			throw BusinessRuleException.invalid("directoryGroupId", "validation.required");
		}
		GroupView group = organisation.activeGroups().stream().filter(g -> g.id() == c.directoryGroupId())
			.findFirst().orElseThrow(() -> BusinessRuleException.invalid("directoryGroupId", "chat.project.unknownGroup"));
		if (group.members().stream().noneMatch(m -> m.employeeId() == me)) {
			throw BusinessRuleException.invalid("directoryGroupId", "chat.project.notMember");
		}
		jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("chat-project:" + group.id()).query((rs, n) -> 1)
			.list();
		if (store.projectConversation(group.id()).isPresent()) {
			throw BusinessRuleException.conflict("directoryGroupId", "chat.project.exists");
		}
		String title = c.title() == null || c.title().isBlank() ? group.name() : required("title", c.title(), MAX_TITLE);
		long id = store.insertConversation(ConversationKind.PROJECT, title, optional("topic", c.topic(), MAX_TOPIC),
				classification(c.classification()), policy(c.postingPolicy()), ConversationPolicy.OWNERS, null,
				group.id(), null, me, now);
		List<Long> added = new ArrayList<>();
		for (GroupView.Member m : group.members()) {
			added.addAll(store.addMembers(id, List.of(m.employeeId()), m.owner(), now));
		}
		events.publishEvent(new MembershipChanged(id, added, List.of()));
		return id;
	}

	@Override
	@Transactional
	public ConversationView updateSettings(long conversationId, ConversationSettings settings) {
		long me = access.requireViewer();
		Membership m = access.requireMember(conversationId, me);
		ChatAccess.requireManage(m);
		ConversationRow c = m.conversation();
		String title = settings.title() == null ? c.title() : required("title", settings.title(), MAX_TITLE);
		String topic = settings.topic() == null ? c.topic() : optional("topic", settings.topic(), MAX_TOPIC);
		Classification level = settings.classification() == null ? c.classification()
				: classifications.requireOffered(settings.classification(), "classification");
		store.updateSettings(conversationId, title, topic, level,
				settings.postingPolicy() == null ? c.postingPolicy() : settings.postingPolicy(),
				settings.invitePolicy() == null ? c.invitePolicy() : settings.invitePolicy());
		audit.record("chat.conversation.settings", "chat-conversation", conversationId, title, AuditOutcome.SUCCESS,
				"classification=" + level);
		return conversationViews.of(conversationId, me);
	}

	@Override
	@Transactional
	public ConversationView addMembers(long conversationId, List<Long> employeeIds) {
		long me = access.requireViewer();
		Membership m = access.requireMember(conversationId, me);
		ChatAccess.requireInvite(m);
		if (employeeIds == null || employeeIds.isEmpty()) {
			throw BusinessRuleException.invalid("employeeIds", "validation.required");
		}
		requireActive("employeeIds", employeeIds);
		List<Long> added = store.addMembers(conversationId, new LinkedHashSet<>(employeeIds), false,
				Instant.now(clock));
		if (!added.isEmpty()) {
			events.publishEvent(new MembershipChanged(conversationId, added, List.of()));
			audit.record("chat.members.add", "chat-conversation", conversationId, m.conversation().title(),
					AuditOutcome.SUCCESS, "added=" + added);
		}
		return conversationViews.of(conversationId, me);
	}

	@Override
	@Transactional
	public ConversationView removeMember(long conversationId, long employeeId) {
		long me = access.requireViewer();
		Membership m = access.requireMember(conversationId, me);
		if (m.conversation().kind() != ConversationKind.GROUP) {
			throw BusinessRuleException.conflict("employeeId", "chat.members.fixed");
		}
		if (employeeId != me && !m.member().owner()) {
			throw BusinessRuleException.conflict("employeeId", "chat.settings.ownersOnly");
		}
		var target = store.member(conversationId, employeeId)
			.orElseThrow(() -> BusinessRuleException.invalid("employeeId", "chat.members.notMember"));
		if (target.owner() && store.ownerCount(conversationId) == 1 && store.memberIds(conversationId).size() > 1) {
			throw BusinessRuleException.conflict("employeeId", "chat.owners.lastOwner");
		}
		store.removeMember(conversationId, employeeId);
		events.publishEvent(new MembershipChanged(conversationId, List.of(), List.of(employeeId)));
		audit.record("chat.members.remove", "chat-conversation", conversationId, m.conversation().title(),
				AuditOutcome.SUCCESS, "removed=" + employeeId);
		return employeeId == me ? conversationViews.asFormerMember(m.conversation())
				: conversationViews.of(conversationId, me);
	}

	@Override
	@Transactional
	public ConversationView setOwner(long conversationId, long employeeId, boolean owner) {
		long me = access.requireViewer();
		Membership m = access.requireMember(conversationId, me);
		if (m.conversation().kind() != ConversationKind.GROUP) {
			throw BusinessRuleException.conflict("employeeId", "chat.members.fixed");
		}
		ChatAccess.requireManage(m);
		var target = store.member(conversationId, employeeId)
			.orElseThrow(() -> BusinessRuleException.invalid("employeeId", "chat.members.notMember"));
		if (target.owner() && !owner && store.ownerCount(conversationId) == 1) {
			throw BusinessRuleException.conflict("employeeId", "chat.owners.lastOwner");
		}
		store.setOwner(conversationId, employeeId, owner);
		audit.record("chat.owners.set", "chat-conversation", conversationId, m.conversation().title(),
				AuditOutcome.SUCCESS, "employee=" + employeeId + " owner=" + owner);
		return conversationViews.of(conversationId, me);
	}

	// ---- messages ----

	@Override
	@Transactional
	public SendResult post(long conversationId, NewMessage message) {
		long me = access.requireViewer();
		return sendPath.post(me, conversationId, message, LocaleContextHolder.getLocale());
	}

	@Override
	@Transactional
	public SendResult edit(long messageId, String text, String justification) {
		long me = access.requireViewer();
		return sendPath.edit(me, messageId, text, justification, LocaleContextHolder.getLocale());
	}

	@Override
	@Transactional
	public MessageView recall(long messageId) {
		long me = access.requireViewer();
		Visible v = access.requireMessage(messageId, me);
		MessageRow row = v.message();
		boolean groupOwner = v.membership().conversation().kind() == ConversationKind.GROUP
				&& v.membership().member().owner();
		if (row.senderEmployeeId() != me && !groupOwner) {
			throw BusinessRuleException.conflict(null, "chat.recall.notSender");
		}
		if (row.state() != MessageState.DELIVERED) {
			throw BusinessRuleException.conflict(null, "chat.recall.notDelivered");
		}
		Instant now = Instant.now(clock);
		if (row.senderEmployeeId() == me && row.createdAt().plus(EDIT_WINDOW).isBefore(now)) {
			throw BusinessRuleException.conflict(null, "chat.recall.tooLate");
		}
		sendPath.recall(me, v, now);
		return messageViews.of(store.message(messageId).orElseThrow(), me);
	}

	@Override
	@Transactional
	public MessageView open(long messageId) {
		long me = access.requireViewer();
		Visible v = access.requireMessage(messageId, me);
		MessageRow row = v.message();
		if (row.readOnce() && row.senderEmployeeId() != me && row.state() == MessageState.DELIVERED
				&& (row.expiresAt() == null || row.expiresAt().isAfter(Instant.now(clock)))
				&& store.recordOpening(messageId, me, Instant.now(clock))) {
			audit.record("chat.message.opened", "chat-message", messageId, null, AuditOutcome.SUCCESS, null);
			return messageViews.opened(row, me);
		}
		return messageViews.of(row, me);
	}

	@Override
	@Transactional
	public MessageView react(long messageId, String emoji, boolean add) {
		long me = access.requireViewer();
		Visible v = access.requireMessage(messageId, me);
		if (v.message().state() != MessageState.DELIVERED) {
			throw BusinessRuleException.conflict("emoji", "chat.reaction.notDelivered");
		}
		String clean = emoji == null ? "" : emoji.strip();
		if (clean.isEmpty() || clean.length() > 16 || clean.codePoints().anyMatch(
				cp -> Character.isWhitespace(cp) || Character.isISOControl(cp) || cp == '<' || cp == '>')) {
			throw BusinessRuleException.invalid("emoji", "chat.reaction.invalid");
		}
		Instant now = Instant.now(clock);
		boolean changed = add ? store.addReaction(messageId, me, clean, now)
				: store.removeReaction(messageId, me, clean);
		if (changed) {
			long conversationId = v.message().conversationId();
			Counters counters = store.nextCounters(conversationId, false, 0, null);
			store.stamp(messageId, counters.changeSeq());
			events.publishEvent(new MessageChanged(conversationId, messageId, counters.changeSeq(),
					MessageChanged.Change.REACTED, store.memberIds(conversationId)));
		}
		return messageViews.of(store.message(messageId).orElseThrow(), me);
	}

	@Override
	@Transactional
	public long markRead(long conversationId, long seq) {
		long me = access.requireViewer();
		Membership m = access.requireMember(conversationId, me);
		long before = m.member().readSeq();
		long after = store.markRead(conversationId, me, seq).orElseThrow(
				() -> new NotFoundException("conversation", conversationId));
		if (after > before) {
			events.publishEvent(new ReadPositionMoved(conversationId, me, after, store.memberIds(conversationId)));
		}
		return after;
	}

	@Override
	@Transactional
	public ChatLimits updateLimits(ChatLimits input) {
		if (!CurrentUser.has(Permission.COMPLIANCE_MANAGE)) {
			throw new AccessDeniedException("chat limits");
		}
		ChatLimits updated = limits.update(input, CurrentUser.require().getUsername());
		audit.record("chat.limits.update", "chat-limits", 1, null, AuditOutcome.SUCCESS, updated.toString());
		return updated;
	}

	// ---- helpers ----

	private Classification classification(Classification requested) {
		return requested == null ? classifications.defaultFor(Channel.CHAT)
				: classifications.requireOffered(requested, "classification");
	}

	private static ConversationPolicy policy(ConversationPolicy policy) {
		return policy == null ? ConversationPolicy.EVERYONE : policy;
	}

	private void requireActive(String field, java.util.Collection<Long> employeeIds) {
		var found = people.all(employeeIds);
		for (Long id : employeeIds) {
			if (id == null || !found.get(id).active()) {
				throw BusinessRuleException.invalid(field, "chat.members.unknown");
			}
		}
	}

	static String required(String field, String value, int max) {
		String clean = optional(field, value, max);
		if (clean == null) {
			throw BusinessRuleException.invalid(field, "validation.required");
		}
		return clean;
	}

	static String optional(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String clean = value.strip();
		if (clean.length() > max) {
			throw BusinessRuleException.invalid(field, "validation.tooLong", max);
		}
		return clean;
	}

	static String hash(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
