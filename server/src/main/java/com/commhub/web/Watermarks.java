package com.commhub.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

import org.springframework.stereotype.Component;

import com.commhub.directory.DirectoryQueries;
import com.commhub.security.CommHubUser;
import com.commhub.security.CurrentUser;

/**
 * The viewer's watermark (CLS-3) for 机密 and 绝密 pages of any module: the label "林浩然 HT1040 2026-11-24 10:31"
 * (name, 工号, the company's time) and the tiled SVG image that carries it. Templates reach it as the bean
 * {@code @watermarks}, so content modules need no dependency on the shell:
 * {@code <div th:replace="~{fragments/watermark :: viewer()}"></div>}.
 */
@Component("watermarks")
public class Watermarks {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final DirectoryQueries directory;
	private final Clock clock;

	Watermarks(DirectoryQueries directory, Clock clock) {
		this.directory = directory;
		this.clock = clock;
	}

	/** The signed-in viewer's label, or {@code null} when nobody is signed in. */
	public String label() {
		CommHubUser user = CurrentUser.find().orElse(null);
		if (user == null) {
			return null;
		}
		String name = user.displayName();
		String number = user.getUsername();
		if (user.employeeId() != null) {
			var employee = directory.employee(user.employeeId());
			name = employee.name();
			number = employee.employeeNo();
		}
		return label(name, number, LocalDateTime.now(clock));
	}

	static String label(String name, String employeeNo, LocalDateTime time) {
		return name + " " + employeeNo + " " + TIME.format(time);
	}

	/**
	 * A {@code data:} URI of an SVG tile with the label written diagonally. The text is XML-escaped and the whole
	 * image base64-encoded, so nothing of the label can leave the image or the style attribute it is used in.
	 */
	public String image(String label) {
		String svg = "<svg xmlns='http://www.w3.org/2000/svg' width='340' height='200'>"
				+ "<text x='170' y='100' text-anchor='middle' transform='rotate(-24 170 100)' "
				+ "fill='rgba(90,90,90,0.16)' font-size='15' font-family='sans-serif'>" + escape(label)
				+ "</text></svg>";
		return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (char c : text.toCharArray()) {
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '\'' -> out.append("&apos;");
				case '"' -> out.append("&quot;");
				default -> {
					if (c >= 0x20 || c == '\t') {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}
}
