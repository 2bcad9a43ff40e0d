package com.commhub.archive.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders an archived mail as an RFC 5322 message (UTF-8 text body in Base64, RFC 2047 encoded words for non-ASCII
 * header text). The archive keeps parties as display strings (e.g. "HT1020 王芳"), not always as addresses: a party
 * without an address gets {@code <account-id@commhub.invalid>} (a reserved, undeliverable domain) so the header stays
 * valid and nobody mistakes it for a real address.
 */
final class EmlRenderer {

	static final String PLACEHOLDER_DOMAIN = "commhub.invalid";
	private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
	private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9._-]+");
	private static final Pattern PLAIN_ATOM_TEXT = Pattern.compile("[A-Za-z0-9 !#$%&'*+/=?^_`{|}~.-]*");
	/**
	 * 30 UTF-8 bytes → 40 Base64 characters, 52 with "=?UTF-8?B?" and "?=": a word fits RFC 2047's 75 and, after
	 * a header name like "Subject: ", the 76-character line limit for lines with encoded words.
	 */
	private static final int WORD_BYTES = 30;
	private static final String CRLF = "\r\n";

	private EmlRenderer() {
	}

	record Mail(long entryId, long position, String classification, String sender, List<String> recipients,
			Instant occurredAt, String subject, String body, List<String> attachmentHashes) {
	}

	static byte[] render(Mail mail, ZoneId zone) {
		StringBuilder out = new StringBuilder(512);
		header(out, "From", mail.sender() == null ? "<unknown@" + PLACEHOLDER_DOMAIN + ">" : mailbox(mail.sender()));
		if (mail.recipients().isEmpty()) {
			header(out, "To", "undisclosed-recipients:;");
		}
		else {
			List<String> boxes = new ArrayList<>();
			for (String recipient : mail.recipients()) {
				boxes.add(mailbox(recipient));
			}
			header(out, "To", String.join("," + CRLF + " ", boxes));
		}
		header(out, "Subject", unstructured(mail.subject()));
		header(out, "Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(mail.occurredAt().atZone(zone)));
		header(out, "Message-ID", "<archive-entry-" + mail.entryId() + "@" + PLACEHOLDER_DOMAIN + ">");
		header(out, "MIME-Version", "1.0");
		header(out, "Content-Type", "text/plain; charset=UTF-8");
		header(out, "Content-Transfer-Encoding", "base64");
		header(out, "X-CommHub-Archive-Entry", Long.toString(mail.entryId()));
		header(out, "X-CommHub-Archive-Position", Long.toString(mail.position()));
		header(out, "X-CommHub-Classification", mail.classification());
		for (String hash : mail.attachmentHashes()) {
			// folded: name and hash together exceed the 78-character line
			out.append("X-CommHub-Attachment-SHA256:").append(CRLF).append(' ').append(hash).append(CRLF);
		}
		out.append(CRLF);
		String body = Base64.getMimeEncoder().encodeToString(mail.body().getBytes(StandardCharsets.UTF_8));
		out.append(body);
		if (!body.isEmpty()) {
			out.append(CRLF);
		}
		return out.toString().getBytes(StandardCharsets.US_ASCII);
	}

	private static void header(StringBuilder out, String name, String value) {
		out.append(name).append(": ").append(value).append(CRLF);
	}

	/** "name <address>", inventing a placeholder address from the leading account id when the party has none. */
	static String mailbox(String party) {
		String text = clean(party);
		Matcher address = ADDRESS.matcher(text);
		String addr;
		String name;
		if (address.find()) {
			addr = address.group();
			name = (text.substring(0, address.start()) + " " + text.substring(address.end())).replaceAll("[<>\"]", " ")
				.strip()
				.replaceAll("\\s+", " ");
		}
		else {
			Matcher account = ACCOUNT.matcher(text);
			addr = (account.lookingAt() ? account.group() : "unknown") + "@" + PLACEHOLDER_DOMAIN;
			name = text;
		}
		if (name.isEmpty()) {
			return "<" + addr + ">";
		}
		String phrase = phrase(name);
		// an encoded phrase ends a line of its own, so the address cannot push the line past 76 characters
		return phrase + (phrase.startsWith("=?") ? CRLF + " " : " ") + "<" + addr + ">";
	}

	private static String phrase(String name) {
		if (name.chars().allMatch(c -> c >= 0x20 && c < 0x7f) && name.length() <= 60) {
			return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
		}
		return encodedWords(name);
	}

	private static String unstructured(String text) {
		String value = clean(text);
		if (PLAIN_ATOM_TEXT.matcher(value).matches() && value.length() <= 70) {
			return value;
		}
		return encodedWords(value);
	}

	/** RFC 2047 "B" encoded words, split on code point boundaries, folded one word per line. */
	static String encodedWords(String text) {
		List<String> words = new ArrayList<>();
		StringBuilder chunk = new StringBuilder();
		int chunkBytes = 0;
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			String character = new String(Character.toChars(codePoint));
			int bytes = character.getBytes(StandardCharsets.UTF_8).length;
			if (chunkBytes + bytes > WORD_BYTES) {
				words.add(word(chunk.toString()));
				chunk.setLength(0);
				chunkBytes = 0;
			}
			chunk.append(character);
			chunkBytes += bytes;
			i += Character.charCount(codePoint);
		}
		if (!chunk.isEmpty() || words.isEmpty()) {
			words.add(word(chunk.toString()));
		}
		return String.join(CRLF + " ", words);
	}

	private static String word(String text) {
		return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
	}

	/** Header text is one line: control characters (CR, LF, tabs) become spaces, so nothing can inject a header. */
	private static String clean(String text) {
		return text == null ? "" : text.replaceAll("\\p{Cntrl}", " ").strip();
	}
}
