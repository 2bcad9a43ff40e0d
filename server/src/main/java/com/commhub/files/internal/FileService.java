package com.commhub.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.commhub.files.FileContent;
import com.commhub.files.FileReadGrant;
import com.commhub.files.FileStorage;
import com.commhub.files.StoredFile;
import com.commhub.security.Audit;
import com.commhub.security.AuditOutcome;
import com.commhub.security.CommHubUser;
import com.commhub.security.CurrentUser;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.NotFoundException;

/**
 * Stores uploads ({@code file_object} rows, bytes in the configured {@link FileStorage}) and opens them for readers
 * {@link FileAccess} lets through. An upload is spooled to a temporary file while its size is counted and its
 * SHA-256 computed, checked, and only then handed to the storage, so nothing refused is ever stored.
 */
@Service
@EnableConfigurationProperties(FileProperties.class)
public class FileService implements com.commhub.files.Files {

	static final String FIELD = "file";
	static final String IDS_FIELD = "fileIds";
	static final int MAX_NAME_LENGTH = 255;

	private static final Logger log = LoggerFactory.getLogger(FileService.class);

	private final JdbcClient jdbc;
	private final FileProperties properties;
	private final Map<String, FileStorage> storages;
	private final FileStorage storage;
	private final FileAccess access;
	private final Audit audit;
	private final TransactionTemplate transactions;
	private final Clock clock;

	FileService(JdbcClient jdbc, FileProperties properties, ObjectProvider<FileStorage> storages, FileAccess access,
			Audit audit, PlatformTransactionManager transactionManager, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.storages = storages.orderedStream().collect(Collectors.toMap(FileStorage::id, Function.identity()));
		// never fall back to another storage silently: a misspelt id must stop the start
		this.storage = this.storages.get(properties.getStorage());
		if (this.storage == null) {
			throw new IllegalStateException("commhub.files.storage=" + properties.getStorage()
					+ " names no file storage; available: " + this.storages.keySet());
		}
		this.access = access;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	@Override
	public StoredFile store(String filename, String declaredContentType, InputStream content) {
		CommHubUser user = CurrentUser.require();
		String name = cleanName(filename);
		try {
			StoredFile stored = check(name, declaredContentType, content, user);
			log.debug("Stored file {} ({} bytes, {})", stored.id(), stored.size(), stored.contentType());
			return stored;
		}
		catch (BusinessRuleException ex) {
			// refused uploads (executables, disguised images) are worth a trace in the audit trail
			audit.record("file.upload", "file", null, name, AuditOutcome.FAILURE, ex.messageCode());
			throw ex;
		}
	}

	private StoredFile check(String name, String declaredContentType, InputStream content, CommHubUser user) {
		if (name.isEmpty()) {
			throw BusinessRuleException.invalid(FIELD, "files.error.nameInvalid");
		}
		String declared = FileTypes.normalise(declaredContentType);
		if (FileTypes.executableExtension(name) || declared.equals("image/svg+xml")) {
			throw typeNotAllowed();
		}
		String type = FileTypes.byExtension(name).filter(properties.getAllowedTypes()::contains)
			.orElseThrow(this::typeNotAllowed);
		Path spool = null;
		Thumbnails.Thumbnail thumbnail = null;
		try {
			spool = Files.createTempFile("commhub-upload-", ".bin");
			Spooled spooled = spool(content, spool);
			if (spooled.size() == 0) {
				throw BusinessRuleException.invalid(FIELD, "files.error.empty");
			}
			byte[] head = spooled.head();
			if (FileTypes.executable(head)) {
				throw typeNotAllowed();
			}
			if (declared.startsWith("image/")) {
				String claimed = FileTypes.canonicalImageType(declared);
				if (!FileTypes.imageTypeOf(head).map(claimed::equals).orElse(false)) {
					throw BusinessRuleException.invalid(FIELD, "files.error.contentMismatch");
				}
			}
			if (FileTypes.contradicts(type, head)) {
				throw BusinessRuleException.invalid(FIELD, "files.error.contentMismatch");
			}
			boolean image = FileTypes.RASTER_IMAGES.contains(type);
			String thumbnailType = null;
			if (image) {
				Optional<Thumbnails.Dimensions> dimensions = dimensions(spool);
				if (dimensions.isPresent()) {
					Thumbnails.Dimensions size = dimensions.get();
					if (size.width() <= 0 || size.height() <= 0 || size.pixels() > properties.getMaxImagePixels()) {
						throw BusinessRuleException.invalid(FIELD, "files.error.imageTooLarge", size.width(),
								size.height());
					}
					String thumbKey = spooled.sha256() + ".thumb";
					String expectedType = "image/jpeg".equals(type) ? "image/jpeg" : "image/png";
					if (storage.exists(thumbKey)) {
						thumbnailType = expectedType;
					}
					else {
						thumbnail = thumbnail(spool, type, size);
						if (thumbnail != null) {
							storage.put(thumbKey, thumbnail.file());
							thumbnailType = thumbnail.contentType();
						}
					}
				}
			}
			storage.put(spooled.sha256(), spool);
			return insert(name, type, spooled, image, thumbnailType, user);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("upload could not be stored", ex);
		}
		finally {
			deleteQuietly(spool);
			if (thumbnail != null) {
				deleteQuietly(thumbnail.file());
			}
		}
	}

	private StoredFile insert(String name, String type, Spooled spooled, boolean image, String thumbnailType,
			CommHubUser user) {
		Instant now = clock.instant();
		return transactions.execute(status -> {
			long id = jdbc.sql("""
					insert into file_object (name, content_type, size, sha256, image, thumbnail_type, storage,
					    uploader_account_id, uploader_employee_id, uploaded_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(name, type, spooled.size(), spooled.sha256(), image, thumbnailType, storage.id(),
						user.accountId(), user.employeeId(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
				.query(Long.class)
				.single();
			audit.record("file.upload", "file", id, name, AuditOutcome.SUCCESS,
					type + ", " + spooled.size() + " bytes, sha256 " + spooled.sha256());
			return file(id);
		});
	}

	@Override
	public List<StoredFile> requireOwnUploads(List<Long> fileIds) {
		long me = CurrentUser.require().accountId();
		return require(fileIds, file -> file.uploaderAccountId() == me);
	}

	@Override
	public List<StoredFile> requireReadable(List<Long> fileIds) {
		CommHubUser me = CurrentUser.require();
		return require(fileIds, file -> access.mayRead(file, me));
	}

	private List<StoredFile> require(List<Long> fileIds, java.util.function.Predicate<StoredFile> allowed) {
		if (fileIds == null || fileIds.isEmpty()) {
			return List.of();
		}
		if (fileIds.stream().anyMatch(java.util.Objects::isNull)) {
			throw BusinessRuleException.invalid(IDS_FIELD, "files.error.notYours");
		}
		List<Long> distinct = List.copyOf(new LinkedHashSet<>(fileIds));
		List<StoredFile> found = files(distinct);
		if (found.size() != distinct.size() || !found.stream().allMatch(allowed)) {
			throw BusinessRuleException.invalid(IDS_FIELD, "files.error.notYours");
		}
		return found;
	}

	@Override
	public StoredFile file(long id) {
		return row(id).map(Row::file).orElseThrow(() -> new NotFoundException("file", id));
	}

	@Override
	public List<StoredFile> files(Collection<Long> ids) {
		if (ids == null || ids.isEmpty()) {
			return List.of();
		}
		List<Long> distinct = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
		Map<Long, StoredFile> byId = jdbc.sql("select * from file_object where id = any(?)")
			.param(distinct.toArray(Long[]::new))
			.query((rs, n) -> row(rs).file())
			.list()
			.stream()
			.collect(Collectors.toMap(StoredFile::id, Function.identity()));
		List<StoredFile> ordered = new ArrayList<>();
		distinct.forEach(id -> {
			if (byId.containsKey(id)) {
				ordered.add(byId.get(id));
			}
		});
		return ordered;
	}

	@Override
	public Optional<StoredFile> findForCurrentUser(long id) {
		CommHubUser me = CurrentUser.require();
		return row(id).map(Row::file).filter(file -> access.mayRead(file, me));
	}

	@Override
	public Optional<FileContent> openForCurrentUser(long id, boolean thumbnail) {
		CommHubUser me = CurrentUser.require();
		Optional<Row> row = row(id).filter(r -> access.mayRead(r.file(), me));
		if (row.isEmpty() || (thumbnail && row.get().thumbnailType() == null)) {
			return Optional.empty();
		}
		Row found = row.get();
		FileStorage holder = storages.get(found.storage());
		if (holder == null) {
			log.warn("File {} is kept in storage '{}', which is not configured on this node", id, found.storage());
			return Optional.empty();
		}
		String key = found.file().sha256() + (thumbnail ? ".thumb" : "");
		try {
			Optional<InputStream> stream = holder.open(key);
			if (stream.isEmpty()) {
				// the row exists but the bytes do not (another node's local disk, a lost volume)
				log.warn("File {} has no object {} in storage '{}'", id, key, found.storage());
				return Optional.empty();
			}
			return Optional.of(new FileContent(found.file(), thumbnail ? found.thumbnailType() : found.file()
				.contentType(), thumbnail ? -1 : found.file().size(), stream.get()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("file " + id + " could not be read", ex);
		}
	}

	/** The bytes of a stored object by its hash, from the storage that holds it (for the archive export). */
	Optional<InputStream> openBySha256(String sha256) throws IOException {
		Optional<String> storageId = jdbc.sql("select storage from file_object where sha256 = ? limit 1")
			.param(sha256)
			.query(String.class)
			.optional();
		if (storageId.isEmpty() || !storages.containsKey(storageId.get())) {
			return Optional.empty();
		}
		return storages.get(storageId.get()).open(sha256);
	}

	private Optional<Row> row(long id) {
		return jdbc.sql("select * from file_object where id = ?").param(id).query((rs, n) -> row(rs)).optional();
	}

	/** The file's metadata and what only this module needs: the thumbnail's type and the storage holding it. */
	private record Row(StoredFile file, String thumbnailType, String storage) {
	}

	private static Row row(ResultSet rs) throws SQLException {
		String thumbnailType = rs.getString("thumbnail_type");
		long employee = rs.getLong("uploader_employee_id");
		Long employeeId = rs.wasNull() ? null : employee;
		StoredFile file = new StoredFile(rs.getLong("id"), rs.getString("name"), rs.getString("content_type"),
				rs.getLong("size"), rs.getString("sha256"), rs.getBoolean("image"), thumbnailType != null, employeeId,
				rs.getLong("uploader_account_id"), rs.getObject("uploaded_at", OffsetDateTime.class).toInstant());
		return new Row(file, thumbnailType, rs.getString("storage"));
	}

	private record Spooled(long size, String sha256, byte[] head) {
	}

	/** Copies the upload to the spool file, counting and hashing; stops as soon as it is too large. */
	private Spooled spool(InputStream content, Path spool) throws IOException {
		long max = properties.getMaxSize().toBytes();
		MessageDigest digest = sha256();
		byte[] head = new byte[FileTypes.HEAD];
		int headLength = 0;
		long size = 0;
		byte[] buffer = new byte[64 * 1024];
		try (OutputStream out = new DigestOutputStream(Files.newOutputStream(spool), digest)) {
			int read;
			while ((read = content.read(buffer)) != -1) {
				if (headLength < head.length) {
					int take = Math.min(read, head.length - headLength);
					System.arraycopy(buffer, 0, head, headLength, take);
					headLength += take;
				}
				size += read;
				if (size > max) {
					throw BusinessRuleException.invalid(FIELD, "files.error.tooLarge", readable(max));
				}
				out.write(buffer, 0, read);
			}
		}
		return new Spooled(size, HexFormat.of().formatHex(digest.digest()),
				java.util.Arrays.copyOf(head, headLength));
	}

	private Optional<Thumbnails.Dimensions> dimensions(Path spool) {
		try {
			return Thumbnails.dimensions(spool);
		}
		catch (IOException | RuntimeException ex) {
			// the magic bytes said image but the header is broken: stored without a thumbnail
			log.info("Image header could not be read: {}", ex.toString());
			return Optional.empty();
		}
	}

	private Thumbnails.Thumbnail thumbnail(Path spool, String type, Thumbnails.Dimensions size) {
		try {
			return Thumbnails.make(spool, type, size, properties.getThumbnailSize()).orElse(null);
		}
		catch (IOException | RuntimeException ex) {
			log.info("No thumbnail for a {} image of {}x{}: {}", type, size.width(), size.height(), ex.toString());
			return null;
		}
	}

	private BusinessRuleException typeNotAllowed() {
		String extensions = FileTypes.extensionsOf(properties.getAllowedTypes());
		return BusinessRuleException.invalid(FIELD, "files.error.typeNotAllowed", extensions);
	}

	/**
	 * The name as shown and offered for download: only the last path segment, without control characters and the
	 * bidirectional overrides that make {@code "gpj.exe"} look like {@code "exe.jpg"}, at most 255 characters
	 * (the extension kept).
	 */
	static String cleanName(String filename) {
		if (filename == null) {
			return "";
		}
		String name = filename;
		int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
		if (slash >= 0) {
			name = name.substring(slash + 1);
		}
		StringBuilder clean = new StringBuilder();
		name.codePoints()
			.filter(c -> !Character.isISOControl(c) && !(c >= 0x202A && c <= 0x202E) && !(c >= 0x2066 && c <= 0x2069)
					&& c != 0x200E && c != 0x200F && c != 0x061C && c != 0xFEFF)
			.forEach(clean::appendCodePoint);
		name = clean.toString().strip();
		if (name.equals(".") || name.equals("..")) {
			return "";
		}
		if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
			String extension = FileTypes.extension(name);
			String suffix = extension.isEmpty() || extension.length() > 16 ? "" : "." + extension;
			int keep = MAX_NAME_LENGTH - suffix.length();
			name = name.substring(0, name.offsetByCodePoints(0, keep)) + suffix;
		}
		return name;
	}

	private static String readable(long bytes) {
		if (bytes >= 1024 * 1024) {
			return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
					: String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
		}
		if (bytes >= 1024) {
			return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
		}
		return bytes + " B";
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void deleteQuietly(Path path) {
		if (path == null) {
			return;
		}
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			log.warn("Temporary file {} could not be deleted", path, ex);
		}
	}
}
