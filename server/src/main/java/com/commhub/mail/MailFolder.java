package com.commhub.mail;

import java.util.Locale;

import com.commhub.shared.BusinessRuleException;

/**
 * A folder of the viewer's mailbox: one of the system folders or a custom folder of theirs ({@code customId}).
 * Its {@link #key()} is the form used in URLs and the REST API: {@code INBOX}, {@code SENT}, {@code DRAFTS},
 * {@code ARCHIVE}, {@code TRASH} or the custom folder's id.
 */
public record MailFolder(Kind kind, Long customId) {

	public enum Kind {
		INBOX, SENT, DRAFTS, ARCHIVE, TRASH, CUSTOM
	}

	public static final MailFolder INBOX = new MailFolder(Kind.INBOX, null);
	public static final MailFolder SENT = new MailFolder(Kind.SENT, null);
	public static final MailFolder DRAFTS = new MailFolder(Kind.DRAFTS, null);
	public static final MailFolder ARCHIVE = new MailFolder(Kind.ARCHIVE, null);
	public static final MailFolder TRASH = new MailFolder(Kind.TRASH, null);

	public MailFolder {
		if ((kind == Kind.CUSTOM) != (customId != null)) {
			throw new IllegalArgumentException("a custom folder, and only a custom folder, has an id");
		}
	}

	public static MailFolder custom(long id) {
		return new MailFolder(Kind.CUSTOM, id);
	}

	public boolean custom() {
		return kind == Kind.CUSTOM;
	}

	public String key() {
		return custom() ? Long.toString(customId) : kind.name();
	}

	/**
	 * Parses a {@link #key()}; blank means INBOX. Throws {@link BusinessRuleException} on {@code field}
	 * ({@code mail.folder.invalid}) for anything else. Whether a custom folder exists and is the viewer's is checked
	 * by the module (404 otherwise).
	 */
	public static MailFolder parse(String key, String field) {
		if (key == null || key.isBlank()) {
			return INBOX;
		}
		String value = key.trim();
		if (value.chars().allMatch(Character::isDigit) && value.length() < 18) {
			return custom(Long.parseLong(value));
		}
		try {
			Kind kind = Kind.valueOf(value.toUpperCase(Locale.ROOT));
			if (kind != Kind.CUSTOM) {
				return new MailFolder(kind, null);
			}
		}
		catch (IllegalArgumentException ignored) {
			// fall through to the field error
		}
		throw BusinessRuleException.invalid(field, "mail.folder.invalid", value);
	}
}
