package com.commhub.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.commhub.BrowserFailureCapture;
import com.commhub.HeadlessChromium;
import com.commhub.IntegrationTest;
import com.commhub.Personas;
import com.commhub.shared.Classification;
import com.commhub.verifier.Verifier;

/**
 * The archive's "done means" journey (issue 3), in two browsers: the communication officer asks for access to one
 * person's mail of one day for a case → the auditor approves it in the approvals queue → the officer searches in
 * Chinese within the approved scope, opens a 机密 record (decrypted for them), exports the result, downloads the public
 * key from the archive status page, and the export package verifies offline with the standalone verifier's entry
 * point (the same code as {@code commhub-verifier.jar}). Tagged {@code browser}.
 */
@IntegrationTest
@Tag("browser")
class ArchiveAccessBrowserIT {

	static final Path SCREENS = Path.of("target/browser-screens");

	@LocalServerPort
	int port;

	@Autowired
	ArchiveRecorder recorder;

	@Autowired
	PlatformTransactionManager transactionManager;

	HeadlessChromium officer;

	HeadlessChromium auditor;

	@RegisterExtension
	final BrowserFailureCapture captureOfficer = new BrowserFailureCapture(() -> officer);

	@RegisterExtension
	final BrowserFailureCapture captureAuditor = new BrowserFailureCapture(() -> auditor);

	@AfterEach
	void closeBrowsers() {
		for (HeadlessChromium browser : new HeadlessChromium[] { officer, auditor }) {
			if (browser != null) {
				browser.close();
			}
		}
		officer = null;
		auditor = null;
	}

	@Test
	void officerRequestsAuditorApprovesOfficerSearchesOpensAndExportsAVerifiablePackage() throws IOException {
		// one day nobody else writes into: the scope (person, kind, that day) contains exactly these mails
		LocalDate day = LocalDate.of(2016, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3 * 365));
		String caseReference = "案件-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
		String secret = "补充协议约定违约金为合同总额的百分之二十";
		TransactionTemplate transactions = new TransactionTemplate(transactionManager);
		transactions.executeWithoutResult(status -> {
			var at = day.atTime(9, 30).toInstant(ZoneOffset.UTC);
			var parties = NewArchiveEntry.Parties.of("HT1040 林浩然", "HT1010 徐婷");
			recorder.record(NewArchiveEntry.text(RecordKind.MAIL, "mail", caseReference + "-1", parties,
					Classification.CONFIDENTIAL, at, "关于采购合同的补充说明", secret));
			recorder.record(NewArchiveEntry.text(RecordKind.MAIL, "mail", caseReference + "-2", parties,
					Classification.INTERNAL, at.plusSeconds(600), "周五部门聚餐安排", "周五晚上六点在三楼餐厅。"));
		});

		officer = HeadlessChromium.start(port, 1280, 900);
		WebDriver officerDriver = officer.driver();
		WebDriverWait officerWait = officer.await();
		officer.signIn(Personas.COMMUNICATION_OFFICER, Personas.passwordOf(Personas.COMMUNICATION_OFFICER));
		officer.open("/archive/access/new");
		officerWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("access-request-form")));
		officer.type(By.id("purpose"), "核查采购合同补充说明是否外泄");
		officer.type(By.id("caseReference"), caseReference);
		officer.type(By.id("people"), "HT1040");
		setValue(officerDriver, By.id("durationDays"), "7");
		setValue(officerDriver, By.id("from"), day.toString());
		setValue(officerDriver, By.id("to"), day.toString());
		officerDriver.findElement(By.cssSelector("#access-request-form input[type=checkbox][value=MAIL]")).click();
		officer.screenshot(SCREENS, "archive-access-request-form");
		officerDriver.findElement(By.id("access-request-submit")).click();
		officerWait.until(ExpectedConditions.urlMatches("/archive/access/\\d+$"));
		String requestPath = officerDriver.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
		String requestId = requestPath.substring(requestPath.lastIndexOf('/') + 1);
		assertThat(officerDriver.findElements(By.id("access-search-link"))).as("no search before approval").isEmpty();
		// without approval the search view does not exist for anyone
		officer.open(requestPath + "/search");
		assertThat(officerDriver.getPageSource()).doesNotContain("关于采购合同的补充说明");

		auditor = HeadlessChromium.start(port, 1280, 900);
		WebDriver auditorDriver = auditor.driver();
		auditor.signIn(Personas.AUDITOR, Personas.passwordOf(Personas.AUDITOR));
		auditor.open("/archive/access/approvals");
		WebElement row = auditor.await()
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("access-approval-" + requestId)));
		assertThat(row.getText()).contains(caseReference);
		auditor.screenshot(SCREENS, "archive-access-approvals");
		row.findElement(By.cssSelector("button.primary")).click();
		auditor.await().until(ExpectedConditions.invisibilityOfElementLocated(By.id("access-approval-" + requestId)));

		officer.open(requestPath);
		officerWait.until(ExpectedConditions.elementToBeClickable(By.id("access-search-link"))).click();
		officerWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-form")));
		officer.type(By.id("q"), "合同");
		officerDriver.findElement(By.id("search-submit")).click();
		WebElement results = officerWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-table")));
		assertThat(results.getText()).contains("关于采购合同的补充说明").doesNotContain("周五部门聚餐安排");
		assertThat(results.findElements(By.tagName("mark"))).extracting(WebElement::getText).contains("合同");
		officer.screenshot(SCREENS, "archive-access-search");

		results.findElement(By.partialLinkText("关于采购合同的补充说明")).click();
		WebElement content = officerWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("record-content")));
		assertThat(content.getText()).isEqualTo(secret);
		assertThat(officerDriver.findElement(By.id("record-classification")).getText()).contains("机密");
		officer.screenshot(SCREENS, "archive-access-record");

		officer.open(requestPath + "/search");
		officerWait.until(ExpectedConditions.elementToBeClickable(By.id("search-export"))).click();
		Path export = officer.awaitDownload(".zip");

		officer.open("/archive");
		officerWait.until(ExpectedConditions.elementToBeClickable(By.id("archive-public-key"))).click();
		Path publicKey = officer.awaitDownload(".pem");

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = Verifier.run(new String[] { "--export", export.toString(), "--public-key", publicKey.toString() },
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(exit).as(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8))
			.isEqualTo(Verifier.OK);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("OK");
	}

	private static void setValue(WebDriver driver, By locator, String value) {
		((JavascriptExecutor) driver).executeScript(
				"arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));",
				driver.findElement(locator), value);
	}
}
