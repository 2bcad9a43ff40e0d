package com.commhub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.commhub.BrowserFailureCapture;
import com.commhub.HeadlessChromium;
import com.commhub.IntegrationTest;
import com.commhub.Personas;

/**
 * The account, role and audit pages on a phone-sized screen in headless Chromium: nothing overflows sideways (wide
 * tables scroll inside their own box), and filtering the audit trail swaps the results in place with htmx. Each page
 * is saved as a screenshot under {@code server/target/browser-screens/} for a human look.
 * <p>
 * Tagged {@code browser}; run with {@code -Dsurefire.excludedGroups= -Dgroups=browser}. The browser is a
 * {@link HeadlessChromium}; a failing test leaves a screenshot and the page source under
 * {@code server/target/browser-failures/} ({@link BrowserFailureCapture}).
 */
@IntegrationTest
@Tag("browser")
class SecurityPagesBrowserIT {

	static final Path SCREENS = Path.of("target/browser-screens");

	@LocalServerPort
	int port;

	HeadlessChromium browser;

	@RegisterExtension
	final BrowserFailureCapture captureOnFailure = new BrowserFailureCapture(() -> browser);

	@Test
	void pagesFitAPhoneAndTheAuditFilterSwapsInPlace() throws IOException {
		browser = HeadlessChromium.start(port, 390, 844);
		WebDriver driver = browser.driver();
		WebDriverWait wait = browser.await();
		browser.signIn(Personas.ADMIN, Personas.ADMIN_PASSWORD);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
		for (String path : List.of("/account", "/account/2fa", "/account/sessions", "/account/tokens", "/admin/roles",
				"/audit")) {
			driver.get(browser.url(path));
			wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
			browser.screenshot(SCREENS, path.substring(1).replace('/', '-'));
			assertThat(browser.horizontalOverflow()).as("%s is wider than the phone", path).isLessThanOrEqualTo(0);
		}

		// htmx: the filter replaces the results without reloading the page
		driver.get(browser.url("/audit"));
		WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-filter")));
		((JavascriptExecutor) driver).executeScript("window.__notReloaded = true;");
		new Select(driver.findElement(By.id("outcome"))).selectByValue("SUCCESS");
		driver.findElement(By.id("action")).sendKeys("signin");
		WebElement oldResults = driver.findElement(By.id("audit-results"));
		form.findElement(By.id("audit-submit")).click();
		wait.until(ExpectedConditions.stalenessOf(oldResults));
		WebElement results = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-results")));
		assertThat(((JavascriptExecutor) driver).executeScript("return window.__notReloaded === true;")).isEqualTo(true);
		assertThat(driver.getCurrentUrl()).contains("action=signin").contains("outcome=SUCCESS");
		assertThat(results.findElements(By.cssSelector("tr.audit-row"))).isNotEmpty()
			.allSatisfy(row -> assertThat(row.getText()).contains("signin"));
		browser.screenshot(SCREENS, "audit-filtered");

		// a date the server cannot read: the error appears next to the field, still without a reload
		((JavascriptExecutor) driver).executeScript(
				"const f = document.getElementById('from'); f.type = 'text'; f.value = 'someday';");
		oldResults = driver.findElement(By.id("audit-results"));
		driver.findElement(By.id("audit-submit")).click();
		wait.until(ExpectedConditions.stalenessOf(oldResults));
		WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("from-error")));
		assertThat(error.getText()).contains("someday");
		assertThat(((JavascriptExecutor) driver).executeScript("return window.__notReloaded === true;")).isEqualTo(true);
		browser.screenshot(SCREENS, "audit-bad-date");
	}

	@AfterEach
	void quitBrowser() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
	}
}
