package com.commhub.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.commhub.Api;
import com.commhub.IntegrationTest;
import com.commhub.Personas;
import com.commhub.archive.ArchiveAttachmentSource;
import com.commhub.archive.ArchiveRecorder;
import com.commhub.archive.NewArchiveEntry;
import com.commhub.archive.RecordKind;
import com.commhub.archive.internal.ArchiveExportWriter;
import com.commhub.archive.internal.ArchiveKeys;
import com.commhub.archive.internal.ExportRequest;
import com.commhub.archive.internal.ExportSummary;
import com.commhub.shared.Classification;
import com.commhub.verifier.ExportFormat;
import com.commhub.verifier.ExportVerificationResult;
import com.commhub.verifier.ExportVerifier;

/**
 * The files module is the archive's attachment source: an export package of an entry that names an uploaded file's
 * SHA-256 carries that file's bytes, and the offline verifier accepts the package.
 */
@IntegrationTest
class FileArchiveExportIT {

	@LocalServerPort
	int port;
	@Autowired
	ArchiveRecorder recorder;
	@Autowired
	ArchiveExportWriter writer;
	@Autowired
	ArchiveKeys keys;
	@Autowired
	PlatformTransactionManager transactionManager;
	@Autowired
	List<ArchiveAttachmentSource> sources;

	final String run = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void anExportOfAnEntryWithAnUploadedAttachmentContainsItsBytes() throws IOException {
		byte[] attachment = FileUploads.image("png", 64, 48);
		byte[] text = ("附件说明 " + run).getBytes(StandardCharsets.UTF_8);
		var image = FileUploads.upload(new Api(port), Personas.EMPLOYEE, "示意图 " + run + ".png", "image/png",
				attachment);
		var note = FileUploads.upload(new Api(port), Personas.EMPLOYEE, "说明.txt", "text/plain", text);
		assertThat(image.getStatusCode().value()).isEqualTo(201);
		String imageSha = (String) image.getBody().get("sha256");
		String noteSha = (String) note.getBody().get("sha256");
		String unknownSha = FileUploads.sha256(("从未上传 " + run).getBytes(StandardCharsets.UTF_8));
		assertThat(sources).anyMatch(source -> source.getClass().getName().startsWith("com.commhub.files."));

		long entry = new TransactionTemplate(transactionManager).execute(status -> recorder.record(
				NewArchiveEntry.text(RecordKind.CHAT_MESSAGE, "test-files", "f-" + run,
						NewArchiveEntry.Parties.of("HT1040 林浩然", "HT1041 罗欣怡"), Classification.INTERNAL,
						Instant.now(), "带附件的消息 " + run, "请看附件 " + run)
					.withAttachments(List.of(imageSha, noteSha, unknownSha))))
			.value();

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ExportSummary summary = writer.write(new ExportRequest("附件导出 " + run, "CASE-" + run, "HT1030 审计员",
				"HT1030 审计员", "验证附件导出 " + run, List.of(entry)), out);

		assertThat(summary.attachmentsIncluded()).isEqualTo(2);
		assertThat(summary.attachmentsNotAvailable()).isEqualTo(1);
		Path zip = Path.of("target", "files-exports", run + ".zip");
		java.nio.file.Files.createDirectories(zip.getParent());
		java.nio.file.Files.write(zip, out.toByteArray());
		Map<String, byte[]> files = read(zip);
		assertThat(files.get(ExportFormat.attachmentFile(imageSha))).isEqualTo(attachment);
		assertThat(files.get(ExportFormat.attachmentFile(noteSha))).isEqualTo(text);
		assertThat(files).doesNotContainKey(ExportFormat.attachmentFile(unknownSha));

		ExportVerificationResult result = ExportVerifier.verify(zip, keys.publicKey());
		assertThat(result.failures()).isEmpty();
		assertThat(result.attachmentsIncluded()).isEqualTo(2);
	}

	@Test
	void theSourceAnswersOnlyForWellFormedHashesItHolds() throws IOException {
		ArchiveAttachmentSource files = sources.stream()
			.filter(source -> source.getClass().getName().startsWith("com.commhub.files."))
			.findFirst()
			.orElseThrow();
		assertThat(files.open("../../etc/passwd")).isEmpty();
		assertThat(files.open("A".repeat(64))).isEmpty();
		assertThat(files.open(FileUploads.sha256(("无 " + run).getBytes(StandardCharsets.UTF_8)))).isEmpty();
	}

	private static Map<String, byte[]> read(Path zip) throws IOException {
		Map<String, byte[]> files = new LinkedHashMap<>();
		try (ZipFile file = new ZipFile(zip.toFile())) {
			for (ZipEntry entry : java.util.Collections.list(file.entries())) {
				try (InputStream in = file.getInputStream(entry)) {
					files.put(entry.getName(), in.readAllBytes());
				}
			}
		}
		return files;
	}
}
