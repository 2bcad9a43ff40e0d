package com.commhub.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.commhub.Api;
import com.commhub.BrowserFailureCapture;
import com.commhub.HeadlessChromium;
import com.commhub.IntegrationTest;
import com.commhub.Personas;

/**
 * Internal mail in two real browsers, one per persona: 林浩然 (HT1040, on a phone-sized screen) writes to 罗欣怡
 * (HT1041) with 徐婷 (HT1010) in CC by typing in the pickers, attaches an image, is offered the department heads to
 * copy (MAIL-3) and sends anyway; the mail appears in 罗欣怡's open inbox without a reload, she sees the CC and
 * replies; 林浩然 sees the reply and the thread. A 机密 mail shows the banner and the viewer's watermark; a compliance
 * warning shows the policy tip and the mail goes out with a justification; a mail without subject shows the field
 * error and keeps the body (the draft was saved automatically); the pages fit 390 px in Chinese and English. Tagged
 * {@code browser}.
 */
@IntegrationTest
@Tag("browser")
class MailBrowserIT {

	static final Path SCREENS = Path.of("target/browser-screens");

	@LocalServerPort
	int port;
	@Autowired
	JdbcTemplate jdbc;

	HeadlessChromium a;
	HeadlessChromium b;
	/** The browser a failure capture shows: the one the journey acted in last. */
	HeadlessChromium current;

	@RegisterExtension
	final BrowserFailureCapture captureOnFailure = new BrowserFailureCapture(() -> current);

	final String run = UUID.randomUUID().toString().substring(0, 6);

	@AfterEach
	void tearDown() {
		for (HeadlessChromium browser : new HeadlessChromium[] { a, b }) {
			if (browser != null) {
				browser.close();
			}
		}
		a = null;
		b = null;
		current = null;
	}

	@Test
	void aMailWithCcArrivesAndIsAnswered() throws IOException {
		// the recipient has her inbox open already
		b = signIn(Personas.OTHER_EMPLOYEE, 1280, 900);
		b.open("/mail");
		b.await().until(ExpectedConditions.presenceOfElementLocated(By.id("mail-list-region")));

		a = signIn(Personas.EMPLOYEE, 390, 844);
		a.open("/mail/compose");
		pick(a, "to", "罗欣怡", Personas.OTHER_EMPLOYEE);
		pick(a, "cc", Personas.DEPARTMENT_HEAD, Personas.DEPARTMENT_HEAD);
		String subject = "项目周报 " + run;
		a.type(By.id("subject"), subject);
		typeBody(a, "请查收本周的项目进展。");
		// an image attached through the files module
		a.driver().findElement(By.id("attachment-input")).sendKeys(image().toString());
		a.await().until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("#attachment-list input[name=attachmentIds]")));
		assertThat(a.driver().findElement(By.id("attachment-list")).getText()).contains("chart.png");
		assertThat(a.horizontalOverflow()).as("the composer is wider than the phone").isLessThanOrEqualTo(0);
		a.screenshot(SCREENS, "mail-compose");
		click(a, By.id("compose-send"));

		// MAIL-3: the mail crosses departments, so the heads are suggested before it leaves
		WebElement suggestions = a.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("cc-suggestions")));
		assertThat(suggestions.getText()).contains("建议抄送");
		assertThat(a.driver().findElement(By.id("subject")).getAttribute("value")).isEqualTo(subject);
		assertThat(a.driver().findElement(By.id("editor")).getText()).contains("请查收本周的项目进展。");
		assertThat(a.driver().findElements(By.cssSelector("#cc-picker .chip"))).hasSize(1);
		a.screenshot(SCREENS, "mail-cc-suggestions");
		click(a, By.id("cc-send-anyway"));
		a.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("mail-done")));
		assertThat(a.driver().findElement(By.id("mail-subject")).getText()).isEqualTo(subject);

		// the recipient's open inbox shows it without a reload
		current = b;
		assertThat(openFromList(b, subject)).contains("unread");
		b.await().until(ExpectedConditions.textToBe(By.id("mail-subject"), subject));
		assertThat(b.driver().findElement(By.id("mail-cc")).getText()).contains("徐婷");
		assertThat(b.driver().findElement(By.id("mail-to")).getText()).contains("罗欣怡");
		assertThat(b.driver().findElement(By.id("mail-body")).getText()).contains("请查收本周的项目进展。");
		assertThat(b.driver().findElements(By.id("mail-bcc"))).isEmpty();
		WebElement thumbnail = b.driver().findElement(By.cssSelector("#mail-attachments img"));
		b.await().until(d -> ((Number) ((JavascriptExecutor) d)
			.executeScript("return arguments[0].naturalWidth", thumbnail)).intValue() > 0);
		assertThat(b.driver().findElement(By.cssSelector("#mail-attachments .mail-file-link")).getText())
			.isEqualTo("chart.png");
		click(b, By.id("mail-reply"));
		b.await().until(ExpectedConditions.attributeContains(By.id("subject"), "value", "Re: " + subject));
		assertThat(b.driver().findElement(By.id("to-picker")).getText()).contains("林浩然");
		typeBody(b, "收到，谢谢！");
		click(b, By.id("compose-send"));
		b.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("mail-done")));

		// the sender sees the reply and the thread
		current = a;
		a.open("/mail");
		openFromList(a, "Re: " + subject);
		a.await().until(ExpectedConditions.textToBe(By.id("mail-subject"), "Re: " + subject));
		assertThat(a.driver().findElement(By.id("mail-body")).getText()).contains("收到，谢谢！");
		assertThat(a.driver().findElement(By.id("mail-thread")).getText()).contains(subject);
		assertThat(a.horizontalOverflow()).as("the reading view is wider than the phone").isLessThanOrEqualTo(0);
		a.screenshot(SCREENS, "mail-read-thread");
		a.open("/mail");
		a.await().until(ExpectedConditions.presenceOfElementLocated(By.id("mail-folders")));
		assertThat(a.horizontalOverflow()).as("the inbox is wider than the phone").isLessThanOrEqualTo(0);
		a.screenshot(SCREENS, "mail-inbox");
		assertNoScriptErrors(a);
		assertNoScriptErrors(b);
	}

	@Test
	void aConfidentialMailShowsTheBannerAndTheViewersWatermark() {
		a = signIn(Personas.EMPLOYEE, 1280, 900);
		a.open("/mail/compose");
		pick(a, "to", Personas.OTHER_EMPLOYEE, Personas.OTHER_EMPLOYEE);
		String subject = "机密报价 " + run;
		a.type(By.id("subject"), subject);
		new Select(a.driver().findElement(By.id("classification"))).selectByValue("CONFIDENTIAL");
		typeBody(a, "底价见附件说明。");
		click(a, By.id("compose-send"));
		a.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("mail-done")));

		b = signIn(Personas.OTHER_EMPLOYEE, 390, 844);
		b.open("/mail");
		openFromList(b, subject);
		b.await().until(ExpectedConditions.textToBe(By.id("mail-subject"), subject));
		WebElement banner = b.driver().findElement(By.cssSelector("#mail-view .cls-banner"));
		assertThat(banner.isDisplayed()).isTrue();
		assertThat(banner.getText()).contains("机密");
		WebElement watermark = b.driver().findElement(By.id("watermark"));
		assertThat(watermark.getAttribute("data-watermark")).contains("罗欣怡").contains(Personas.OTHER_EMPLOYEE);
		assertThat(watermark.getCssValue("background-image")).startsWith("url(\"data:image/svg+xml;base64,");
		assertThat(b.horizontalOverflow()).as("the confidential mail is wider than the phone").isLessThanOrEqualTo(0);
	}

	@Test
	void aMailWithoutSubjectShowsTheErrorAndKeepsTheBody() {
		a = signIn(Personas.EMPLOYEE, 390, 844);
		a.open("/mail/compose");
		pick(a, "to", Personas.OTHER_EMPLOYEE, Personas.OTHER_EMPLOYEE);
		String body = "没有主题也不能丢 " + run;
		typeBody(a, body);
		// autosave: the draft is saved within a few seconds of typing
		a.await().until(d -> !d.findElement(By.id("autosave-status")).getText().isBlank());
		String draftId = a.driver().findElement(By.id("draftId")).getAttribute("value");
		assertThat(draftId).isNotBlank();
		click(a, By.id("compose-send"));
		WebElement error = a.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("subject-error")));
		assertThat(error.getText()).isNotBlank();
		assertThat(a.driver().findElement(By.id("editor")).getText()).contains(body);
		assertThat(a.driver().findElement(By.id("to-picker")).getText()).contains("罗欣怡");
		assertThat(a.horizontalOverflow()).as("the composer with an error is wider than the phone")
			.isLessThanOrEqualTo(0);
		assertThat(a.driver().findElement(By.id("draftId")).getAttribute("value")).isEqualTo(draftId);
		a.open("/mail/folder/DRAFTS");
		a.await().until(ExpectedConditions.elementToBeClickable(
				By.cssSelector("#mail-list a[href$='draft=" + draftId + "']"))).click();
		a.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("editor"), body));
		assertNoScriptErrors(a);
	}

	@Test
	void aWarningShowsThePolicyTipAndSendsWithAJustification() {
		MailTestSupport mails = new MailTestSupport(new Api(port), jdbc);
		long warn = mails.policy("WARN", "SC");
		try {
			sendWithJustification();
		}
		finally {
			mails.switchOff(List.of(warn));
		}
	}

	private void sendWithJustification() {
		a = signIn(Personas.EMPLOYEE, 390, 844);
		a.open("/mail/compose");
		pick(a, "to", Personas.OTHER_EMPLOYEE, Personas.OTHER_EMPLOYEE);
		String subject = "开户资料 " + run;
		a.type(By.id("subject"), subject);
		typeBody(a, "客户身份证号 " + MailTestSupport.residentId() + "，请核对。");
		click(a, By.id("compose-send"));
		WebElement tip = a.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("compose-justify")));
		assertThat(tip.getText()).contains("邮件含身份证号");
		assertThat(a.driver().findElement(By.id("compose-findings")).getText()).contains("*");
		assertThat(a.driver().findElement(By.id("editor")).getText()).contains("请核对");
		assertThat(a.horizontalOverflow()).as("the policy tip is wider than the phone").isLessThanOrEqualTo(0);
		a.type(By.id("justification"), "客户开户需要，已获授权");
		click(a, By.id("compose-send"));
		a.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("mail-done")));
		assertThat(a.driver().findElement(By.id("mail-subject")).getText()).isEqualTo(subject);
	}

	@Test
	void theMailPagesFitAPhoneInEnglish() throws IOException {
		a = signIn(Personas.OTHER_EMPLOYEE, 390, 844);
		for (String path : new String[] { "/mail?lang=en", "/mail/compose", "/mail/search?text=x", "/mail/labels",
				"/mail/folder/SENT" }) {
			a.open(path);
			a.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section h1")));
			assertThat(a.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
			assertThat(a.horizontalOverflow()).as("%s is wider than the phone", path).isLessThanOrEqualTo(0);
			a.screenshot(SCREENS, "mail-en" + path.replaceAll("[^a-z]+", "-"));
		}
		a.open("/mail/compose");
		assertThat(a.driver().findElement(By.cssSelector("label[for=subject]")).getText()).isEqualTo("Subject");
		a.open("/mail?lang=zh_CN");
		a.await().until(ExpectedConditions.presenceOfElementLocated(By.id("mail-folders")));
		assertThat(a.driver().findElement(By.id("folder-INBOX")).getText()).contains("收件箱");
	}

	/**
	 * Opens the mail with this subject from the folder list and returns the classes of its row. The list refreshes
	 * itself, so an element found may be replaced a moment later: find and click in one go, again if it went stale.
	 */
	private String openFromList(HeadlessChromium browser, String subject) {
		current = browser;
		return browser.await().until(d -> {
			try {
				WebElement link = d.findElement(By.linkText(subject));
				String classes = link.findElement(By.xpath("./ancestor::li")).getAttribute("class");
				link.click();
				return classes;
			}
			catch (NoSuchElementException | StaleElementReferenceException ex) {
				return null;
			}
		});
	}

	/** The page scripts ran without errors (the browser console has no SEVERE entry but a missing favicon). */
	private static void assertNoScriptErrors(HeadlessChromium browser) {
		assertThat(browser.driver().manage().logs().get("browser").getAll())
			.filteredOn(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
			.filteredOn(entry -> !entry.getMessage().contains("favicon.ico"))
			.isEmpty();
	}

	/** A small PNG to attach. */
	private static Path image() throws IOException {
		BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.ORANGE);
		g.fillRect(0, 0, 40, 30);
		g.dispose();
		Path file = Files.createTempDirectory("mail-attachment").resolve("chart.png");
		ImageIO.write(image, "png", file.toFile());
		return file;
	}

	private HeadlessChromium signIn(String persona, int width, int height) {
		HeadlessChromium browser = HeadlessChromium.start(port, width, height);
		current = browser;
		browser.signIn(persona, Personas.passwordOf(persona));
		return browser;
	}

	/** Types into a recipient picker and picks the person with that 工号 from the suggestions. */
	private void pick(HeadlessChromium browser, String field, String typed, String employeeNo) {
		current = browser;
		long id = jdbc.queryForObject("select id from dir_employee where employee_no = ?", Long.class, employeeNo);
		browser.type(By.id(field + "-input"), typed);
		By option = By.cssSelector("#" + field + "-options .picker-option[data-value='EMPLOYEE:" + id + "']");
		browser.await().until(ExpectedConditions.elementToBeClickable(option)).click();
		browser.await().until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("#" + field + "-picker .chip input[value='EMPLOYEE:" + id + "']")));
	}

	private void typeBody(HeadlessChromium browser, String text) {
		current = browser;
		WebElement editor = browser.await().until(ExpectedConditions.elementToBeClickable(By.id("editor")));
		editor.click();
		editor.sendKeys(text);
	}

	private void click(HeadlessChromium browser, By locator) {
		current = browser;
		browser.await().until(ExpectedConditions.elementToBeClickable(locator)).click();
	}
}
