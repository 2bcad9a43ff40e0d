package com.commhub.archive.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

import com.commhub.shared.Classification;
import com.commhub.verifier.CanonicalEncoding;
import com.commhub.verifier.EntryRow;
import com.commhub.verifier.ExportFormat;

/**
 * The readable pages of an export package: one per record and an index. Self-contained (no scripts, no external
 * resources), UTF-8, with a CJK font stack so Chinese renders on any auditor's machine; every archived text is
 * HTML-escaped. Labels come from the archive message bundle in the exporting user's language.
 */
final class ExportHtml {

	private static final String STYLE = """
			body{font-family:"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",\
			"WenQuanYi Micro Hei","Noto Sans SC",sans-serif;margin:2em;color:#222;line-height:1.5}
			table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}
			th{background:#f4f4f4;white-space:nowrap}pre{white-space:pre-wrap;word-break:break-word;font-family:inherit;\
			background:#fafafa;border:1px solid #ddd;padding:1em}code{font-family:monospace;word-break:break-all}
			""";
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final MessageSource messages;
	private final Locale locale;
	private final ZoneId zone;

	ExportHtml(MessageSource messages, Locale locale, ZoneId zone) {
		this.messages = messages;
		this.locale = locale;
		this.zone = zone;
	}

	String record(ArchiveExportWriter.Written record, EntryRow row, ArchiveExportWriter.Parties parties,
			List<Map<String, Object>> related, String text, String contentStatus, boolean binary) {
		StringBuilder out = start(message("archive.export.html.record", Long.toString(record.position())) + " – " + row.summary());
		out.append("<p><a href=\"../../").append(ExportFormat.INDEX).append("\">")
			.append(escape(message("archive.export.html.backToIndex"))).append("</a> · <a href=\"record.json\">record.json</a>");
		if (record.eml()) {
			out.append(" · <a href=\"message.eml\">message.eml</a>");
		}
		out.append("</p>\n<h1>").append(escape(row.summary())).append("</h1>\n<table>\n");
		row(out, "archive.export.html.position", Long.toString(record.position()));
		row(out, "archive.export.html.entryId", Long.toString(row.id()));
		row(out, "archive.export.html.kind", row.kind());
		row(out, "archive.export.html.subject", row.subjectType() + " / " + row.subjectId());
		row(out, "archive.export.html.classification", classification(row.classification()));
		row(out, "archive.export.html.occurredAt", time(row.occurredAt()));
		row(out, "archive.export.html.sender", parties.sender() == null ? "–" : parties.sender());
		row(out, "archive.export.html.recipients", String.join("; ", parties.recipients()));
		row(out, "archive.export.html.organisations", String.join("; ", parties.organisations()));
		StringBuilder relations = new StringBuilder();
		for (Map<String, Object> relation : related) {
			relations.append(relations.isEmpty() ? "" : "; ").append(relation.get("relation")).append(" → ")
				.append(relation.get("entry"));
		}
		row(out, "archive.export.html.related", relations.toString());
		row(out, "archive.export.html.leafHash", CanonicalEncoding.hex(record.leafHash()));
		row(out, "archive.export.html.entryHash", CanonicalEncoding.hex(record.entryHash()));
		out.append("</table>\n<h2>").append(escape(message("archive.export.html.content"))).append("</h2>\n");
		if (text != null) {
			out.append("<pre>").append(escape(text)).append("</pre>\n");
		}
		else {
			out.append("<p><em>").append(escape(message(binary ? "archive.export.content.binary"
					: "archive.export.content." + contentStatus))).append("</em></p>\n");
		}
		if (!record.attachments().isEmpty()) {
			out.append("<h2>").append(escape(message("archive.export.html.attachments"))).append("</h2>\n<table>\n");
			for (ArchiveExportWriter.Attachment attachment : record.attachments()) {
				out.append("<tr><td><code>").append(attachment.sha256()).append("</code></td><td>");
				String status = escape(message("archive.export.attachment." + attachment.status()));
				if (attachment.file() != null) {
					out.append("<a href=\"../../").append(escape(attachment.file())).append("\">").append(status)
						.append("</a> (").append(attachment.bytes()).append(" B)");
				}
				else {
					out.append(status);
				}
				out.append("</td></tr>\n");
			}
			out.append("</table>\n");
		}
		return end(out);
	}

	String index(ExportRequest request, Instant createdAt, List<ArchiveExportWriter.Written> records) {
		StringBuilder out = start(request.title());
		out.append("<h1>").append(escape(request.title())).append("</h1>\n<table>\n");
		row(out, "archive.export.html.caseReference", nullToDash(request.caseReference()));
		row(out, "archive.export.html.requestedBy", nullToDash(request.requestedBy()));
		row(out, "archive.export.html.approvedBy", nullToDash(request.approvedBy()));
		row(out, "archive.export.html.purpose", request.purpose());
		row(out, "archive.export.html.createdAt", time(createdAt));
		out.append("</table>\n<p>").append(escape(message("archive.export.html.verifyHint"))).append("</p>\n")
			.append("<pre>java -jar commhub-verifier.jar --export ").append(escape("<package.zip>"))
			.append(" --public-key ").append(escape("<trusted-public-key.pem>")).append("</pre>\n");
		out.append("<h2>").append(escape(message("archive.export.html.records", records.size()))).append("</h2>\n");
		out.append("<table>\n<tr><th>").append(escape(message("archive.export.html.position"))).append("</th><th>")
			.append(escape(message("archive.export.html.occurredAt"))).append("</th><th>")
			.append(escape(message("archive.export.html.kind"))).append("</th><th>")
			.append(escape(message("archive.export.html.classification"))).append("</th><th>")
			.append(escape(message("archive.export.html.summary"))).append("</th><th></th></tr>\n");
		for (ArchiveExportWriter.Written record : records) {
			out.append("<tr><td>").append(record.position()).append("</td><td>").append(escape(time(record.occurredAt())))
				.append("</td><td>").append(escape(record.kind())).append("</td><td>")
				.append(escape(classification(record.classification()))).append("</td><td><a href=\"")
				.append(record.directory()).append("record.html\">").append(escape(record.summary()))
				.append("</a></td><td><a href=\"").append(record.directory()).append("record.json\">JSON</a>");
			if (record.eml()) {
				out.append(" · <a href=\"").append(record.directory()).append("message.eml\">EML</a>");
			}
			out.append("</td></tr>\n");
		}
		out.append("</table>\n");
		return end(out);
	}

	private StringBuilder start(String title) {
		return new StringBuilder(4096).append("<!DOCTYPE html>\n<html lang=\"")
			.append(escape(locale.toLanguageTag()))
			.append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
			.append(escape(title))
			.append("</title>\n<style>")
			.append(STYLE)
			.append("</style>\n</head>\n<body>\n");
	}

	private static String end(StringBuilder out) {
		return out.append("</body>\n</html>\n").toString();
	}

	private void row(StringBuilder out, String label, String value) {
		out.append("<tr><th>").append(escape(message(label))).append("</th><td>").append(escape(value))
			.append("</td></tr>\n");
	}

	private String classification(String name) {
		return Classification.parse(name).map(level -> level.label(locale)).orElse(name);
	}

	private String time(Instant instant) {
		return TIME.format(instant.atZone(zone));
	}

	private String message(String code, Object... arguments) {
		return messages.getMessage(code, arguments, locale);
	}

	private static String nullToDash(String value) {
		return value == null || value.isBlank() ? "–" : value;
	}

	static String escape(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}
}
