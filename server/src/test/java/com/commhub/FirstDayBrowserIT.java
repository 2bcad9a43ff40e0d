package com.commhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
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

/**
 * The first day of a new employee, in a real browser (headless Debian Chromium): the administrator creates a
 * department and hires someone into it with an initial password; the newcomer signs in with 工号 and that password,
 * is made to choose a new one (a weak choice is refused next to the field), and lands on the home page.
 * <p>
 * Tagged {@code browser}: excluded from the normal run; {@code ./mvnw test -Dsurefire.excludedGroups= -Dgroups=browser}
 * runs it. Needs {@code chromium}, {@code chromium-driver} and {@code fonts-wqy-microhei}; never Selenium Manager.
 * A failing test leaves a screenshot and the page source under {@code server/target/browser-failures/}.
 */
@IntegrationTest
@Tag("browser")
class FirstDayBrowserIT {

	static final String CHROMIUM = "/usr/bin/chromium";
	static final String CHROMEDRIVER = "/usr/bin/chromedriver";
	static final Duration WAIT = Duration.ofSeconds(20);
	static final String ROOT_DEPARTMENT_CODE = "HX";

	@LocalServerPort
	int port;

	WebDriver driver;
	WebDriverWait wait;
	Path profileDirectory;

	/** Runs right after the test method, before {@link #quitBrowser()}, while the page is still open. */
	@RegisterExtension
	final AfterTestExecutionCallback captureOnFailure = context -> {
		if (context.getExecutionException().isPresent() && driver != null) {
			capture(context.getRequiredTestMethod().getName());
		}
	};

	@Test
	void newEmployeeSignsInChangesTheInitialPasswordAndIsWelcomed() {
		String suffix = randomLetters(5);
		String departmentCode = "QA" + suffix;
		String departmentName = "质量保障部";
		String employeeNo = "QA" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
		String employeeName = "周" + randomOf("晓明", "嘉怡", "子涵", "宇轩", "思远", "雨桐");
		String initialPassword = "Start-Huaxin-" + ThreadLocalRandom.current().nextInt(1000, 10_000) + "!";
		String newPassword = "Lantern-Orbit-" + ThreadLocalRandom.current().nextInt(1000, 10_000) + "#";

		startBrowser(1280, 900);

		// the administrator signs in; the interface is Chinese
		signIn(Personas.ADMIN, Personas.ADMIN_PASSWORD);
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logout")));
		assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
		assertThat(driver.findElement(By.cssSelector("nav.mainnav")).getText()).contains("通讯录", "组织架构");

		// creates a department under the company root
		open("/directory/departments");
		WebElement departmentForm = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("department-form")));
		type(By.id("code"), departmentCode);
		type(By.id("name"), departmentName);
		Select parent = new Select(departmentForm.findElement(By.id("parentId")));
		WebElement root = parent.getOptions().stream()
			.filter(option -> option.getText().trim().endsWith("(" + ROOT_DEPARTMENT_CODE + ")"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no root department among the parent options"));
		assertThat(root.getText()).contains("华信智联");
		parent.selectByValue(root.getAttribute("value"));
		driver.findElement(By.id("department-submit")).click();
		wait.until(ExpectedConditions.urlMatches("/directory/departments/\\d+$"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains(departmentName);

		// hires an employee into it with an initial password
		open("/directory/employees/new");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("employee-form")));
		type(By.id("employeeNo"), employeeNo);
		type(By.id("name"), employeeName);
		new Select(driver.findElement(By.id("departmentId")))
			.selectByVisibleText(departmentName + " (" + departmentCode + ")");
		type(By.id("position"), "质量工程师");
		type(By.id("mobile"), "139" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000));
		new Select(driver.findElement(By.id("employmentType"))).selectByValue("FULL_TIME");
		type(By.id("initialPassword"), initialPassword);
		driver.findElement(By.id("employee-submit")).click();
		wait.until(ExpectedConditions.urlMatches("/directory/employees/\\d+$"));
		assertThat(driver.findElement(By.id("employee-no")).getText()).isEqualTo(employeeNo);
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains(employeeName);
		assertThat(driver.findElements(By.id("generated-password"))).as("an initial password was given").isEmpty();

		// and signs out
		driver.findElement(By.id("logout")).click();
		wait.until(ExpectedConditions.urlContains("/login"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-submit")));

		// the newcomer signs in with 工号 and the initial password and must choose a new one
		signIn(employeeNo, initialPassword);
		wait.until(ExpectedConditions.urlContains("/account/password"));
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-forced"))).getText())
			.isNotBlank();

		// a weak password is refused next to the field
		changePassword(initialPassword, "abc12345");
		WebElement fieldError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("newPassword-error")));
		assertThat(fieldError.getText()).isNotBlank();
		assertThat(driver.getCurrentUrl()).contains("/account/password");

		// a strong one lands on the home page
		changePassword(initialPassword, newPassword);
		WebElement welcome = wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "欢迎，"));
		assertThat(driver.getCurrentUrl()).isEqualTo(url("/"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("欢迎，" + employeeName);
		assertThat(welcome.isDisplayed()).isTrue();
		assertThat(driver.findElements(By.id("password-forced"))).isEmpty();
	}

	@Test
	void phoneSizedScreenShowsTheSignInPageAndAMenuToggle() {
		startBrowser(375, 740);

		open("/login");
		WebElement submit = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-submit")));
		assertThat(submit.isDisplayed()).isTrue();
		assertThat(driver.findElement(By.id("username")).isDisplayed()).isTrue();
		assertThat(horizontalOverflow()).as("the sign-in page fits the phone's width").isLessThanOrEqualTo(0L);

		signIn(Personas.ADMIN, Personas.ADMIN_PASSWORD);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
		WebElement toggle = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("label[for=nav-toggle]")));
		WebElement nav = driver.findElement(By.cssSelector("nav.mainnav"));
		assertThat(nav.isDisplayed()).as("the menu is folded away on a phone").isFalse();
		toggle.click();
		wait.until(ExpectedConditions.visibilityOf(nav));
		assertThat(nav.getText()).contains("通讯录");
	}

	// ---- helpers ----

	private void startBrowser(int width, int height) {
		try {
			profileDirectory = Files.createTempDirectory("commhub-chromium-");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		// an explicit driver and browser: Selenium Manager must not try to download anything
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
		wait = new WebDriverWait(driver, WAIT);
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

	private void signIn(String username, String password) {
		open("/login");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-submit")));
		type(By.id("username"), username);
		type(By.id("password"), password);
		driver.findElement(By.id("login-submit")).click();
		wait.until(ExpectedConditions.or(ExpectedConditions.not(ExpectedConditions.urlContains("/login")),
				ExpectedConditions.visibilityOfElementLocated(By.id("login-error"))));
		assertThat(driver.findElements(By.id("login-error"))).as("sign-in as %s refused", username).isEmpty();
	}

	private void changePassword(String current, String candidate) {
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-submit")));
		type(By.id("currentPassword"), current);
		type(By.id("newPassword"), candidate);
		type(By.id("confirmation"), candidate);
		WebElement submit = driver.findElement(By.id("password-submit"));
		submit.click();
		wait.until(ExpectedConditions.stalenessOf(submit));
	}

	private void type(By locator, String text) {
		WebElement field = wait.until(ExpectedConditions.elementToBeClickable(locator));
		field.clear();
		field.sendKeys(text);
	}

	private void open(String path) {
		driver.get(url(path));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private long horizontalOverflow() {
		Object overflow = ((org.openqa.selenium.JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
		return ((Number) overflow).longValue();
	}

	private void capture(String testName) {
		try {
			Path directory = Path.of(System.getProperty("basedir", "."), "target", "browser-failures");
			Files.createDirectories(directory);
			String stem = testName + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
			File screenshot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
			Files.copy(screenshot.toPath(), directory.resolve(stem + ".png"), StandardCopyOption.REPLACE_EXISTING);
			Files.writeString(directory.resolve(stem + ".html"),
					"<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(), StandardCharsets.UTF_8);
			System.err.println("Browser failure captured in " + directory.resolve(stem) + ".{png,html}");
		}
		catch (RuntimeException | IOException ex) {
			System.err.println("Could not capture the browser after a failure: " + ex);
		}
	}

	private static String randomLetters(int length) {
		StringBuilder letters = new StringBuilder();
		for (int i = 0; i < length; i++) {
			letters.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
		}
		return letters.toString();
	}

	private static String randomOf(String... choices) {
		return choices[ThreadLocalRandom.current().nextInt(choices.length)];
	}
}
