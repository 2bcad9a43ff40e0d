package com.commhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
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
 * runs it. Needs {@code chromium}, {@code chromium-driver} and {@code fonts-wqy-microhei}; never Selenium Manager (see
 * {@link HeadlessChromium}). A failing test leaves a screenshot and the page source under
 * {@code server/target/browser-failures/} ({@link BrowserFailureCapture}).
 */
@IntegrationTest
@Tag("browser")
class FirstDayBrowserIT {

	static final String ROOT_DEPARTMENT_CODE = "HX";

	@LocalServerPort
	int port;

	HeadlessChromium browser;

	/** Runs right after the test method, before {@link #quitBrowser()}, while the page is still open. */
	@RegisterExtension
	final BrowserFailureCapture captureOnFailure = new BrowserFailureCapture(() -> browser);

	@Test
	void newEmployeeSignsInChangesTheInitialPasswordAndIsWelcomed() {
		String suffix = randomLetters(5);
		String departmentCode = "QA" + suffix;
		String departmentName = "质量保障部";
		String employeeNo = "QA" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
		String employeeName = "周" + randomOf("晓明", "嘉怡", "子涵", "宇轩", "思远", "雨桐");
		String initialPassword = "Start-Huaxin-" + ThreadLocalRandom.current().nextInt(1000, 10_000) + "!";
		String newPassword = "Lantern-Orbit-" + ThreadLocalRandom.current().nextInt(1000, 10_000) + "#";

		browser = HeadlessChromium.start(port, 1280, 900);
		WebDriver driver = browser.driver();
		WebDriverWait wait = browser.await();

		// the administrator signs in; the interface is Chinese
		browser.signIn(Personas.ADMIN, Personas.ADMIN_PASSWORD);
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logout")));
		assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
		assertThat(driver.findElement(By.cssSelector("nav.mainnav")).getText()).contains("通讯录", "组织架构");

		// creates a department under the company root
		browser.open("/directory/departments");
		WebElement departmentForm = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("department-form")));
		browser.type(By.id("code"), departmentCode);
		browser.type(By.id("name"), departmentName);
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
		browser.open("/directory/employees/new");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("employee-form")));
		browser.type(By.id("employeeNo"), employeeNo);
		browser.type(By.id("name"), employeeName);
		new Select(driver.findElement(By.id("departmentId")))
			.selectByVisibleText(departmentName + " (" + departmentCode + ")");
		browser.type(By.id("position"), "质量工程师");
		browser.type(By.id("mobile"), "139" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000));
		new Select(driver.findElement(By.id("employmentType"))).selectByValue("FULL_TIME");
		browser.type(By.id("initialPassword"), initialPassword);
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
		browser.signIn(employeeNo, initialPassword);
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
		assertThat(driver.getCurrentUrl()).isEqualTo(browser.url("/"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("欢迎，" + employeeName);
		assertThat(welcome.isDisplayed()).isTrue();
		assertThat(driver.findElements(By.id("password-forced"))).isEmpty();
	}

	@Test
	void phoneSizedScreenShowsTheSignInPageAndAMenuToggle() {
		browser = HeadlessChromium.start(port, 375, 740);
		WebDriver driver = browser.driver();
		WebDriverWait wait = browser.await();

		browser.open("/login");
		WebElement submit = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-submit")));
		assertThat(submit.isDisplayed()).isTrue();
		assertThat(driver.findElement(By.id("username")).isDisplayed()).isTrue();
		assertThat(browser.horizontalOverflow()).as("the sign-in page fits the phone's width")
			.isLessThanOrEqualTo(0L);

		browser.signIn(Personas.ADMIN, Personas.ADMIN_PASSWORD);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
		WebElement toggle = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("label[for=nav-toggle]")));
		WebElement nav = driver.findElement(By.cssSelector("nav.mainnav"));
		assertThat(nav.isDisplayed()).as("the menu is folded away on a phone").isFalse();
		toggle.click();
		wait.until(ExpectedConditions.visibilityOf(nav));
		assertThat(nav.getText()).contains("通讯录");
	}

	// ---- helpers ----

	@AfterEach
	void quitBrowser() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
	}

	private void changePassword(String current, String candidate) {
		browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("password-submit")));
		browser.type(By.id("currentPassword"), current);
		browser.type(By.id("newPassword"), candidate);
		browser.type(By.id("confirmation"), candidate);
		WebElement submit = browser.driver().findElement(By.id("password-submit"));
		submit.click();
		browser.await().until(ExpectedConditions.stalenessOf(submit));
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
