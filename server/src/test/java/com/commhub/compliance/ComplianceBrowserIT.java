package com.commhub.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.commhub.BrowserFailureCapture;
import com.commhub.HeadlessChromium;
import com.commhub.IntegrationTest;
import com.commhub.Personas;
import com.commhub.compliance.internal.ValidatedDetectors;

/**
 * The officer's journey on a phone-sized screen: create a policy that blocks resident ID numbers to external
 * recipients (scoped to the FILE channel so it affects no other test), then see it work on the test bench, where
 * the result is swapped in place with htmx and the finding is marked. Tagged {@code browser}.
 */
@IntegrationTest
@Tag("browser")
class ComplianceBrowserIT {

	static final Path SCREENS = Path.of("target/browser-screens");

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

	@Test
	void officerBlocksResidentIdsToExternalRecipientsAndSeesItOnTheTestBench() throws IOException {
		browser = HeadlessChromium.start(port, 390, 844);
		WebDriver driver = browser.driver();
		WebDriverWait wait = browser.await();
		browser.signIn(Personas.COMMUNICATION_OFFICER, Personas.passwordOf(Personas.COMMUNICATION_OFFICER));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));

		for (String path : List.of("/compliance/test-bench", "/compliance/policies", "/compliance/detectors")) {
			driver.get(browser.url(path));
			wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
			browser.screenshot(SCREENS, path.substring(1).replace('/', '-'));
			assertThat(browser.horizontalOverflow()).as("%s is wider than the phone", path).isLessThanOrEqualTo(0);
		}

		String code = "t.browser-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
		String definition = """
				{"code":"%s","name":"文件外发禁止身份证号","priority":10,"action":"BLOCK",
				 "tipZh":"文件中包含身份证号,禁止外发。","tipEn":"Files with resident ID numbers must not go out.",
				 "scope":{"channels":["FILE"],"recipients":"EXTERNAL"},
				 "conditions":{"findings":{"detectors":["resident-id"],"minCount":1,"minConfidence":"MEDIUM"}}}"""
			.formatted(code);
		driver.get(browser.url("/compliance/policies"));
		WebElement textarea = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("definition")));
		((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", textarea, definition);
		driver.findElement(By.cssSelector("#policy-create button[type=submit]")).click();
		wait.until(ExpectedConditions.urlMatches("/compliance/policies/\\d+$"));
		assertThat(driver.findElement(By.id("policy-version")).getText()).isEqualTo("v1");

		String first17 = "32010219750615" + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
		String id = first17 + ValidatedDetectors.residentIdCheck(first17);
		driver.get(browser.url("/compliance/test-bench"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bench-form")));
		((JavascriptExecutor) driver).executeScript("window.__notReloaded = true;");
		browser.type(By.id("text"), "员工名单见附件,身份证 " + id);
		new Select(driver.findElement(By.id("channel"))).selectByValue("FILE");
		browser.type(By.id("externalRecipients"), "hr@agency.example.com");
		WebElement oldResult = driver.findElement(By.id("bench-result"));
		driver.findElement(By.id("bench-submit")).click();
		wait.until(ExpectedConditions.stalenessOf(oldResult));
		WebElement decision = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bench-decision")));
		assertThat(((JavascriptExecutor) driver).executeScript("return window.__notReloaded === true;")).isEqualTo(true);
		assertThat(decision.getText()).contains("BLOCK").contains("禁止外发");
		assertThat(driver.findElement(By.cssSelector("#bench-text mark")).getText()).isEqualTo(id);
		assertThat(driver.findElement(By.id("bench-rules")).getText()).contains(code);
		assertThat(driver.findElement(By.id("bench-findings")).getText()).doesNotContain(id)
			.contains(id.substring(0, 6) + "********" + id.substring(14));
		browser.screenshot(SCREENS, "compliance-test-bench-blocked");
		assertThat(browser.horizontalOverflow()).isLessThanOrEqualTo(0);
	}
}
