package com.commhub.archive.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.commhub.archive.RecordKind;
import com.commhub.shared.Classification;

/**
 * This node's full-text index of the archive (ARC-4): a Lucene index under {@code commhub.archive.index-dir}
 * (default {@code ./data/index/archive}), Chinese segmented with the SmartChineseAnalyzer. A background run every
 * {@code commhub.archive.index.delay} adds the entries sealed since the watermark, which is kept in the index's own
 * commit data: each node has its own index and catches up from where its index ends (after a restart, or from zero
 * when the directory is deleted). Sealed positions, not ids, because ids are taken before commit and can become
 * visible out of order; positions are assigned by one sealer at a time and never skip a committed entry.
 *
 * <p>
 * Confidential entries (机密, 绝密) are indexed with their summary, parties and metadata only: their plain content
 * never reaches the index files. {@link ArchiveSearch} matches it at query time, decrypting the candidates within the
 * approved scope and segmenting them with {@link #words the same analyzer}. When a disposal certificate reaches the
 * index, the entries it certifies are indexed again without their (now removed) content.
 */
@Component
public class ArchiveIndex implements DisposableBean {

	static final String WATERMARK = "commhub.archive.position";
	static final String ID = "id";
	static final String KEY = "key";
	static final String OCCURRED = "occurred";
	static final String KIND = "kind";
	static final String PARTY = "party";
	static final String CLASSIFICATION = "classification";
	static final String LEVEL = "level";
	static final String CONFIDENTIAL = "confidential";
	static final String TEXT = "text";
	/** The ids this entry points at (edit of, recall of, reply to): finds the entries that refer to one. */
	static final String RELATED = "related";
	private static final String DISPOSAL_CERTIFICATE = RecordKind.DISPOSAL_CERTIFICATE.name();

	private static final Logger log = LoggerFactory.getLogger(ArchiveIndex.class);

	private final JdbcTemplate jdbc;
	private final Path path;
	private final int batchSize;
	private final boolean enabled;
	private final Analyzer analyzer = new SmartChineseAnalyzer();
	private final FSDirectory directory;
	private final IndexWriter writer;
	private final SearcherManager searchers;
	private volatile long watermark;

	ArchiveIndex(JdbcTemplate jdbc, @Value("${commhub.archive.index-dir:./data/index/archive}") String directory,
			@Value("${commhub.archive.index.batch-size:500}") int batchSize,
			@Value("${commhub.archive.index.enabled:true}") boolean enabled) {
		this.jdbc = jdbc;
		this.path = Path.of(directory).toAbsolutePath();
		this.batchSize = batchSize;
		this.enabled = enabled;
		try {
			if (!Files.isDirectory(path)) {
				Files.createDirectories(path);
				try {
					// it holds the words of internal content: owner only, like the key directory
					Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
				}
				catch (UnsupportedOperationException ex) {
					// not a POSIX file system: rely on the parent directory's ACL
				}
			}
			this.directory = FSDirectory.open(path);
			// forceMergeDeletes after a disposal rewrites every segment holding a replaced document, however few
			TieredMergePolicy merges = new TieredMergePolicy();
			merges.setForceMergeDeletesPctAllowed(0);
			this.writer = new IndexWriter(this.directory, new IndexWriterConfig(analyzer).setMergePolicy(merges)
				.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
			this.watermark = storedWatermark();
			this.searchers = new SearcherManager(writer, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("archive index in " + path, ex);
		}
	}

	public Path directory() {
		return path;
	}

	/** The highest chain position indexed on this node. */
	public long watermark() {
		return watermark;
	}

	@Scheduled(fixedDelayString = "${commhub.archive.index.delay:1s}", initialDelayString = "${commhub.archive.index.delay:1s}")
	void scheduled() {
		if (!enabled) {
			return;
		}
		try {
			catchUp();
		}
		catch (RuntimeException ex) {
			log.warn("Archive indexing failed; retrying on the next run", ex);
		}
	}

	/** Indexes everything sealed above the watermark; returns how many entries were added. For tests and operations. */
	public synchronized int catchUp() {
		int total = 0;
		int added;
		do {
			added = indexBatch();
			total += added;
		}
		while (added == batchSize);
		return total;
	}

	private record Row(long position, long id, String kind, String parties, String classification, Instant occurredAt,
			String summary, byte[] content, String keyId, String related) {
	}

	private static final String ROW_COLUMNS = """
			e.position, e.id, e.kind, e.parties, e.classification, e.occurred_at, e.summary, e.content, e.content_key_id,
			e.related""";

	private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getString(7), rs.getBytes(8), rs.getString(9),
				rs.getString(10));
	}

	private int indexBatch() {
		List<Row> rows = jdbc.query("select " + ROW_COLUMNS + " from arc_entry e where e.position > ? order by e.position limit ?",
				ArchiveIndex::row, watermark, batchSize);
		if (rows.isEmpty()) {
			return 0;
		}
		try {
			boolean disposals = false;
			for (Row row : rows) {
				add(row);
				if (DISPOSAL_CERTIFICATE.equals(row.kind())) {
					// the certified entries' content is gone from the database: take it out of the index as well
					for (Row disposed : jdbc.query("select " + ROW_COLUMNS + " from arc_disposal a"
							+ " join arc_disposed_entry d on d.disposal_id = a.id join arc_entry e on e.id = d.entry_id"
							+ " where a.certificate_entry_id = ?", ArchiveIndex::row, row.id())) {
						add(disposed);
						disposals = true;
					}
				}
			}
			if (disposals) {
				// rewrite the segments that still hold the replaced documents, so their words leave the files
				writer.forceMergeDeletes();
			}
			long last = rows.getLast().position();
			writer.setLiveCommitData(Map.of(WATERMARK, Long.toString(last)).entrySet());
			writer.commit();
			watermark = last;
			searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("archive index in " + path, ex);
		}
		return rows.size();
	}

	/** Adds or replaces the entry's document. */
	private void add(Row row) throws IOException {
		Classification level = Classification.valueOf(row.classification());
		ArchiveEntries.Parties parties = ArchiveEntries.parties(row.parties());
		List<String> partyStrings = new ArrayList<>();
		if (parties.sender() != null) {
			partyStrings.add(parties.sender());
		}
		partyStrings.addAll(parties.recipients());
		partyStrings.addAll(parties.organisations());
		// the threat-model decision: confidential content stays out of the index files
		String content = level.confidential() || row.content() == null || row.keyId() != null ? null
				: new String(row.content(), StandardCharsets.UTF_8);
		Document doc = new Document();
		doc.add(new StringField(KEY, Long.toString(row.id()), Field.Store.NO));
		doc.add(new StoredField(ID, row.id()));
		doc.add(new NumericDocValuesField(ID, row.id()));
		long occurred = row.occurredAt().toEpochMilli();
		doc.add(new LongPoint(OCCURRED, occurred));
		doc.add(new NumericDocValuesField(OCCURRED, occurred));
		doc.add(new StringField(KIND, row.kind(), Field.Store.NO));
		doc.add(new StringField(CLASSIFICATION, level.name(), Field.Store.NO));
		doc.add(new IntPoint(LEVEL, level.ordinal()));
		doc.add(new StringField(CONFIDENTIAL, Boolean.toString(level.confidential()), Field.Store.YES));
		Set<String> keys = new LinkedHashSet<>();
		partyStrings.forEach(p -> keys.addAll(PartyKeys.of(p)));
		keys.forEach(k -> doc.add(new StringField(PARTY, k, Field.Store.NO)));
		doc.add(new TextField(TEXT, ArchiveEntries.searchableText(row.summary(), partyStrings, content), Field.Store.NO));
		for (long target : ArchiveEntries.relatedIds(row.related())) {
			doc.add(new StringField(RELATED, Long.toString(target), Field.Store.NO));
		}
		writer.updateDocument(new Term(KEY, Long.toString(row.id())), doc);
	}

	private long storedWatermark() throws IOException {
		if (!DirectoryReader.indexExists(directory)) {
			return 0;
		}
		for (Map.Entry<String, String> data : writer.getLiveCommitData()) {
			if (WATERMARK.equals(data.getKey())) {
				return Long.parseLong(data.getValue());
			}
		}
		return 0;
	}

	/** The words of a text as the index segments them (Chinese words, lower-cased and stemmed English). */
	public List<String> words(String text) {
		List<String> words = new ArrayList<>();
		tokens(text, (word, start, end) -> words.add(word));
		return words;
	}

	interface TokenSink {
		void accept(String word, int start, int end);
	}

	void tokens(String text, TokenSink sink) {
		if (text == null || text.isEmpty()) {
			return;
		}
		try (TokenStream stream = analyzer.tokenStream(TEXT, text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				sink.accept(term.toString(), offset.startOffset(), offset.endOffset());
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The scope of a request as a Lucene filter; the same rule as {@link AccessScope#covers}. */
	static Query scopeQuery(AccessScope scope) {
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		query.add(new TermInSetQuery(PARTY, scope.parties().stream().map(BytesRef::new).toList()), Occur.FILTER);
		if (!scope.kinds().isEmpty()) {
			query.add(new TermInSetQuery(KIND, scope.kinds().stream().map(k -> new BytesRef(k.name())).toList()),
					Occur.FILTER);
		}
		addRange(query, scope.from(), scope.to());
		if (scope.ceiling() != null) {
			query.add(IntPoint.newRangeQuery(LEVEL, 0, scope.ceiling().ordinal()), Occur.FILTER);
		}
		return query.build();
	}

	static void addRange(BooleanQuery.Builder query, Instant from, Instant to) {
		if (from != null || to != null) {
			query.add(LongPoint.newRangeQuery(OCCURRED, from == null ? Long.MIN_VALUE : from.toEpochMilli(),
					to == null ? Long.MAX_VALUE : to.toEpochMilli() - 1), Occur.FILTER);
		}
	}

	static Query term(String field, String value) {
		return new TermQuery(new Term(field, value));
	}

	record Hit(long id, long occurred, boolean confidential) {
	}

	/** Up to {@code max} documents matching the query, newest first. */
	List<Hit> find(Query query, int max) {
		try {
			searchers.maybeRefresh();
			IndexSearcher searcher = searchers.acquire();
			try {
				Sort newestFirst = new Sort(new SortField(OCCURRED, SortField.Type.LONG, true),
						new SortField(ID, SortField.Type.LONG, true));
				TopFieldDocs top = searcher.search(query == null ? new MatchAllDocsQuery() : query, Math.max(max, 1),
						newestFirst);
				StoredFields stored = searcher.storedFields();
				List<Hit> hits = new ArrayList<>();
				for (ScoreDoc doc : top.scoreDocs) {
					Document d = stored.document(doc.doc);
					Object[] sortValues = ((org.apache.lucene.search.FieldDoc) doc).fields;
					hits.add(new Hit(d.getField(ID).numericValue().longValue(), (Long) sortValues[0],
							Boolean.parseBoolean(d.get(CONFIDENTIAL))));
				}
				return hits;
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("archive index in " + path, ex);
		}
	}

	@Override
	public void destroy() throws IOException {
		searchers.close();
		writer.close();
		directory.close();
	}
}
