package com.commhub.mail.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The rich text allowed in a mail body: paragraphs, line breaks, bold, italic, underline, lists, quotes, links
 * (http, https, mailto; opened without referrer), h3/h4 and simple tables. Everything else is removed. The plain text
 * (for search, previews, compliance and the archive) is derived from the sanitised HTML.
 */
final class MailSanitizer {

	private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
		.allowElements("p", "br", "b", "strong", "i", "em", "u", "ul", "ol", "li", "blockquote", "h3", "h4", "table",
				"thead", "tbody", "tr", "th", "td", "a")
		.allowUrlProtocols("http", "https", "mailto")
		.allowAttributes("href").onElements("a")
		.requireRelsOnLinks("noopener", "noreferrer")
		.allowAttributes("colspan", "rowspan").matching(Pattern.compile("[1-9][0-9]?")).onElements("td", "th")
		.toFactory();

	private static final Pattern BLOCK_END = Pattern.compile(
			"(?i)<br\\s*/?>|</(p|li|h3|h4|blockquote|tr|table|ul|ol)>");
	private static final Pattern CELL_END = Pattern.compile("(?i)</t[dh]>");
	private static final Pattern TAG = Pattern.compile("<[^>]*>");
	private static final Pattern ENTITY = Pattern.compile("&(#x?[0-9a-fA-F]+|amp|lt|gt|quot|apos|nbsp);");
	/** Control characters but tab and newline (the search highlighter uses two of them as markers). */
	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");
	private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");

	private MailSanitizer() {
	}

	static String sanitize(String html) {
		return html == null || html.isBlank() ? "" : POLICY.sanitize(html);
	}

	/** The text of sanitised HTML: tags dropped, blocks on their own lines, entities decoded. */
	static String text(String sanitizedHtml) {
		String withBreaks = CELL_END.matcher(BLOCK_END.matcher(sanitizedHtml).replaceAll("\n")).replaceAll("\t");
		String stripped = TAG.matcher(withBreaks).replaceAll("");
		Matcher m = ENTITY.matcher(stripped);
		StringBuilder sb = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(sb, Matcher.quoteReplacement(decode(m.group(1))));
		}
		m.appendTail(sb);
		String text = CONTROL.matcher(sb.toString()).replaceAll("");
		return BLANK_LINES.matcher(text).replaceAll("\n\n").strip();
	}

	/** Plain text as HTML paragraphs (escaped), for quoting and for demo data. */
	static String paragraphs(String text) {
		StringBuilder sb = new StringBuilder();
		for (String line : text.split("\n", -1)) {
			sb.append("<p>").append(org.springframework.web.util.HtmlUtils.htmlEscape(line)).append("</p>");
		}
		return sb.toString();
	}

	private static String decode(String entity) {
		return switch (entity) {
			case "amp" -> "&";
			case "lt" -> "<";
			case "gt" -> ">";
			case "quot" -> "\"";
			case "apos" -> "'";
			case "nbsp" -> " ";
			default -> {
				try {
					int code = entity.startsWith("#x") || entity.startsWith("#X")
							? Integer.parseInt(entity.substring(2), 16) : Integer.parseInt(entity.substring(1));
					yield Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : "";
				}
				catch (NumberFormatException e) {
					yield "";
				}
			}
		};
	}
}
