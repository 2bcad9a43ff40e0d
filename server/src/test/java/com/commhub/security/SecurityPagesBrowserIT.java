package com.commhub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.commhub.IntegrationTest;
import com.commhub.Personas;

/**
 * The account, role and audit pages on a phone-sized screen in headless Chromium: nothing overflows sideways (wide
 * tables scroll inside their own box), and filtering the audit trail swaps the results in place with htmx. Each page
 * is saved as a screenshot under {@code server/target/browser-screens/} for a human look.
 * <p>
 * Tagged {@code browser}; run with {@code -Dsurefire.excludedGroups= -Dgroups=browser}.
 */
@IntegrationTest
@Tag("browser")
class SecurityPagesBrowserIT {

	static final String CHROMIUM = "/usr/bin/chromium";
	static final String CHROMEDRIVER = "/usr/bin/chromedriver";
	static final Path SCREENS = Path.of("target/browser-screens");

	@LocalServerPort
	int port;

	WebDriver driver;
	WebDriverWait wait;
	Path profileDirectory;

	@Test
	void pagesFitAPhoneAndTheAuditFilterSwapsInPlace() throws IOException {
		startBrowser(390, 844);
		signIn(Personas.ADMIN, Personas.ADMIN_PASSWORD);
		for (String path : List.of("/account", "/account/2fa", "/account/sessions", "/account/tokens", "/admin/roles",
				"/audit")) {
			driver.get(url(path));
			wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
			screenshot(path.substring(1).replace('/', '-'));
			assertThat(horizontalOverflow()).as("%s is wider than the phone", path).isLessThanOrEqualTo(0);
		}

		// htmx: the filter replaces the results without reloading the page
		driver.get(url("/audit"));
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
		screenshot("audit-filtered");

		// a date the server cannot read: the error appears next to the field, still without a reload
		((JavascriptExecutor) driver).executeScript(
				"const f = document.getElementById('from'); f.type = 'text'; f.value = 'someday';");
		oldResults = driver.findElement(By.id("audit-results"));
		driver.findElement(By.id("audit-submit")).click();
		wait.until(ExpectedConditions.stalenessOf(oldResults));
		WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("from-error")));
		assertThat(error.getText()).contains("someday");
		assertThat(((JavascriptExecutor) driver).executeScript("return window.__notReloaded === true;")).isEqualTo(true);
		screenshot("audit-bad-date");
	}

	private void signIn(String username, String password) {
		driver.get(url("/login"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-submit")));
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.id("login-submit")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
	}

	private long horizontalOverflow() {
		Object overflow = ((JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
		return ((Number) overflow).longValue();
	}

	private void screenshot(String name) throws IOException {
		Files.createDirectories(SCREENS);
		File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
		Files.copy(file.toPath(), SCREENS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private void startBrowser(int width, int height) throws IOException {
		profileDirectory = Files.createTempDirectory("commhub-chromium-");
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + profileDirectory, "--window-size=" + width + "," + height, "--lang=zh-CN");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		wait = new WebDriverWait(driver, Duration.ofSeconds(20));
	}

	@AfterEach
	void quitBrowser() {
		if (driver != null) {
			driver.quit();
			driver = null;
		}
		if (profileDirectory != null) {
			try (Stream<Path> files = Files.walk(profileDirectory)) {
				files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
			catch (IOException ignored) {
				// a temp directory left behind is harmless
			}
			profileDirectory = null;
		}
	}
}
