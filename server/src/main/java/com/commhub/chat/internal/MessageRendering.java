package com.commhub.chat.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.web.util.HtmlUtils;

/**
 * The small Markdown subset of chat messages (CHAT-2): bold, italic, code, links, lists, quotes and line breaks.
 * CommonMark renders with raw HTML escaped; the result then passes the OWASP sanitizer, which keeps only the elements
 * below (no images, no headings, no raw HTML) and forces links to http(s)/mailto with
 * {@code rel="nofollow noopener"} and {@code target="_blank"}. Mentions become highlighted {@code @name} spans.
 */
final class MessageRendering {

	private static final Parser PARSER = Parser.builder()
		.enabledBlockTypes(Set.of(BlockQuote.class, FencedCodeBlock.class, ListBlock.class))
		.build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
		.escapeHtml(true)
		.sanitizeUrls(true)
		.softbreak("<br />")
		.build();

	private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
		.allowElements("b", "strong", "i", "em", "code", "pre", "ul", "ol", "li", "blockquote", "p", "br")
		.allowElements((name, attributes) -> {
			// links open in a new tab, whatever the input said
			attributes.add("target");
			attributes.add("_blank");
			return name;
		}, "a")
		.allowUrlProtocols("http", "https", "mailto")
		.allowAttributes("href").onElements("a")
		.requireRelsOnLinks("nofollow", "noopener")
		.allowElements("span")
		.allowAttributes("class").matching(Pattern.compile("mention")).onElements("span")
		.toFactory();

	private MessageRendering() {
	}

	/** Sanitised HTML of a message's text, with the mentioned names highlighted. */
	static String html(String text, List<String> mentionNames) {
		if (text == null || text.isBlank()) {
			return "";
		}
		String html = RENDERER.render(PARSER.parse(text));
		// longest names first, so "@王芳芳" is not highlighted as "@王芳" followed by "芳"
		for (String name : mentionNames.stream().distinct().sorted(Comparator.comparingInt(String::length).reversed())
			.toList()) {
			String escaped = "@" + HtmlUtils.htmlEscape(name);
			html = html.replace(escaped, "<span class=\"mention\">\u0000" + HtmlUtils.htmlEscape(name) + "</span>");
		}
		html = html.replace("\u0000", "@");
		return POLICY.sanitize(html).strip();
	}
}
