package com.commhub.chat.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.commhub.archive.ArchiveEntryId;
import com.commhub.archive.ArchiveRecorder;
import com.commhub.archive.NewArchiveEntry;
import com.commhub.archive.NewArchiveEntry.Parties;
import com.commhub.archive.NewArchiveEntry.Related;
import com.commhub.archive.NewArchiveEntry.Relation;
import com.commhub.archive.RecordKind;
import com.commhub.chat.ConversationKind;
import com.commhub.chat.MembersMentioned;
import com.commhub.chat.MessageChanged;
import com.commhub.chat.MessagePosted;
import com.commhub.chat.MessageState;
import com.commhub.chat.NewMessage;
import com.commhub.chat.PendingMessageDecided;
import com.commhub.chat.SendResult;
import com.commhub.chat.internal.ChatAccess.Membership;
import com.commhub.chat.internal.ChatAccess.Visible;
import com.commhub.chat.internal.ChatStore.ConversationRow;
import com.commhub.chat.internal.ChatStore.Counters;
import com.commhub.chat.internal.ChatStore.MentionRow;
import com.commhub.chat.internal.ChatStore.MessageRow;
import com.commhub.compliance.Channel;
import com.commhub.compliance.ComplianceDecisions;
import com.commhub.compliance.ComplianceDecisions.Approver;
import com.commhub.compliance.ComplianceDecisions.RecordedDecision;
import com.commhub.compliance.ComplianceDecisions.Subject;
import com.commhub.compliance.ComplianceInspector;
import com.commhub.compliance.Decision;
import com.commhub.compliance.InspectionRequest;
import com.commhub.compliance.PolicyAction;
import com.commhub.directory.DepartmentView;
import com.commhub.security.DirectoryLookup;
import com.commhub.shared.BusinessRuleException;

/**
 * The send path of one message (ARCHITECTURE.md, "the path of one message"): access → rate limits → compliance →
 * store + archive entry in the caller's transaction → events. Also edits and recalls (a new archive entry pointing
 * at the previous one), and the release or discard of held messages.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class SendPath {

	static final String SUBJECT_TYPE = "chat-message";
	static final int MAX_TEXT = 10_000;
	static final int MAX_CLIENT_ID = 64;

	private final ChatStore store;
	private final ChatAccess access;
	private final RateLimits limits;
	private final ComplianceInspector inspector;
	private final ComplianceDecisions decisions;
	private final ArchiveRecorder archive;
	private final DirectoryLookup directory;
	private final People people;
	private final MessageViews views;
	private final RealtimeMemberViews memberViews;
	private final AttachmentCheck attachments;
	private final ApplicationEventPublisher events;
	private final JdbcClient jdbc;
	private final Clock clock;

	@PersistenceContext
	private EntityManager em;

	SendPath(ChatStore store, ChatAccess access, RateLimits limits, ComplianceInspector inspector,
			ComplianceDecisions decisions, ArchiveRecorder archive, DirectoryLookup directory, People people,
			MessageViews views, RealtimeMemberViews memberViews, AttachmentCheck attachments,
			ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
		this.store = store;
		this.access = access;
		this.limits = limits;
		this.inspector = inspector;
		this.decisions = decisions;
		this.archive = archive;
		this.directory = directory;
		this.people = people;
		this.views = views;
		this.memberViews = memberViews;
		this.attachments = attachments;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	SendResult post(long me, long conversationId, NewMessage message, Locale locale) {
		Membership membership = access.requireMember(conversationId, me);
		ConversationRow conversation = membership.conversation();
		String clientId = message.clientMessageId() == null || message.clientMessageId().isBlank() ? null
				: message.clientMessageId().strip();
		if (clientId != null) {
			if (clientId.length() > MAX_CLIENT_ID) {
				throw BusinessRuleException.invalid("clientMessageId", "validation.tooLong", MAX_CLIENT_ID);
			}
			// a retried post waits for the first one to commit, then answers with its result
			jdbc.sql("select pg_advisory_xact_lock(?, hashtext(?))").params((int) me, clientId).query((rs, n) -> 1)
				.list();
			Optional<MessageRow> earlier = store.messageByClientId(me, clientId);
			if (earlier.isPresent()) {
				if (earlier.get().conversationId() != conversationId) {
					throw BusinessRuleException.conflict("clientMessageId", "chat.message.clientIdReused");
				}
				return resultOf(earlier.get(), me);
			}
		}
		ChatAccess.requirePost(membership);
		String text = message.text() == null ? "" : message.text().strip();
		List<AttachmentCheck.Checked> files = attachments.requireOwnUploads(message.fileIds());
		if (text.isEmpty() && files.isEmpty()) {
			throw BusinessRuleException.invalid("text", "validation.required");
		}
		if (text.length() > MAX_TEXT) {
			throw BusinessRuleException.invalid("text", "validation.tooLong", MAX_TEXT);
		}
		if ((message.readOnce() || message.expiresAt() != null) && !conversation.classification().confidential()) {
			throw BusinessRuleException.invalid(message.readOnce() ? "readOnce" : "expiresAt",
					"chat.message.readOnceNeedsConfidential");
		}
		// the database keeps microseconds: the view built from this entity shows what a later read shows
		Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
		if (message.expiresAt() != null && !message.expiresAt().isAfter(now)) {
			throw BusinessRuleException.invalid("expiresAt", "chat.message.expiresInPast");
		}
		MessageRow root = threadRoot(message.threadRootId(), conversationId, me);
		List<Long> members = store.memberIds(conversationId);
		Mentions mentions = mentions(message, members, me);
		String textHash = ChatService.hash(text);
		limits.check(me, textHash, message.mentionedEmployeeIds().size() + message.mentionedDepartmentIds().size(),
				now);

		InspectionRequest request = new InspectionRequest(text, Channel.CHAT, me, directory.departmentChain(me),
				members.stream().filter(id -> id != me)
					.map(id -> new InspectionRequest.Recipient(null, id, false)).toList(),
				conversation.classification(),
				files.stream().map(f -> new InspectionRequest.Attachment(f.name(), f.size(), f.contentType()))
					.toList(),
				locale);
		Decision decision = inspector.inspect(request);
		String justification = message.justification() == null || message.justification().isBlank() ? null
				: message.justification().strip();
		if (decision.action() == PolicyAction.WARN && justification == null) {
			return new SendResult(SendResult.Status.NEEDS_JUSTIFICATION, null, decision.tip(), decision.findings());
		}
		long id = store.nextMessageId();
		indexAfterCommit();
		RecordedDecision recorded = null;
		if (decision.action() != PolicyAction.ALLOW) {
			// inspects again and keeps the evidence in this transaction (nothing is kept for ALLOW)
			recorded = decisions.decide(request, new Subject(SUBJECT_TYPE, String.valueOf(id)), justification,
					decision.action() == PolicyAction.REQUIRE_APPROVAL ? approverOf(me) : null);
			decision = recorded.decision();
		}
		if (decision.action() == PolicyAction.BLOCK) {
			return new SendResult(SendResult.Status.BLOCKED, null, decision.tip(), decision.findings());
		}
		if (decision.action() == PolicyAction.WARN && justification == null) {
			return new SendResult(SendResult.Status.NEEDS_JUSTIFICATION, null, decision.tip(), decision.findings());
		}
		MessageState state = switch (decision.action()) {
			case REQUIRE_APPROVAL -> MessageState.HELD_FOR_APPROVAL;
			case QUARANTINE -> MessageState.QUARANTINED;
			default -> MessageState.DELIVERED;
		};
		boolean delivered = state == MessageState.DELIVERED;
		Counters counters = delivered
				? store.nextCounters(conversationId, true, root == null ? 0 : 1, now)
				: new Counters(0, 0);
		ChatMessage entity = new ChatMessage(id, conversationId, root == null ? null : root.id(), me, text, textHash,
				state, conversation.classification(), message.readOnce(), message.expiresAt(), clientId,
				!files.isEmpty(), mentions.reached().toArray(Long[]::new), now);
		if (delivered) {
			entity.deliver(counters.seq(), counters.changeSeq());
		}
		// archived first, so that the message row is written once, already pointing at its archive entry
		ArchiveEntryId entry = archive.record(archiveEntry(entity, conversation, members, files, now)
			.withRelated(root == null || root.archiveEntryId() == null ? List.of()
					: List.of(new Related(Relation.REPLY_TO, new ArchiveEntryId(root.archiveEntryId())))));
		entity.recorded(entry.value(), recorded == null ? null : recorded.evidenceId());
		em.persist(entity);
		em.flush();
		store.insertMentions(id, mentions.rows());
		store.insertAttachments(id, files.stream().map(AttachmentCheck.Checked::id).toList());
		if (delivered) {
			publishPosted(entity, members, counters);
			if (root != null) {
				store.replied(root.id(), counters.changeSeq() + 1);
				events.publishEvent(new MessageChanged(conversationId, root.id(), counters.changeSeq() + 1,
						MessageChanged.Change.REPLIED, members));
			}
		}
		SendResult.Status status = switch (state) {
			case HELD_FOR_APPROVAL -> SendResult.Status.HELD_FOR_APPROVAL;
			case QUARANTINED -> SendResult.Status.QUARANTINED;
			default -> SendResult.Status.SENT;
		};
		MessageViews.FreshView view = views.fresh(entity.row(), mentions.rows(), files, members);
		if (delivered) {
			memberViews.offer(view.forMembers());
		}
		return new SendResult(status, view.forSender(), delivered ? null : decision.tip(),
				delivered ? List.of() : decision.findings());
	}

	/** The edit ladder: warnings need a justification; anything that would hold or block the edit refuses it. */
	SendResult edit(long me, long messageId, String newText, String justification, Locale locale) {
		Visible v = access.requireMessage(messageId, me);
		MessageRow row = v.message();
		if (row.senderEmployeeId() != me) {
			throw BusinessRuleException.conflict("text", "chat.edit.notSender");
		}
		if (row.state() != MessageState.DELIVERED) {
			throw BusinessRuleException.conflict("text", "chat.edit.notDelivered");
		}
		Instant now = Instant.now(clock);
		if (row.createdAt().plus(ChatService.EDIT_WINDOW).isBefore(now)) {
			throw BusinessRuleException.conflict("text", "chat.edit.tooLate");
		}
		String text = newText == null ? "" : newText.strip();
		if (text.isEmpty() && !row.hasAttachments()) {
			throw BusinessRuleException.invalid("text", "validation.required");
		}
		if (text.length() > MAX_TEXT) {
			throw BusinessRuleException.invalid("text", "validation.tooLong", MAX_TEXT);
		}
		ConversationRow conversation = v.membership().conversation();
		List<Long> members = store.memberIds(row.conversationId());
		InspectionRequest request = new InspectionRequest(text, Channel.CHAT, me, directory.departmentChain(me),
				members.stream().filter(id -> id != me)
					.map(id -> new InspectionRequest.Recipient(null, id, false)).toList(),
				row.classification(), List.of(), locale);
		Decision decision = inspector.inspect(request);
		String reason = justification == null || justification.isBlank() ? null : justification.strip();
		if (decision.action() == PolicyAction.WARN && reason == null) {
			return new SendResult(SendResult.Status.NEEDS_JUSTIFICATION, null, decision.tip(), decision.findings());
		}
		if (decision.action().moreSevereThan(PolicyAction.WARN)) {
			// an edit is never held: a delivered message cannot wait for approval; block it and keep the evidence
			// only when the policy blocks (holding policies would otherwise queue an approval for an edit)
			if (decision.action() == PolicyAction.BLOCK) {
				decisions.decide(request, new Subject(SUBJECT_TYPE, String.valueOf(messageId)), reason);
			}
			return new SendResult(SendResult.Status.BLOCKED, null, decision.tip(), decision.findings());
		}
		RecordedDecision recorded = decision.action() == PolicyAction.ALLOW ? null
				: decisions.decide(request, new Subject(SUBJECT_TYPE, String.valueOf(messageId)), reason);
		indexAfterCommit();
		Counters counters = store.nextCounters(row.conversationId(), false, 0, null);
		ChatMessage entity = em.find(ChatMessage.class, messageId);
		entity.edit(text, ChatService.hash(text), counters.changeSeq(), now);
		List<Related> related = row.archiveEntryId() == null ? List.of()
				: List.of(new Related(Relation.EDIT_OF, new ArchiveEntryId(row.archiveEntryId())));
		ArchiveEntryId entry = archive.record(archiveEntry(entity, conversation, members,
				attachments.describeForArchive(row.id()), now).withRelated(related));
		entity.recorded(entry.value(), recorded == null ? null : recorded.evidenceId());
		em.flush();
		events.publishEvent(new MessageChanged(row.conversationId(), messageId, counters.changeSeq(),
				MessageChanged.Change.EDITED, members));
		return new SendResult(SendResult.Status.SENT, views.of(store.message(messageId).orElseThrow(), me), null,
				List.of());
	}

	void recall(long me, Visible v, Instant now) {
		MessageRow row = v.message();
		indexAfterCommit();
		Counters counters = store.nextCounters(row.conversationId(), false, 0, null);
		ChatMessage entity = em.find(ChatMessage.class, row.id());
		entity.recall(counters.changeSeq(), now);
		List<Long> members = store.memberIds(row.conversationId());
		People.Person actor = people.of(me);
		NewArchiveEntry recall = NewArchiveEntry.text(RecordKind.CHAT_MESSAGE, SUBJECT_TYPE,
				String.valueOf(row.id()), parties(row.senderEmployeeId(), members), row.classification(), now,
				"recalled by " + actor.label(), null);
		ArchiveEntryId entry = archive.record(row.archiveEntryId() == null ? recall
				: recall.withRelated(List.of(new Related(Relation.RECALL_OF, new ArchiveEntryId(row.archiveEntryId())))));
		entity.recorded(entry.value(), null);
		em.flush();
		events.publishEvent(new MessageChanged(row.conversationId(), row.id(), counters.changeSeq(),
				MessageChanged.Change.RECALLED, members));
	}

	/** Compliance released a held message: it gets its seq now and reaches the members. */
	void release(long messageId) {
		ChatMessage entity = em.find(ChatMessage.class, messageId);
		if (entity == null || (entity.state() != MessageState.HELD_FOR_APPROVAL
				&& entity.state() != MessageState.QUARANTINED)) {
			return;
		}
		indexAfterCommit();
		Instant now = Instant.now(clock);
		Counters counters = store.nextCounters(entity.conversationId(), true, entity.threadRootId() == null ? 0 : 1,
				now);
		entity.deliver(counters.seq(), counters.changeSeq());
		em.flush();
		List<Long> members = store.memberIds(entity.conversationId());
		publishPosted(entity, members, counters);
		if (entity.threadRootId() != null) {
			store.replied(entity.threadRootId(), counters.changeSeq() + 1);
			events.publishEvent(new MessageChanged(entity.conversationId(), entity.threadRootId(),
					counters.changeSeq() + 1, MessageChanged.Change.REPLIED, members));
		}
		events.publishEvent(new PendingMessageDecided(entity.conversationId(), messageId, entity.senderEmployeeId(),
				MessageState.DELIVERED));
	}

	void discard(long messageId) {
		ChatMessage entity = em.find(ChatMessage.class, messageId);
		if (entity == null || (entity.state() != MessageState.HELD_FOR_APPROVAL
				&& entity.state() != MessageState.QUARANTINED)) {
			return;
		}
		indexAfterCommit();
		entity.discard();
		em.flush();
		events.publishEvent(new PendingMessageDecided(entity.conversationId(), messageId, entity.senderEmployeeId(),
				MessageState.DISCARDED));
	}

	// ---- helpers ----

	private void publishPosted(ChatMessage m, List<Long> members, Counters counters) {
		Set<Long> memberSet = new HashSet<>(members);
		List<Long> mentioned = java.util.Arrays.stream(m.mentionedIds()).filter(memberSet::contains).toList();
		events.publishEvent(new MessagePosted(m.conversationId(), m.id(), counters.seq(), counters.changeSeq(),
				m.threadRootId(), m.senderEmployeeId(), members, mentioned, m.createdAt()));
		if (!mentioned.isEmpty()) { // the sender was left out when the mentions were resolved
			events.publishEvent(new MembersMentioned(m.conversationId(), m.id(), m.senderEmployeeId(), mentioned,
					m.createdAt()));
		}
	}

	private SendResult resultOf(MessageRow row, long me) {
		SendResult.Status status = switch (row.state()) {
			case DELIVERED, RECALLED -> SendResult.Status.SENT;
			case HELD_FOR_APPROVAL -> SendResult.Status.HELD_FOR_APPROVAL;
			case QUARANTINED -> SendResult.Status.QUARANTINED;
			case DISCARDED -> SendResult.Status.BLOCKED;
		};
		return new SendResult(status, views.of(row, me), null, List.of());
	}

	private MessageRow threadRoot(Long threadRootId, long conversationId, long me) {
		if (threadRootId == null) {
			return null;
		}
		MessageRow root = store.message(threadRootId)
			.filter(r -> r.conversationId() == conversationId && ChatAccess.mayView(r, me))
			.orElseThrow(() -> BusinessRuleException.invalid("threadRootId", "chat.thread.unknownRoot"));
		if (root.threadRootId() != null) {
			root = store.message(root.threadRootId()).orElseThrow();
		}
		if (root.state() != MessageState.DELIVERED) {
			throw BusinessRuleException.invalid("threadRootId", "chat.thread.unknownRoot");
		}
		return root;
	}

	record Mentions(List<MentionRow> rows, Set<Long> reached) {
	}

	private Mentions mentions(NewMessage message, List<Long> members, long me) {
		Set<Long> memberSet = new HashSet<>(members);
		List<MentionRow> rows = new ArrayList<>();
		Set<Long> reached = new LinkedHashSet<>();
		Set<Long> people = new LinkedHashSet<>(message.mentionedEmployeeIds());
		Map<Long, People.Person> persons = this.people.all(people);
		for (Long id : people) {
			if (id == null || !memberSet.contains(id)) {
				throw BusinessRuleException.invalid("mentionedEmployeeIds", "chat.mention.notMember");
			}
			rows.add(new MentionRow(0, id, null, persons.get(id).name()));
			reached.add(id);
		}
		List<DepartmentView> departments = this.people.departments();
		for (Long id : new LinkedHashSet<>(message.mentionedDepartmentIds())) {
			DepartmentView department = departments.stream().filter(d -> id != null && d.id() == id).findFirst()
				.orElseThrow(() -> BusinessRuleException.invalid("mentionedDepartmentIds",
						"chat.mention.unknownDepartment"));
			rows.add(new MentionRow(0, null, id, department.name()));
			directory.employeesInDepartmentTree(id).stream().filter(memberSet::contains).forEach(reached::add);
		}
		reached.remove(me);
		return new Mentions(rows, reached);
	}

	/** The sender's department head, or the next head up when the sender heads their own department. */
	private Approver approverOf(long sender) {
		People.Person person = people.of(sender);
		List<DepartmentView> departments = people.departments();
		Long departmentId = person.departmentId();
		while (departmentId != null) {
			Long current = departmentId;
			DepartmentView d = departments.stream().filter(x -> x.id() == current).findFirst().orElse(null);
			if (d == null) {
				return null;
			}
			if (d.headId() != null && d.headId() != sender) {
				return new Approver(d.headId(), people.of(d.headId()).label());
			}
			departmentId = d.parentId();
		}
		return null;
	}

	private NewArchiveEntry archiveEntry(ChatMessage m, ConversationRow conversation, List<Long> members,
			List<AttachmentCheck.Checked> files, Instant now) {
		String summary = "chat " + conversation.kind().name().toLowerCase(Locale.ROOT) + " " + conversation.id()
				+ (conversation.kind() == ConversationKind.DIRECT || conversation.title() == null ? ""
						: " " + conversation.title());
		return NewArchiveEntry.text(RecordKind.CHAT_MESSAGE, SUBJECT_TYPE, String.valueOf(m.id()),
				parties(m.senderEmployeeId(), members), m.classification(), now, summary, m.text())
			.withAttachments(files.stream().map(AttachmentCheck.Checked::sha256).toList());
	}

	private Parties parties(long sender, List<Long> members) {
		Map<Long, People.Person> persons = people.all(members.contains(sender) ? members
				: java.util.stream.Stream.concat(members.stream(), java.util.stream.Stream.of(sender)).toList());
		return new Parties(persons.get(sender).label(),
				members.stream().filter(id -> id != sender).map(id -> persons.get(id).label()).toList(), List.of());
	}

	/**
	 * Indexing follows the commit without the sender waiting for it (the Lucene backend commits its index about once
	 * a second): a post's latency does not include an index flush; search sees the message a moment later.
	 */
	private void indexAfterCommit() {
		Search.session(em).indexingPlanSynchronizationStrategy(IndexingPlanSynchronizationStrategy.async());
	}
}
