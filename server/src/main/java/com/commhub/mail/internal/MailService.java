package com.commhub.mail.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.commhub.archive.ArchiveEntryId;
import com.commhub.archive.ArchiveRecorder;
import com.commhub.archive.NewArchiveEntry;
import com.commhub.archive.RecordKind;
import com.commhub.compliance.Channel;
import com.commhub.compliance.ClassificationDefaults;
import com.commhub.compliance.ComplianceDecisions;
import com.commhub.compliance.ComplianceDecisions.Approver;
import com.commhub.compliance.ComplianceDecisions.RecordedDecision;
import com.commhub.compliance.ComplianceDecisions.Subject;
import com.commhub.compliance.ComplianceInspector;
import com.commhub.compliance.Decision;
import com.commhub.compliance.InspectionRequest;
import com.commhub.compliance.PolicyAction;
import com.commhub.files.Files;
import com.commhub.files.StoredFile;
import com.commhub.mail.Addressee;
import com.commhub.mail.CcSuggestion;
import com.commhub.mail.FolderView;
import com.commhub.mail.LabelView;
import com.commhub.mail.MailDraft;
import com.commhub.mail.MailFolder;
import com.commhub.mail.MailItemChange;
import com.commhub.mail.MailManagement;
import com.commhub.mail.MailRead;
import com.commhub.mail.MailSendResult;
import com.commhub.mail.MailSent;
import com.commhub.mail.MailState;
import com.commhub.mail.MailView;
import com.commhub.mail.PendingMailDecided;
import com.commhub.mail.RecipientField;
import com.commhub.mail.ReplyKind;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.Classification;
import com.commhub.shared.NotFoundException;

/** The mail facade: drafts, the send path, mailbox items, folders and labels. */
@Service
@Transactional
class MailService implements MailManagement {

	static final String SUBJECT_TYPE = "mail";
	static final int MAX_SUBJECT = 200;
	static final int MAX_BODY = 200_000;
	static final int MAX_RECIPIENTS = 500;
	static final int MAX_ADDRESSEES = 200;
	private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
	private static final String DEFAULT_COLOUR = "#1f5fbf";
	private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

	private final MailAccess access;
	private final MailMessages messages;
	private final MailItems items;
	private final MailRecipients recipients;
	private final MailStore store;
	private final MailDirectory directory;
	private final MailViews views;
	private final ComplianceInspector inspector;
	private final ComplianceDecisions decisions;
	private final ClassificationDefaults classifications;
	private final ArchiveRecorder archive;
	private final Files files;
	private final ApplicationEventPublisher events;
	private final MessageSource messageSource;
	private final Clock clock;

	@PersistenceContext
	private EntityManager entityManager;

	MailService(MailAccess access, MailMessages messages, MailItems items, MailRecipients recipients, MailStore store,
			MailDirectory directory, MailViews views, ComplianceInspector inspector, ComplianceDecisions decisions,
			ClassificationDefaults classifications, ArchiveRecorder archive, Files files,
			ApplicationEventPublisher events, MessageSource messageSource, Clock clock) {
		this.access = access;
		this.messages = messages;
		this.items = items;
		this.recipients = recipients;
		this.store = store;
		this.directory = directory;
		this.views = views;
		this.inspector = inspector;
		this.decisions = decisions;
		this.classifications = classifications;
		this.archive = archive;
		this.files = files;
		this.events = events;
		this.messageSource = messageSource;
		this.clock = clock;
	}

	// ---------------------------------------------------------------- drafts

	@Override
	public MailView saveDraft(Long draftId, MailDraft draft) {
		long sender = access.employee();
		MailItem existing = draftId == null ? null : lockedDraft(draftId);
		Composed composed = compose(draft);
		return views.view(store(existing, composed, sender));
	}

	@Override
	public void deleteDraft(long draftId) {
		MailItem draft = lockedDraft(draftId);
		MailMessage m = draft.mail();
		items.delete(draft);
		m.items().remove(draft);
		messages.delete(m); // mail_addressee and mail_attachment rows cascade
	}

	private MailItem lockedDraft(long draftId) {
		store.lock(draftId);
		return access.draft(draftId);
	}

	/** A sanitised, validated composition (lengths, classification, files, references). */
	record Composed(MailDraft draft, String subject, String bodyHtml, String bodyText, Classification classification,
			List<StoredFile> files, Long replyToId, Long forwardOfId, Long threadId) {
	}

	private Composed compose(MailDraft draft) {
		String subject = draft.subject() == null ? "" : CONTROL.matcher(draft.subject()).replaceAll("").strip();
		if (subject.length() > MAX_SUBJECT) {
			throw BusinessRuleException.invalid("subject", "mail.subject.tooLong", MAX_SUBJECT);
		}
		String raw = draft.bodyHtml() == null ? "" : draft.bodyHtml();
		if (raw.length() > MAX_BODY) {
			throw BusinessRuleException.invalid("bodyHtml", "mail.body.tooLong", MAX_BODY);
		}
		String html = MailSanitizer.sanitize(raw);
		Classification classification = draft.classification() == null
				? classifications.defaultFor(Channel.MAIL)
				: classifications.requireOffered(draft.classification(), "classification");
		for (var entry : Map.of("to", draft.to(), "cc", draft.cc(), "bcc", draft.bcc()).entrySet()) {
			if (entry.getValue().size() > MAX_ADDRESSEES) {
				throw BusinessRuleException.invalid(entry.getKey(), "mail.addressees.tooMany", MAX_ADDRESSEES);
			}
			if (entry.getValue().stream().anyMatch(a -> a == null || a.kind() == null)) {
				throw BusinessRuleException.invalid(entry.getKey(), "mail.addressee.unknown", "?");
			}
		}
		if (draft.followUpOn() != null && draft.followUpOn().isBefore(LocalDate.now(clock))) {
			throw BusinessRuleException.invalid("followUpOn", "mail.followUp.past");
		}
		if (draft.replyToMailId() != null && draft.forwardOfMailId() != null) {
			throw BusinessRuleException.invalid("forwardOfMailId", "mail.replyAndForward");
		}
		Long threadId = null;
		if (draft.replyToMailId() != null) {
			threadId = referenced(draft.replyToMailId(), "replyToMailId").threadId();
		}
		if (draft.forwardOfMailId() != null) {
			threadId = referenced(draft.forwardOfMailId(), "forwardOfMailId").threadId();
		}
		List<StoredFile> attached = draft.fileIds().isEmpty() ? List.of() : files.requireReadable(draft.fileIds());
		return new Composed(draft, subject, html, MailSanitizer.text(html), classification, attached,
				draft.replyToMailId(), draft.forwardOfMailId(), threadId);
	}

	private MailMessage referenced(long mailId, String field) {
		try {
			return access.itemOfMail(mailId).mail();
		}
		catch (NotFoundException e) {
			throw BusinessRuleException.invalid(field, "mail.reference.unknown");
		}
	}

	/** Creates or updates the sender's draft (mail in DRAFT with the sender's item in DRAFTS). */
	private MailItem store(MailItem existing, Composed c, long sender) {
		Instant now = Instant.now(clock);
		MailMessage m = existing == null ? new MailMessage(sender, now) : existing.mail();
		m.compose(c.subject(), c.bodyHtml(), c.bodyText(), c.classification(), c.draft().receiptRequested(),
				c.draft().followUpOn(), c.replyToId(), c.forwardOfId(), !c.files().isEmpty(), now);
		m = messages.saveAndFlush(m);
		m.threadInto(c.threadId() != null ? c.threadId() : m.id());
		Map<RecipientField, List<Addressee>> addressees = new EnumMap<>(RecipientField.class);
		addressees.put(RecipientField.TO, c.draft().to());
		addressees.put(RecipientField.CC, c.draft().cc());
		addressees.put(RecipientField.BCC, c.draft().bcc());
		store.replaceAddressees(m.id(), addressees);
		store.replaceAttachments(m.id(), c.files());
		MailItem item = existing;
		if (item == null) {
			item = new MailItem(m, sender, null, MailFolder.DRAFTS, now);
			m.items().add(item);
		}
		item.touch(now);
		return items.saveAndFlush(item);
	}

	// ---------------------------------------------------------------- send path

	/** One recipient of the expansion: the field and the addressee that reached them. */
	record Expanded(RecipientField field, Addressee via) {
	}

	@Override
	public MailSendResult send(Long draftId, MailDraft mail, String justification) {
		long sender = access.employee();
		MailItem existing = draftId == null ? null : lockedDraft(draftId);
		Composed c = compose(mail);
		if (c.subject().isBlank()) {
			throw BusinessRuleException.invalid("subject", "mail.subject.required");
		}
		Map<Long, Expanded> expansion = expand(mail, sender);
		InspectionRequest request = new InspectionRequest(c.subject() + "\n" + c.bodyText(), Channel.MAIL, sender,
				directory.departmentChain(sender),
				expansion.keySet().stream().map(id -> new InspectionRequest.Recipient(null, id, false)).toList(),
				c.classification(),
				c.files().stream().map(f -> new InspectionRequest.Attachment(f.name(), f.size(), f.contentType()))
					.toList(),
				LocaleContextHolder.getLocale());
		Decision preview = inspector.inspect(request);
		boolean justified = justification != null && !justification.isBlank();
		if (preview.action() == PolicyAction.WARN && !justified) {
			MailItem kept = store(existing, c, sender);
			return new MailSendResult(MailSendResult.Status.NEEDS_JUSTIFICATION, views.view(kept), preview.tip(),
					preview.findings());
		}
		MailItem item = store(existing, c, sender);
		MailMessage m = item.mail();
		Approver approver = directory.approverFor(sender).map(e -> new Approver(e.id(), e.label())).orElse(null);
		RecordedDecision recorded = decisions.decide(request, new Subject(SUBJECT_TYPE, String.valueOf(m.id())),
				justified ? justification.strip() : null, approver);
		Decision decision = recorded.decision();
		if (decision.action() == PolicyAction.BLOCK) {
			return new MailSendResult(MailSendResult.Status.BLOCKED, views.view(item), decision.tip(),
					decision.findings());
		}
		if (decision.action() == PolicyAction.WARN && !justified) {
			return new MailSendResult(MailSendResult.Status.NEEDS_JUSTIFICATION, views.view(item), decision.tip(),
					decision.findings());
		}
		Instant now = Instant.now(clock);
		expansion.forEach((employee, e) -> m.recipients().add(new MailRecipient(m, employee, e.field(), e.via())));
		recipients.saveAll(m.recipients());
		item.moveTo(MailFolder.SENT);
		item.touch(now);
		if (decision.action() == PolicyAction.REQUIRE_APPROVAL || decision.action() == PolicyAction.QUARANTINE) {
			MailState held = decision.action() == PolicyAction.QUARANTINE ? MailState.QUARANTINED
					: MailState.HELD_FOR_APPROVAL;
			m.moveTo(held, now);
			archive(m, c.files(), now);
			return new MailSendResult(held == MailState.QUARANTINED ? MailSendResult.Status.QUARANTINED
					: MailSendResult.Status.HELD_FOR_APPROVAL, views.view(items.saveAndFlush(item)), decision.tip(),
					decision.findings());
		}
		archive(m, c.files(), now);
		deliver(m, now);
		return new MailSendResult(MailSendResult.Status.SENT, views.view(items.saveAndFlush(item)), null,
				decision.findings());
	}

	/**
	 * Expands To, then CC, then BCC into active employees: someone reached twice keeps the first field (To before CC
	 * before BCC); the sender is never among the recipients.
	 */
	Map<Long, Expanded> expand(MailDraft mail, long sender) {
		Map<Long, Expanded> result = new LinkedHashMap<>();
		Map<RecipientField, List<Addressee>> fields = new EnumMap<>(RecipientField.class);
		fields.put(RecipientField.TO, mail.to());
		fields.put(RecipientField.CC, mail.cc());
		fields.put(RecipientField.BCC, mail.bcc());
		for (var entry : fields.entrySet()) {
			String field = entry.getKey().name().toLowerCase(Locale.ROOT);
			for (Addressee a : entry.getValue()) {
				if (!directory.exists(a)) {
					throw BusinessRuleException.invalid(field, "mail.addressee.unknown", a.kind() + " " + a.id());
				}
				Set<Long> reached = directory.expand(a);
				if (reached.isEmpty()) {
					throw BusinessRuleException.invalid(field, "mail.addressee.empty",
							directory.view(a, Map.of()).name());
				}
				reached.stream().sorted().filter(id -> id != sender)
					.forEach(id -> result.putIfAbsent(id, new Expanded(entry.getKey(), a)));
			}
		}
		if (result.isEmpty()) {
			throw BusinessRuleException.invalid("to", "mail.recipients.required");
		}
		if (result.size() > MAX_RECIPIENTS) {
			throw BusinessRuleException.invalid("to", "mail.recipients.tooMany", MAX_RECIPIENTS, result.size());
		}
		return result;
	}

	/** The archive entry (ARC-1): addressees as typed, the expansion, subject and body, attachment hashes. */
	private void archive(MailMessage m, List<StoredFile> attached, Instant now) {
		Map<RecipientField, List<Addressee>> addressees = store.addressees(m.id());
		Set<Long> people = new LinkedHashSet<>();
		people.add(m.senderEmployeeId());
		m.recipients().forEach(r -> people.add(r.employeeId()));
		Map<Long, MailDirectory.Employee> known = directory.employees(people);
		StringBuilder content = new StringBuilder();
		content.append("Subject: ").append(m.subject()).append('\n');
		content.append("Classification: ").append(m.classification().name()).append('\n');
		for (RecipientField f : RecipientField.values()) {
			List<String> names = addressees.get(f).stream()
				.map(a -> a.kind() + ":" + a.id() + " " + directory.view(a, known).name()).toList();
			content.append(f.name()).append(": ").append(String.join(", ", names)).append('\n');
		}
		content.append("Recipients:\n");
		List<String> parties = new ArrayList<>();
		for (MailRecipient r : m.recipients()) {
			String label = label(r.employeeId(), known);
			parties.add(label + " (" + r.field() + ")");
			content.append("  ").append(label).append(' ').append(r.field()).append(" via ").append(r.via().kind())
				.append(':').append(r.via().id()).append('\n');
		}
		content.append('\n').append(m.bodyText());
		String summary = m.classification().confidential() ? "mail " + m.id() : m.subject();
		NewArchiveEntry entry = NewArchiveEntry.text(RecordKind.MAIL, SUBJECT_TYPE, String.valueOf(m.id()),
				new NewArchiveEntry.Parties(label(m.senderEmployeeId(), known), parties, List.of()), m.classification(),
				now, summary, content.toString())
			.withAttachments(attached.stream().map(StoredFile::sha256).toList());
		Long replied = m.replyToId() != null ? m.replyToId() : m.forwardOfId();
		if (replied != null) {
			Long repliedEntry = messages.findById(replied).map(MailMessage::archiveEntryId).orElse(null);
			if (repliedEntry != null) {
				entry = entry.withRelated(List.of(new NewArchiveEntry.Related(NewArchiveEntry.Relation.REPLY_TO,
						new ArchiveEntryId(repliedEntry))));
			}
		}
		m.archivedAs(archive.record(entry).value());
	}

	private static String label(long employeeId, Map<Long, MailDirectory.Employee> known) {
		MailDirectory.Employee e = known.get(employeeId);
		return e == null ? "#" + employeeId : e.label();
	}

	/** Delivers a sent or released mail: the recipients' inbox items, then {@link MailSent}. */
	void deliver(MailMessage m, Instant now) {
		m.moveTo(MailState.SENT, now);
		List<MailSent.Delivery> deliveries = new ArrayList<>();
		for (MailRecipient r : m.recipients()) {
			MailItem item = new MailItem(m, r.employeeId(), r.field(), MailFolder.INBOX, now);
			m.items().add(item);
			item = items.save(item);
			deliveries.add(new MailSent.Delivery(r.employeeId(), item.id(), r.field()));
		}
		items.flush();
		String senderName = directory.employee(m.senderEmployeeId()).map(MailDirectory.Employee::name).orElse("");
		events.publishEvent(new MailSent(m.id(), m.threadId(), m.senderEmployeeId(), senderName, m.subject(),
				m.classification(), m.receiptRequested(), deliveries, now));
	}

	/** Compliance released a held mail. */
	void release(long mailId) {
		MailMessage m = messages.findById(mailId).orElseThrow(() -> new NotFoundException("mail", mailId));
		if (!m.state().pending()) {
			return;
		}
		deliver(m, Instant.now(clock));
		senderItem(m).ifPresent(item -> events.publishEvent(
				new PendingMailDecided(m.id(), m.senderEmployeeId(), item.id(), MailState.SENT)));
	}

	/** Compliance discarded a held mail: nothing is delivered; the sender's item and the archive keep it. */
	void discard(long mailId) {
		MailMessage m = messages.findById(mailId).orElseThrow(() -> new NotFoundException("mail", mailId));
		if (!m.state().pending()) {
			return;
		}
		m.moveTo(MailState.DISCARDED, Instant.now(clock));
		messages.save(m);
		senderItem(m).ifPresent(item -> events.publishEvent(
				new PendingMailDecided(m.id(), m.senderEmployeeId(), item.id(), MailState.DISCARDED)));
	}

	private java.util.Optional<MailItem> senderItem(MailMessage m) {
		return items.findByMailIdAndOwnerEmployeeId(m.id(), m.senderEmployeeId());
	}

	// ---------------------------------------------------------------- mailbox items

	@Override
	public MailView open(long itemId) {
		MailItem item = access.item(itemId);
		Instant now = Instant.now(clock);
		// conditional updates instead of a versioned write: the same mail opened in two tabs at once must not conflict
		entityManager.detach(item);
		if (item.readAt() == null && store.markRead(itemId, now)) {
			item.markRead(true, now);
		}
		MailMessage m = item.mail();
		if (item.field() != null && m.receiptRequested() && store.recordReceipt(m.id(), item.ownerEmployeeId(), now)) {
			senderItem(m).ifPresent(sent -> events.publishEvent(
					new MailRead(m.id(), m.senderEmployeeId(), sent.id(), item.ownerEmployeeId(), now)));
		}
		return views.view(item);
	}

	@Override
	@Transactional(readOnly = true)
	public MailDraft prepareReply(long itemId, ReplyKind kind) {
		MailItem item = access.item(itemId);
		MailMessage m = item.mail();
		if (m.state() == MailState.DRAFT) {
			throw BusinessRuleException.conflict(null, "mail.reply.draft");
		}
		if (kind == null) {
			throw BusinessRuleException.invalid("kind", "mail.reply.kind");
		}
		long me = item.ownerEmployeeId();
		boolean mine = item.field() == null;
		Map<RecipientField, List<Addressee>> original = store.addressees(m.id());
		List<Addressee> to = new ArrayList<>();
		List<Addressee> cc = new ArrayList<>();
		switch (kind) {
			case REPLY -> {
				if (mine) {
					to.addAll(original.get(RecipientField.TO));
				}
				else {
					to.add(Addressee.employee(m.senderEmployeeId()));
				}
			}
			case REPLY_ALL -> {
				if (!mine) {
					to.add(Addressee.employee(m.senderEmployeeId()));
				}
				original.get(RecipientField.TO).stream().filter(a -> !self(a, me) && !to.contains(a)).forEach(to::add);
				original.get(RecipientField.CC).stream().filter(a -> !self(a, me) && !to.contains(a)).forEach(cc::add);
			}
			case FORWARD -> {
				// no addressees
			}
		}
		Locale locale = LocaleContextHolder.getLocale();
		String prefix = kind == ReplyKind.FORWARD ? "Fwd: " : "Re: ";
		String subject = m.subject().regionMatches(true, 0, prefix, 0, prefix.length()) ? m.subject()
				: prefix + m.subject();
		if (subject.length() > MAX_SUBJECT) {
			subject = subject.substring(0, MAX_SUBJECT);
		}
		String who = directory.employee(m.senderEmployeeId()).map(MailDirectory.Employee::label).orElse("");
		String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
			.format((m.sentAt() != null ? m.sentAt() : m.updatedAt()).atZone(ZoneId.of(clock.getZone().getId())));
		String header = messageSource.getMessage(
				kind == ReplyKind.FORWARD ? "mail.quote.forwarded" : "mail.quote.wrote", new Object[] { when, who },
				locale);
		String body = "<p></p><blockquote>" + MailSanitizer.paragraphs(header) + m.bodyHtml() + "</blockquote>";
		List<Long> fileIds = kind == ReplyKind.FORWARD
				? store.attachments(m.id()).stream().map(MailView.Attachment::fileId).toList() : List.of();
		return new MailDraft(to, cc, List.of(), subject, body, m.classification(), fileIds, false, null,
				kind == ReplyKind.FORWARD ? null : m.id(), kind == ReplyKind.FORWARD ? m.id() : null);
	}

	private static boolean self(Addressee a, long me) {
		return a.kind() == Addressee.Kind.EMPLOYEE && a.id() == me;
	}

	@Override
	public MailView update(long itemId, MailItemChange change) {
		MailItem item = access.item(itemId);
		if (change.read() != null) {
			item.markRead(change.read(), Instant.now(clock));
		}
		if (change.flagged() != null) {
			item.flag(change.flagged());
		}
		if (change.labelIds() != null) {
			if (change.labelIds().stream().anyMatch(java.util.Objects::isNull) || !store.ownsLabels(item.ownerEmployeeId(), change.labelIds())) {
				throw BusinessRuleException.invalid("labelIds", "mail.label.unknown");
			}
			item.label(new LinkedHashSet<>(change.labelIds()));
		}
		if (change.folder() != null) {
			move(item, MailFolder.parse(change.folder(), "folder"));
		}
		return views.view(items.saveAndFlush(item));
	}

	private void move(MailItem item, MailFolder target) {
		if (target.equals(item.folder())) {
			return;
		}
		boolean draft = item.mail().state() == MailState.DRAFT;
		boolean mine = item.field() == null;
		if (target.kind() == MailFolder.Kind.DRAFTS || draft || (target.kind() == MailFolder.Kind.SENT && !mine)
				|| (target.kind() == MailFolder.Kind.INBOX && mine)) {
			throw BusinessRuleException.invalid("folder", "mail.folder.notTarget", target.key());
		}
		if (target.custom()) {
			try {
				access.customFolder(target.customId());
			}
			catch (NotFoundException e) {
				throw BusinessRuleException.invalid("folder", "mail.folder.invalid", target.key());
			}
		}
		if (target.kind() == MailFolder.Kind.TRASH) {
			item.trash();
		}
		else {
			item.restore(target);
		}
	}

	@Override
	public void delete(long itemId) {
		MailItem item = access.item(itemId);
		if (item.mail().state() == MailState.DRAFT) {
			deleteDraft(item.mail().id());
			return;
		}
		if (item.folder().kind() == MailFolder.Kind.TRASH) {
			item.hide(Instant.now(clock));
		}
		else {
			item.trash();
		}
		items.saveAndFlush(item);
	}

	@Override
	public MailView restore(long itemId) {
		MailItem item = access.item(itemId);
		if (item.folder().kind() != MailFolder.Kind.TRASH) {
			throw BusinessRuleException.conflict(null, "mail.restore.notInTrash");
		}
		MailFolder target = item.field() == null ? MailFolder.SENT : MailFolder.INBOX;
		if (item.trashedFrom() != null) {
			MailFolder from = MailFolder.parse(item.trashedFrom(), "folder");
			if (!from.custom() || stillExists(from)) {
				target = from;
			}
		}
		item.restore(target);
		return views.view(items.saveAndFlush(item));
	}

	private boolean stillExists(MailFolder folder) {
		try {
			access.customFolder(folder.customId());
			return true;
		}
		catch (NotFoundException e) {
			return false;
		}
	}

	// ---------------------------------------------------------------- folders and labels

	@Override
	public FolderView createFolder(String name) {
		long owner = access.employee();
		String clean = name(name, 40);
		long id = store.createFolder(owner, clean, Instant.now(clock));
		return new FolderView(MailFolder.custom(id), Long.toString(id), clean, 0, 0);
	}

	@Override
	public FolderView renameFolder(long folderId, String name) {
		MailFolder folder = access.customFolder(folderId);
		String clean = name(name, 40);
		store.renameFolder(folderId, clean);
		long[] counts = store.folderCounts(access.employee()).getOrDefault(folder.key(), new long[2]);
		return new FolderView(folder, folder.key(), clean, counts[0], counts[1]);
	}

	@Override
	public void deleteFolder(long folderId) {
		access.customFolder(folderId);
		long owner = access.employee();
		for (MailItem item : items.findByOwnerEmployeeIdAndCustomFolderId(owner, folderId)) {
			if (item.folder().custom()) {
				item.restore(item.field() == null ? MailFolder.SENT : MailFolder.INBOX);
			}
			else {
				item.restore(item.folder()); // in TRASH: forget the folder it came from
				item.trash();
			}
			items.save(item);
		}
		items.flush();
		store.deleteFolder(folderId);
	}

	@Override
	public LabelView createLabel(String name, String colour) {
		long owner = access.employee();
		return store.createLabel(owner, name(name, 30), colour(colour), Instant.now(clock));
	}

	@Override
	public LabelView updateLabel(long labelId, String name, String colour) {
		access.requireLabel(labelId);
		return store.updateLabel(labelId, name(name, 30), colour(colour));
	}

	@Override
	public void deleteLabel(long labelId) {
		access.requireLabel(labelId);
		for (MailItem item : items.findLabelled(access.employee(), labelId)) {
			item.labelIds().remove(labelId);
			items.save(item);
		}
		items.flush();
		store.deleteLabel(labelId);
	}

	private static String name(String name, int max) {
		String clean = name == null ? "" : name.strip();
		if (clean.isEmpty()) {
			throw BusinessRuleException.invalid("name", "validation.required");
		}
		if (clean.length() > max) {
			throw BusinessRuleException.invalid("name", "mail.name.tooLong", max);
		}
		return clean;
	}

	private static String colour(String colour) {
		if (colour == null || colour.isBlank()) {
			return DEFAULT_COLOUR;
		}
		if (!COLOUR.matcher(colour.strip()).matches()) {
			throw BusinessRuleException.invalid("colour", "mail.label.colour");
		}
		return colour.strip().toLowerCase(Locale.ROOT);
	}

	// ---------------------------------------------------------------- MAIL-3

	@Override
	@Transactional(readOnly = true)
	public List<CcSuggestion> suggestCc(MailDraft draft) {
		long sender = access.employee();
		Set<Long> reached = new LinkedHashSet<>();
		for (List<Addressee> field : List.of(draft.to(), draft.cc(), draft.bcc())) {
			for (Addressee a : field) {
				if (a != null && a.kind() != null && directory.exists(a)) {
					reached.addAll(directory.expand(a));
				}
			}
		}
		reached.remove(sender);
		Map<Long, MailDirectory.Employee> people = directory.employees(reached);
		MailDirectory.Employee me = directory.employee(sender).orElseThrow();
		Set<Long> departments = new LinkedHashSet<>();
		people.values().stream().map(MailDirectory.Employee::departmentId).filter(d -> d != me.departmentId())
			.sorted().forEach(departments::add);
		if (departments.isEmpty()) {
			return List.of();
		}
		Set<Long> alreadyCopied = new java.util.HashSet<>();
		for (List<Addressee> field : List.of(draft.to(), draft.cc())) {
			field.stream().filter(a -> a != null && a.kind() == Addressee.Kind.EMPLOYEE)
				.forEach(a -> alreadyCopied.add(a.id()));
		}
		List<CcSuggestion> suggestions = new ArrayList<>();
		Set<Long> suggested = new java.util.HashSet<>();
		suggest(me.departmentId(), CcSuggestion.Reason.SENDER_DEPARTMENT_HEAD, sender, alreadyCopied, suggested,
				suggestions);
		for (long department : departments) {
			suggest(department, CcSuggestion.Reason.RECIPIENT_DEPARTMENT_HEAD, sender, alreadyCopied, suggested,
					suggestions);
		}
		return suggestions;
	}

	private void suggest(long departmentId, CcSuggestion.Reason reason, long sender, Set<Long> alreadyCopied,
			Set<Long> suggested, List<CcSuggestion> into) {
		directory.department(departmentId).ifPresent(d -> {
			Long head = d.headId();
			if (head == null || head == sender || alreadyCopied.contains(head) || !suggested.add(head)) {
				return;
			}
			directory.employee(head).filter(MailDirectory.Employee::active)
				.ifPresent(e -> into.add(new CcSuggestion(e.ref(), reason, d.id(), d.name())));
		});
	}
}
