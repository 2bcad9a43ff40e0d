package com.commhub.compliance.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.commhub.compliance.SensitiveCategory;
import com.commhub.security.Audit;
import com.commhub.security.AuditOutcome;
import com.commhub.security.CurrentUser;
import com.commhub.shared.BusinessRuleException;

/**
 * Keyword dictionaries (stored in {@code cmp_dictionary}, one term per line). The keyword detector over all active
 * dictionaries is built once per set of dictionary versions and cached; at most every 30 s the service checks
 * whether another node changed a dictionary.
 */
@Service
public class DictionaryService {

	static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{1,63}");
	static final int MAX_TERMS = 200_000;
	static final int MAX_TERM_LENGTH = 100;
	static final Duration REFRESH = Duration.ofSeconds(30);

	public record DictionaryView(long id, String code, String name, SensitiveCategory category, boolean active,
			int version, int termCount, String updatedBy, Instant updatedAt) {
	}

	private record Snapshot(String stamp, KeywordDetector detector, Instant checkedAt) {
	}

	private final JdbcClient jdbc;
	private final Audit audit;
	private final Clock clock;
	private volatile Snapshot snapshot;

	DictionaryService(JdbcClient jdbc, Audit audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<DictionaryView> list() {
		return jdbc.sql("""
				select id, code, name, category, active, dict_version, term_count, updated_by, updated_at
				from cmp_dictionary order by code""")
			.query((rs, n) -> new DictionaryView(rs.getLong(1), rs.getString(2), rs.getString(3),
					SensitiveCategory.valueOf(rs.getString(4)), rs.getBoolean(5), rs.getInt(6), rs.getInt(7),
					rs.getString(8), rs.getObject(9, OffsetDateTime.class).toInstant()))
			.list();
	}

	/** The keyword detector over all active dictionaries, rebuilt only when a dictionary version changed. */
	public KeywordDetector detector() {
		Snapshot current = snapshot;
		Instant now = Instant.now(clock);
		if (current != null && current.checkedAt().plus(REFRESH).isAfter(now)) {
			return current.detector();
		}
		String stamp = stamp();
		if (current != null && current.stamp().equals(stamp)) {
			snapshot = new Snapshot(stamp, current.detector(), now);
			return current.detector();
		}
		List<KeywordDetector.Dictionary> dictionaries = jdbc
			.sql("select code, category, terms from cmp_dictionary where active order by code")
			.query((rs, n) -> new KeywordDetector.Dictionary(rs.getString(1),
					SensitiveCategory.valueOf(rs.getString(2)), rs.getString(3).lines().toList()))
			.list();
		KeywordDetector detector = new KeywordDetector(dictionaries);
		snapshot = new Snapshot(stamp, detector, now);
		return detector;
	}

	private String stamp() {
		return jdbc.sql("select string_agg(id || ':' || dict_version || ':' || active, ',' order by id) from cmp_dictionary")
			.query(String.class)
			.optional()
			.orElse("");
	}

	/** Parses an upload: XLSX (first column of the first sheet) when the name ends with .xlsx, else UTF-8 text. */
	public static List<String> parseUpload(String fileName, InputStream content) throws IOException {
		if (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
			List<String> terms = new ArrayList<>();
			try (ReadableWorkbook workbook = new ReadableWorkbook(content)) {
				Sheet sheet = workbook.getFirstSheet();
				for (Row row : sheet.read()) {
					row.getCellAsString(0).ifPresent(terms::add);
				}
			}
			catch (RuntimeException ex) {
				throw BusinessRuleException.invalid("file", "compliance.dictionary.unreadable");
			}
			return terms;
		}
		return new String(content.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
	}

	/**
	 * Creates a dictionary or replaces the terms of an existing one (same code) as a new dictionary version. Blank
	 * lines and duplicates are dropped.
	 */
	@Transactional
	public DictionaryView save(String code, String name, String category, List<String> rawTerms) {
		String c = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
		if (!CODE.matcher(c).matches()) {
			throw BusinessRuleException.invalid("code", "compliance.dictionary.codeInvalid");
		}
		String n = name == null ? "" : name.trim();
		if (n.isEmpty() || n.length() > 128) {
			throw BusinessRuleException.invalid("name", "validation.required");
		}
		SensitiveCategory cat;
		try {
			cat = SensitiveCategory.valueOf(category == null ? "" : category.trim());
		}
		catch (IllegalArgumentException ex) {
			throw BusinessRuleException.invalid("category", "compliance.dictionary.categoryInvalid");
		}
		Set<String> terms = new LinkedHashSet<>();
		for (String raw : rawTerms == null ? List.<String>of() : rawTerms) {
			String term = raw == null ? "" : raw.strip();
			if (term.startsWith("\uFEFF")) {
				term = term.substring(1).strip();
			}
			if (term.isEmpty()) {
				continue;
			}
			if (term.length() > MAX_TERM_LENGTH) {
				throw BusinessRuleException.invalid("terms", "compliance.dictionary.termTooLong", MAX_TERM_LENGTH);
			}
			terms.add(term);
		}
		if (terms.isEmpty()) {
			throw BusinessRuleException.invalid("terms", "compliance.dictionary.empty");
		}
		if (terms.size() > MAX_TERMS) {
			throw BusinessRuleException.invalid("terms", "compliance.dictionary.tooMany", MAX_TERMS);
		}
		String actor = CurrentUser.find().map(u -> u.getUsername()).orElse("system");
		String joined = String.join("\n", terms);
		Optional<Long> existing = jdbc.sql("select id from cmp_dictionary where code = ?").param(c).query(Long.class)
			.optional();
		long id;
		if (existing.isPresent()) {
			id = existing.get();
			jdbc.sql("""
					update cmp_dictionary set name = ?, category = ?, terms = ?, term_count = ?,
					dict_version = dict_version + 1, updated_by = ?, updated_at = now() where id = ?""")
				.params(n, cat.name(), joined, terms.size(), actor, id)
				.update();
		}
		else {
			id = jdbc.sql("""
					insert into cmp_dictionary (code, name, category, dict_version, term_count, terms, updated_by)
					values (?, ?, ?, 1, ?, ?, ?) returning id""")
				.params(c, n, cat.name(), terms.size(), joined, actor)
				.query(Long.class)
				.single();
		}
		audit.record("compliance.dictionary.save", "dictionary", id, c, AuditOutcome.SUCCESS, terms.size() + " terms");
		snapshot = null;
		return list().stream().filter(d -> d.id() == id).findFirst().orElseThrow();
	}

	@Transactional
	public void setActive(long id, boolean active) {
		int changed = jdbc.sql("update cmp_dictionary set active = ?, updated_at = now() where id = ?")
			.params(active, id)
			.update();
		if (changed == 0) {
			throw new com.commhub.shared.NotFoundException("dictionary", id);
		}
		audit.record(active ? "compliance.dictionary.activate" : "compliance.dictionary.deactivate", "dictionary", id,
				null, AuditOutcome.SUCCESS, null);
		snapshot = null;
	}
}
