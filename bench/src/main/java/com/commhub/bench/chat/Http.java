package com.commhub.bench.chat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small HTTP helpers for the chat load generator: JSON calls with a bearer token, forms with a cookie jar. */
final class Http {

	static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.followRedirects(HttpClient.Redirect.NEVER)
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.build();

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private Http() {
	}

	record Response(int status, String body, Map<String, List<String>> headers) {

		boolean ok() {
			return status >= 200 && status < 300;
		}

		Response require(String what) {
			if (!ok()) {
				throw new IllegalStateException(what + ": HTTP " + status + " " + abbreviate(body));
			}
			return this;
		}
	}

	static Response json(String method, String url, String bearer, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofMinutes(10))
			.header("Accept", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return send(request.build());
	}

	static Response multipart(String url, String bearer, Map<String, String> fields, String fileName, byte[] file)
			throws Exception {
		String boundary = "----chatload" + System.nanoTime();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (Map.Entry<String, String> field : fields.entrySet()) {
			out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
					+ "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		out.writeBytes(file);
		out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofMinutes(10))
			.header("Authorization", "Bearer " + bearer)
			.header("Accept", "application/json")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
			.build();
		return send(request);
	}

	static Response send(HttpRequest request) throws Exception {
		HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Response(response.statusCode(), response.body(), response.headers().map());
	}

	static String abbreviate(String text) {
		return text == null ? "" : text.length() > 400 ? text.substring(0, 400) + "…" : text;
	}

	/** A browser's session: cookies kept by name, the form's CSRF token read from the page. */
	static final class Browser {

		private final String base;
		private final Map<String, String> cookies = new LinkedHashMap<>();

		Browser(String base) {
			this.base = base;
		}

		Response get(String path) throws Exception {
			return exchange(HttpRequest.newBuilder(URI.create(base + path)).GET());
		}

		Response postForm(String path, Map<String, String> form) throws Exception {
			StringBuilder body = new StringBuilder();
			for (Map.Entry<String, String> field : form.entrySet()) {
				if (!body.isEmpty()) {
					body.append('&');
				}
				body.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8))
					.append('=')
					.append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
			}
			return exchange(HttpRequest.newBuilder(URI.create(base + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body.toString())));
		}

		/** A JSON call in the session, with the CSRF token in the header as the pages' scripts send it. */
		Response postJson(String path, String csrf, String json) throws Exception {
			return exchange(HttpRequest.newBuilder(URI.create(base + path))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.header("X-CSRF-TOKEN", csrf)
				.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
		}

		static String csrf(Response page) {
			Matcher m = CSRF.matcher(page.body());
			if (!m.find()) {
				throw new IllegalStateException("no CSRF token in the page (HTTP " + page.status() + ")");
			}
			return m.group(1);
		}

		private Response exchange(HttpRequest.Builder request) throws Exception {
			request.timeout(Duration.ofMinutes(2));
			if (!cookies.isEmpty()) {
				StringBuilder header = new StringBuilder();
				cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=')
					.append(value));
				request.header("Cookie", header.toString());
			}
			Response response = send(request.build());
			for (String cookie : response.headers().getOrDefault("set-cookie", List.of())) {
				String pair = cookie.split(";", 2)[0];
				int eq = pair.indexOf('=');
				if (eq > 0) {
					cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
				}
			}
			return response;
		}
	}
}
