package com.commhub.mail.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.commhub.mail.Addressee;
import com.commhub.mail.AddresseeView;
import com.commhub.mail.LabelView;
import com.commhub.mail.MailState;
import com.commhub.mail.MailSummary;
import com.commhub.mail.MailView;
import com.commhub.mail.PersonRef;
import com.commhub.mail.RecipientField;

/** Turns items into what their owner may see (BCC hidden from everyone but the sender and the BCC recipient). */
@Component
class MailViews {

	private static final int PREVIEW_LENGTH = 100;

	private final MailDirectory directory;
	private final MailStore store;
	private final Clock clock;

	MailViews(MailDirectory directory, MailStore store, Clock clock) {
		this.directory = directory;
		this.store = store;
		this.clock = clock;
	}

	MailView view(MailItem item) {
		MailMessage m = item.mail();
		boolean mine = item.field() == null;
		Map<RecipientField, List<Addressee>> addressees = store.addressees(m.id());
		List<MailRecipient> visibleRecipients = m.recipients().stream()
			.filter(r -> mine || r.field() != RecipientField.BCC || r.employeeId() == item.ownerEmployeeId())
			.toList();
		Set<Long> people = new HashSet<>();
		people.add(m.senderEmployeeId());
		visibleRecipients.forEach(r -> people.add(r.employeeId()));
		addressees.values().forEach(list -> list.stream().filter(a -> a.kind() == Addressee.Kind.EMPLOYEE)
			.forEach(a -> people.add(a.id())));
		Map<Long, MailDirectory.Employee> known = directory.employees(people);
		List<AddresseeView> to = views(addressees.get(RecipientField.TO), known);
		List<AddresseeView> cc = views(addressees.get(RecipientField.CC), known);
		List<AddresseeView> bcc = mine ? views(addressees.get(RecipientField.BCC), known) : List.of();
		Map<Addressee, AddresseeView> vias = new java.util.HashMap<>(); // a department reaches many: look it up once
		List<MailView.Recipient> recipients = visibleRecipients.stream()
			.map(r -> new MailView.Recipient(person(r.employeeId(), known), r.field(),
					vias.computeIfAbsent(r.via(), a -> directory.view(a, known))))
			.toList();
		List<MailView.Receipt> receipts = mine && m.receiptRequested() && m.state() == MailState.SENT
				? m.recipients().stream().map(r -> new MailView.Receipt(person(r.employeeId(), known), r.readAt()))
					.toList()
				: List.of();
		return new MailView(item.id(), m.id(), m.threadId(), item.folder(), m.state(),
				person(m.senderEmployeeId(), known), to, cc, bcc, recipients, item.field(), m.subject(), m.bodyHtml(),
				m.classification(), store.attachments(m.id()), m.receiptRequested(), m.followUpOn(),
				mine && followUpDue(m), m.replyToId(), m.forwardOfId(), item.readAt() != null, item.flagged(),
				labels(item, store.labelsById(item.ownerEmployeeId())), receipts, m.sentAt(), m.updatedAt());
	}

	List<MailSummary> summaries(List<MailItem> items, long owner) {
		Map<Long, LabelView> labels = store.labelsById(owner);
		Set<Long> senders = items.stream().map(i -> i.mail().senderEmployeeId()).collect(Collectors.toSet());
		Map<Long, MailDirectory.Employee> known = directory.employees(senders);
		List<MailSummary> result = new ArrayList<>(items.size());
		for (MailItem item : items) {
			MailMessage m = item.mail();
			boolean mine = item.field() == null;
			String counterpart = mine ? toNames(m.id(), known) : person(m.senderEmployeeId(), known).name();
			String preview = m.classification().confidential() ? "" : preview(m.bodyText());
			result.add(new MailSummary(item.id(), m.id(), m.threadId(), item.folder(), m.state(), counterpart,
					m.subject(), preview, m.classification(), m.hasAttachments(), item.readAt() != null,
					item.flagged(), labels(item, labels), m.receiptRequested(), m.followUpOn(), mine && followUpDue(m),
					mine, m.sentAt() != null ? m.sentAt() : m.updatedAt()));
		}
		return result;
	}

	boolean followUpDue(MailMessage m) {
		return m.followUpOn() != null && m.state() == MailState.SENT && m.sentAt() != null
				&& !LocalDate.now(clock).isBefore(m.followUpOn())
				&& !store.repliedInThread(m.threadId(), m.senderEmployeeId(), m.sentAt());
	}

	private String toNames(long mailId, Map<Long, MailDirectory.Employee> known) {
		List<Addressee> to = store.addressees(mailId).get(RecipientField.TO);
		String names = to.stream().limit(3).map(a -> directory.view(a, known).name()).collect(Collectors.joining(", "));
		return to.size() > 3 ? names + " …" : names;
	}

	private List<AddresseeView> views(List<Addressee> addressees, Map<Long, MailDirectory.Employee> known) {
		return addressees.stream().map(a -> directory.view(a, known)).toList();
	}

	private PersonRef person(long employeeId, Map<Long, MailDirectory.Employee> known) {
		MailDirectory.Employee e = known.get(employeeId);
		return e == null ? new PersonRef(employeeId, "", "#" + employeeId, "") : e.ref();
	}

	private static List<LabelView> labels(MailItem item, Map<Long, LabelView> labels) {
		return item.labelIds().stream().map(labels::get).filter(java.util.Objects::nonNull).toList();
	}

	String senderName(long employeeId) {
		return directory.employee(employeeId).map(MailDirectory.Employee::name).orElse("#" + employeeId);
	}

	static String preview(String text) {
		String flat = text.replaceAll("\\s+", " ").strip();
		return flat.length() <= PREVIEW_LENGTH ? flat : flat.substring(0, PREVIEW_LENGTH) + "…";
	}
}
