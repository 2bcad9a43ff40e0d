package com.commhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every archive and compliance page of the people who govern communication, on a phone-sized screen, in Chinese and
 * in English: the page renders its heading, nothing is wider than the phone, and no message key shows through
 * (an untranslated key renders as {@code ??key_locale??}). Screenshots land in {@code target/browser-screens}.
 * Tagged {@code browser}.
 */
@IntegrationTest
@Tag("browser")
class GovernancePagesBrowserIT {

	static final Path SCREENS = Path.of("target/browser-screens");

	static final List<String> OFFICER_PAGES = List.of("/archive", "/archive/retention", "/archive/legal-holds",
			"/archive/access", "/archive/access/new", "/compliance/test-bench", "/compliance/policies",
			"/compliance/detectors", "/compliance/evidence", "/compliance/classification", "/compliance/quarantine",
			"/compliance/approvals");

	static final List<String> AUDITOR_PAGES = List.of("/archive", "/archive/access/approvals", "/archive/legal-holds",
			"/audit");

	@LocalServerPort
	int port;

	HeadlessChromium browser;

	@RegisterExtension
	final BrowserFailureCapture captureOnFailure = new BrowserFailureCapture(() -> browser);

	@AfterEach
	void tearDown() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
	}

	@ParameterizedTest(name = "{0} in {1}")
	@CsvSource({ Personas.COMMUNICATION_OFFICER + ",zh-CN", Personas.COMMUNICATION_OFFICER + ",en",
			Personas.AUDITOR + ",zh-CN", Personas.AUDITOR + ",en" })
	void governancePagesFitAPhoneInBothLanguages(String persona, String language) throws IOException {
		browser = HeadlessChromium.start(port, 390, 844);
		browser.signIn(persona, Personas.passwordOf(persona));
		browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
		browser.open("/?lang=" + language);
		browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
		for (String path : persona.equals(Personas.AUDITOR) ? AUDITOR_PAGES : OFFICER_PAGES) {
			browser.open(path);
			WebElement heading = browser.await()
				.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
			assertThat(heading.getText()).as("heading of %s", path).isNotBlank();
			String source = browser.driver().getPageSource();
			assertThat(source).as("untranslated message key on %s", path).doesNotContain("??");
			browser.screenshot(SCREENS, "governance-" + persona + "-" + language + path.replace('/', '-'));
			assertThat(browser.horizontalOverflow()).as("%s is wider than the phone (%s)", path, language)
				.isLessThanOrEqualTo(0);
		}
	}
}
