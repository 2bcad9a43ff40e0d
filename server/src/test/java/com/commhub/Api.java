package com.commhub;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * A small HTTP client for tests: signs personas in through {@code POST /api/v1/auth/login} (tokens cached per
 * persona) and never throws on 4xx/5xx so tests can assert statuses.
 */
public final class Api {

	private final RestClient client;
	private final Map<String, String> tokens = new ConcurrentHashMap<>();

	public Api(int port) {
		this.client = RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.defaultStatusHandler(status -> true, (request, response) -> {
			})
			.build();
	}

	public RestClient raw() {
		return client;
	}

	public String tokenOf(String username) {
		return tokens.computeIfAbsent(username, name -> {
			var response = client.post()
				.uri("/api/v1/auth/login")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("username", name, "password", Personas.passwordOf(name)))
				.retrieve()
				.toEntity(Map.class);
			if (!response.getStatusCode().is2xxSuccessful()) {
				throw new IllegalStateException("cannot sign in " + name + ": " + response);
			}
			return (String) response.getBody().get("token");
		});
	}

	/** A request as the persona, with its bearer token. */
	public RestClient.RequestHeadersSpec<?> get(String username, String uri, Object... vars) {
		return client.get().uri(uri, vars).header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenOf(username));
	}

	public RestClient.RequestBodySpec post(String username, String uri, Object... vars) {
		return client.post().uri(uri, vars).header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenOf(username))
			.contentType(MediaType.APPLICATION_JSON);
	}

	public RestClient.RequestBodySpec put(String username, String uri, Object... vars) {
		return client.put().uri(uri, vars).header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenOf(username))
			.contentType(MediaType.APPLICATION_JSON);
	}

	public RestClient.RequestBodySpec patch(String username, String uri, Object... vars) {
		return client.patch().uri(uri, vars).header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenOf(username))
			.contentType(MediaType.APPLICATION_JSON);
	}

	public RestClient.RequestHeadersSpec<?> delete(String username, String uri, Object... vars) {
		return client.delete().uri(uri, vars).header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenOf(username));
	}
}
