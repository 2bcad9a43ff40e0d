package com.commhub.compliance.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import com.commhub.compliance.internal.PolicyService.PolicyExport;
import com.commhub.shared.BusinessRuleException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Policy export files as JSON or YAML (DLP-5). Both are read into the same records — Jackson's YAML module builds no
 * objects but these, so a YAML document cannot name a Java type — with unknown fields refused, a size limit, and
 * YAML aliases limited. Every problem becomes a {@link BusinessRuleException} whose field is the path in the document
 * ({@code policies[2].definition.action}), and nothing is imported ({@link PolicyService#importPolicies} is one
 * transaction).
 */
public final class PolicyDocuments {

	/** 1 MB: a thousand large policies; an export of the default pack is ~4 KB. */
	public static final int MAX_BYTES = 1_000_000;

	public enum Format {
		JSON("application/json", "json"), YAML("application/yaml", "yaml");

		private final String mediaType;
		private final String extension;

		Format(String mediaType, String extension) {
			this.mediaType = mediaType;
			this.extension = extension;
		}

		public String mediaType() {
			return mediaType;
		}

		public String extension() {
			return extension;
		}

		/** YAML for a YAML content type or a .yaml/.yml name, otherwise JSON. */
		public static Format of(String contentTypeOrName) {
			String value = contentTypeOrName == null ? "" : contentTypeOrName.toLowerCase(Locale.ROOT);
			return value.contains("yaml") || value.endsWith(".yml") ? YAML : JSON;
		}
	}

	private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
		.maxDocumentLength(MAX_BYTES)
		.maxNestingDepth(64)
		.maxStringLength(100_000)
		.build();

	static final ObjectMapper JSON_READER = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(LIMITS).build())
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	static final ObjectMapper YAML_READER = YAMLMapper.builder(YAMLFactory.builder()
		.streamReadConstraints(LIMITS)
		.loadSettings(LoadSettings.builder()
			.setMaxAliasesForCollections(20)
			.setAllowRecursiveKeys(false)
			.setCodePointLimit(MAX_BYTES)
			// the whole document in one buffer: snakeyaml-engine 3.0.1 writes past a full buffer that ends in a
			// high surrogate (𠮷 or an emoji at char 1025: IndexOutOfBoundsException, found by fuzzing)
			.setBufferSize(MAX_BYTES + 1)
			.build())
		.build())
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private static final ObjectMapper JSON_WRITER = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.build();

	private static final ObjectMapper YAML_WRITER = YAMLMapper.builder(YAMLFactory.builder()
		.disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
		.enable(YAMLWriteFeature.MINIMIZE_QUOTES)
		.build())
		.build();

	private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private PolicyDocuments() {
	}

	public static String write(PolicyExport export, Format format) {
		return (format == Format.YAML ? YAML_WRITER : JSON_WRITER).writeValueAsString(export);
	}

	/**
	 * Reads an export file. Throws {@link BusinessRuleException} only: {@code compliance.import.tooLarge} (field
	 * {@code file}), {@code compliance.import.empty}, or {@code compliance.import.invalid} with the path of the bad
	 * value as field and a short reason as argument.
	 */
	public static PolicyExport read(byte[] document, Format format) {
		if (document == null || document.length == 0) {
			throw BusinessRuleException.invalid("file", "compliance.import.empty");
		}
		if (document.length > MAX_BYTES) {
			throw BusinessRuleException.invalid("file", "compliance.import.tooLarge", MAX_BYTES / 1000);
		}
		PolicyExport export;
		try {
			export = format == Format.YAML ? YAML_READER.readValue(utf8(document), PolicyExport.class)
					: JSON_READER.readValue(document, PolicyExport.class);
		}
		catch (JacksonException ex) {
			throw invalid(ex);
		}
		catch (YamlEngineException ex) {
			// should Jackson not wrap one of the YAML engine's own errors (bad escapes, limits), it is still the file's
			throw BusinessRuleException.invalid("file", "compliance.import.invalid", shorten(ex.getMessage()));
		}
		if (export == null || export.policies() == null) {
			throw BusinessRuleException.invalid("policies", "compliance.import.empty");
		}
		return export;
	}

	/**
	 * Strict UTF-8 (a malformed file is the file's error, not a 500), without a BOM. Decoding here also means the
	 * text has no lone surrogates, which the one-buffer setting above relies on.
	 */
	private static String utf8(byte[] document) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(document))
				.toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			throw BusinessRuleException.invalid("file", "compliance.import.invalid", "not UTF-8");
		}
	}

	private static BusinessRuleException invalid(JacksonException ex) {
		String path = path(ex);
		String reason = ex.getOriginalMessage();
		TokenStreamLocation at = ex.getLocation();
		if (path == null && at != null && at.getLineNr() > 0) {
			reason = "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + reason;
		}
		return BusinessRuleException.invalid(path == null ? "file" : path, "compliance.import.invalid",
				shorten(reason));
	}

	/** {@code policies[2].definition.action}, or {@code null} when the error is not at a value. */
	static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			String name = reference.getPropertyName();
			if (name != null && PLAIN_NAME.matcher(name).matches()) {
				path.append(path.isEmpty() ? "" : ".").append(name);
			}
			else if (name != null) {
				// a blank or odd key (found by fuzzing: " ") must still be visible in the path
				path.append("[\"").append(name.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? null : path.toString();
	}

	private static String shorten(String message) {
		if (message == null) {
			return "";
		}
		String line = message.strip();
		return line.length() > 200 ? line.substring(0, 200) + "…" : line;
	}
}
