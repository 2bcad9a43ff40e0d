package com.commhub.mail.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.BeanUtils;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

import com.commhub.compliance.Channel;
import com.commhub.compliance.ClassificationDefaults;
import com.commhub.directory.DirectoryQueries;
import com.commhub.files.Files;
import com.commhub.files.StoredFile;
import com.commhub.mail.Addressee;
import com.commhub.mail.MailDraft;
import com.commhub.mail.MailView;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.Classification;

/**
 * Translates between the composer form and the mail module's {@link MailDraft}: addressee chips ({@code KIND:id})
 * and their readable names, the classification and follow-up date as typed, and refusals of the mail module as field
 * errors next to the composer's fields. Validation of the mail itself stays in the mail module.
 */
@Component
class Composer {

	static final List<String> ADDRESS_FIELDS = List.of("to", "cc", "bcc");

	/** Mail module field → composer field, where they are named differently. */
	private static final Map<String, String> FIELD_ALIASES = Map.of("bodyHtml", "body", "fileIds", "attachmentIds");

	private final DirectoryQueries directory;
	private final ClassificationDefaults classifications;
	private final Files files;

	Composer(DirectoryQueries directory, ClassificationDefaults classifications, Files files) {
		this.directory = directory;
		this.classifications = classifications;
		this.files = files;
	}

	/** An empty composer with the mail default classification. */
	ComposeFormData blank() {
		ComposeFormData form = new ComposeFormData();
		form.setClassification(classifications.defaultFor(Channel.MAIL).name());
		return form;
	}

	/** The composer for a prepared draft (reply, forward) that is not saved yet. */
	ComposeFormData form(MailDraft draft) {
		ComposeFormData form = new ComposeFormData();
		form.setTo(values(draft.to()));
		form.setCc(values(draft.cc()));
		form.setBcc(values(draft.bcc()));
		form.setSubject(draft.subject());
		form.setBody(draft.bodyHtml());
		Classification level = draft.classification() == null ? classifications.defaultFor(Channel.MAIL)
				: draft.classification();
		form.setClassification(level.name());
		form.setAttachmentIds(new ArrayList<>(draft.fileIds()));
		form.setReceiptRequested(draft.receiptRequested());
		form.setFollowUpOn(draft.followUpOn() == null ? null : draft.followUpOn().toString());
		form.setReplyToMailId(draft.replyToMailId());
		form.setForwardOfMailId(draft.forwardOfMailId());
		return form;
	}

	/** The composer for a saved draft. */
	ComposeFormData form(MailView draft) {
		ComposeFormData form = new ComposeFormData();
		form.setDraftId(draft.mailId());
		form.setTo(draft.to().stream().map(a -> value(a.addressee())).toList());
		form.setCc(draft.cc().stream().map(a -> value(a.addressee())).toList());
		form.setBcc(draft.bcc().stream().map(a -> value(a.addressee())).toList());
		form.setSubject(draft.subject());
		form.setBody(draft.bodyHtml());
		form.setClassification(draft.classification() == null ? null : draft.classification().name());
		form.setAttachmentIds(draft.attachments().stream().map(MailView.Attachment::fileId).toList());
		form.setReceiptRequested(draft.receiptRequested());
		form.setFollowUpOn(draft.followUpOn() == null ? null : draft.followUpOn().toString());
		form.setReplyToMailId(draft.replyToMailId());
		form.setForwardOfMailId(draft.forwardOfMailId());
		return form;
	}

	/**
	 * The draft the form describes. What cannot be read (a malformed addressee, an unknown level, a bad date) is a
	 * field error in {@code result} when one is given, and left out otherwise (autosave keeps what it can).
	 */
	MailDraft draft(ComposeFormData form, BindingResult result) {
		List<Addressee> to = addressees("to", form.getTo(), result);
		List<Addressee> cc = addressees("cc", form.getCc(), result);
		List<Addressee> bcc = addressees("bcc", form.getBcc(), result);
		Classification level = null;
		try {
			level = classifications.parseOffered(form.getClassification(), "classification");
		}
		catch (BusinessRuleException ex) {
			reject(result, ex);
		}
		LocalDate followUp = null;
		if (form.getFollowUpOn() != null && !form.getFollowUpOn().isBlank()) {
			try {
				followUp = LocalDate.parse(form.getFollowUpOn().strip());
			}
			catch (DateTimeParseException ex) {
				if (result != null) {
					result.rejectValue("followUpOn", "mailui.badDate");
				}
			}
		}
		return new MailDraft(to, cc, bcc, form.getSubject() == null ? "" : form.getSubject().strip(),
				form.getBody() == null ? "" : form.getBody(), level, form.getAttachmentIds(), form.isReceiptRequested(),
				followUp, form.getReplyToMailId(), form.getForwardOfMailId());
	}

	/** A refusal of the mail module next to the field it names, or above the form. */
	void reject(BindingResult result, BusinessRuleException ex) {
		if (result == null) {
			return;
		}
		String field = ex.field() == null ? null : FIELD_ALIASES.getOrDefault(ex.field(), ex.field());
		if (field != null && BeanUtils.getPropertyDescriptor(ComposeFormData.class, field) != null) {
			result.rejectValue(field, ex.messageCode(), ex.arguments(), ex.messageCode());
		}
		else {
			result.reject(ex.messageCode(), ex.arguments(), ex.messageCode());
		}
	}

	/** The chips of the three address fields, with names from the directory. */
	Map<String, List<Chip>> addressChips(ComposeFormData form) {
		Map<String, String> names = new HashMap<>();
		Map<String, List<Chip>> chips = new LinkedHashMap<>();
		chips.put("to", chips("to", form.getTo(), names));
		chips.put("cc", chips("cc", form.getCc(), names));
		chips.put("bcc", chips("bcc", form.getBcc(), names));
		return chips;
	}

	/** The attachments the user may read, for their chips (an id they may not read is dropped from the form). */
	List<StoredFile> attachments(ComposeFormData form) {
		List<StoredFile> readable = form.getAttachmentIds().stream().distinct()
			.map(id -> files.findForCurrentUser(id).orElse(null))
			.filter(java.util.Objects::nonNull)
			.toList();
		form.setAttachmentIds(readable.stream().map(StoredFile::id).toList());
		return readable;
	}

	List<Classification> offeredLevels() {
		return classifications.offered();
	}

	static String value(Addressee addressee) {
		return addressee.kind().name() + ":" + addressee.id();
	}

	private List<Chip> chips(String field, List<String> values, Map<String, String> names) {
		List<Chip> chips = new ArrayList<>();
		for (String value : values.stream().distinct().toList()) {
			Addressee addressee = parse(value);
			if (addressee != null) {
				chips.add(new Chip(field, value, names.computeIfAbsent(value, v -> name(addressee)),
						addressee.kind().name()));
			}
		}
		return chips;
	}

	/** The readable name of an addressee; its value when the directory no longer has it. */
	String name(Addressee addressee) {
		try {
			return switch (addressee.kind()) {
				case EMPLOYEE -> {
					var employee = directory.employee(addressee.id());
					yield employee.name() + " (" + employee.employeeNo() + ")";
				}
				case DEPARTMENT -> directory.department(addressee.id()).name();
				case GROUP -> directory.group(addressee.id()).name();
			};
		}
		catch (RuntimeException ex) {
			return value(addressee);
		}
	}

	private static List<String> values(List<Addressee> addressees) {
		return addressees.stream().map(Composer::value).toList();
	}

	private static List<Addressee> addressees(String field, List<String> values, BindingResult result) {
		List<Addressee> addressees = new ArrayList<>();
		for (String value : values) {
			Addressee addressee = parse(value);
			if (addressee == null) {
				if (result != null && !result.hasFieldErrors(field)) {
					result.rejectValue(field, "validation.badValue");
				}
			}
			else if (!addressees.contains(addressee)) {
				addressees.add(addressee);
			}
		}
		return addressees;
	}

	/** {@code KIND:id}, or {@code null} when malformed. */
	static Addressee parse(String value) {
		if (value == null) {
			return null;
		}
		int colon = value.indexOf(':');
		if (colon < 1) {
			return null;
		}
		try {
			Addressee.Kind kind = Addressee.Kind.valueOf(value.substring(0, colon).strip().toUpperCase(Locale.ROOT));
			long id = Long.parseLong(value.substring(colon + 1).strip());
			return id > 0 ? new Addressee(kind, id) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
