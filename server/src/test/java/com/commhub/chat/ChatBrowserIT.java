package com.commhub.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.ResponseEntity;

import com.commhub.Api;
import com.commhub.BrowserFailureCapture;
import com.commhub.HeadlessChromium;
import com.commhub.IntegrationTest;
import com.commhub.Personas;

/**
 * Chat journeys with two signed-in personas in two browsers: a message appears in the other window without a reload
 * and its read receipt updates in the sender's; a resident ID number triggers the policy tip configured in
 * compliance and is sent with a justification; a 机密 conversation shows the banner and the viewer's watermark; a
 * window whose socket was down catches up on everything it missed exactly once. And the chat pages fit a phone in
 * both languages. Tagged {@code browser}.
 */
@IntegrationTest
@Tag("browser")
class ChatBrowserIT {

	static final Path SCREENS = Path.of("target/browser-screens");

	/** 林浩然 */
	static final String A = Personas.EMPLOYEE;
	/** 罗欣怡 */
	static final String B = Personas.OTHER_EMPLOYEE;
	/** 徐婷 */
	static final String C = Personas.DEPARTMENT_HEAD;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	Api api;
	ChatFixtures chat;
	HeadlessChromium first;
	HeadlessChromium second;

	@RegisterExtension
	final BrowserFailureCapture captureFirst = new BrowserFailureCapture(() -> first);

	@RegisterExtension
	final BrowserFailureCapture captureSecond = new BrowserFailureCapture(() -> second);

	@BeforeEach
	void setUp() {
		api = new Api(port);
		chat = new ChatFixtures(api, jdbc);
		chat.generousLimits();
	}

	@AfterEach
	void tearDown() {
		for (HeadlessChromium browser : new HeadlessChromium[] { first, second }) {
			if (browser != null) {
				browser.close();
			}
		}
		first = null;
		second = null;
	}

	HeadlessChromium open(String persona, long conversationId) {
		HeadlessChromium browser = HeadlessChromium.start(port, 1200, 900);
		browser.signIn(persona, Personas.passwordOf(persona));
		browser.open("/chat/" + conversationId);
		awaitOnline(browser);
		return browser;
	}

	static void awaitOnline(HeadlessChromium browser) {
		browser.await().until(d -> {
			WebElement status = d.findElement(By.id("chat-connection"));
			return !status.getText().isBlank() && !status.getAttribute("class").contains("offline");
		});
	}

	static By message(String text) {
		return By.xpath("//ol[@id='message-list']/li[contains(@class,'chat-message')][.//div[contains(@class,"
				+ "'chat-body')][contains(normalize-space(.), '" + text + "')]]");
	}

	/** Clicks after scrolling the element to the middle of the window, clear of the sticky composer. */
	static void click(HeadlessChromium browser, WebElement element) {
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		element.click();
	}

	static void send(HeadlessChromium browser, String text) {
		WebElement composer = browser.await().until(ExpectedConditions.elementToBeClickable(By.id("composer-text")));
		composer.sendKeys(text);
		composer.sendKeys(Keys.ENTER);
	}

	@Test
	void aMessageAppearsInTheOtherWindowAndItsReceiptUpdates() {
		long group = chat.groupId(A, "项目沟通", B, C);
		first = open(A, group);
		second = open(B, group);

		String text = "下午三点开会 " + UUID.randomUUID().toString().substring(0, 8);
		send(first, text);
		// in A's own window at once (from the REST answer), in B's without a reload (over the WebSocket)
		first.await().until(ExpectedConditions.visibilityOfElementLocated(message(text)));
		WebElement arrived = second.await().until(ExpectedConditions.visibilityOfElementLocated(message(text)));
		assertThat(arrived.findElement(By.className("chat-sender")).getText()).isEqualTo("林浩然");
		assertThat(first.driver().findElement(By.id("composer-text")).getAttribute("value")).isEmpty();

		// B's window is open: B's read position moves, and A's receipt says one of the two others has read it
		first.await().until(ExpectedConditions.textToBePresentInElementLocated(
				By.xpath("(//ol[@id='message-list']/li[contains(@class,'chat-message')])[last()]//button[contains(@class,'chat-receipt')]"),
				"1 人已读 · 1 人未读"));
		WebElement mine = first.driver().findElement(message(text));
		click(first, mine.findElement(By.className("chat-receipt")));
		first.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("receipts-dialog")));
		assertThat(first.driver().findElement(By.id("receipts-read")).getText()).contains("罗欣怡");
		assertThat(first.driver().findElement(By.id("receipts-unread")).getText()).contains("徐婷");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aResidentIdNumberAsksForAJustificationWithThePolicyTip() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		long department = ((Number) api.get(A, "/api/v1/employees/{id}", chat.employee(A)).retrieve()
			.body(Map.class).get("departmentId")).longValue();
		Map<String, Object> policy = new HashMap<>(Map.of("code", "t.chat-rid-" + run, "name", "聊天身份证号 " + run,
				"priority", 1, "action", "WARN", "tipZh", "聊天中发送身份证号须说明理由 " + run, "tipEn",
				"Say why you send an ID number " + run, "scope", Map.of("channels", List.of("CHAT"), "recipients", "ANY",
						"senderDepartmentIds", List.of(department))));
		policy.put("conditions", Map.of("findings", Map.of("detectors", List.of("resident-id"), "minCount", 1)));
		ResponseEntity<Map> created = api.post(Personas.COMMUNICATION_OFFICER, "/api/v1/compliance/policies")
			.body(policy).retrieve().toEntity(Map.class);
		assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
		long policyId = ((Number) created.getBody().get("id")).longValue();
		try {
			long group = chat.groupId(A, "客户核对 " + run, B);
			first = open(A, group);
			String text = "客户身份证号 11010519491231002X 请核对";
			send(first, text);
			WebElement tip = first.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("composer-tip")));
			assertThat(tip.getText()).contains("聊天中发送身份证号须说明理由 " + run);
			assertThat(first.driver().findElement(By.id("composer-findings")).getText()).isNotBlank()
				.doesNotContain("11010519491231002X");
			// nothing was sent, and the text is still in the composer
			assertThat(first.driver().findElements(message("请核对"))).isEmpty();
			assertThat(first.driver().findElement(By.id("composer-text")).getAttribute("value")).isEqualTo(text);

			first.type(By.id("composer-justification"), "客户要求核对身份信息");
			first.driver().findElement(By.id("composer-send")).click();
			first.await().until(ExpectedConditions.visibilityOfElementLocated(message("请核对")));
			first.await().until(ExpectedConditions.invisibilityOfElementLocated(By.id("composer-compliance")));
			assertThat(first.driver().findElement(By.id("composer-text")).getAttribute("value")).isEmpty();
		}
		finally {
			api.post(Personas.COMMUNICATION_OFFICER, "/api/v1/compliance/policies/{id}/deactivate", policyId)
				.body(Map.of()).retrieve().toEntity(String.class);
		}
	}

	@Test
	void aConfidentialConversationShowsTheBannerAndTheViewersWatermark() {
		long group = ChatFixtures.id(chat.group(A, "机密项目", List.of(B), Map.of("classification", "CONFIDENTIAL")));
		chat.send(A, group, "机密内容，仅限项目成员");
		second = open(B, group);
		WebElement banner = second.driver().findElement(By.cssSelector(".cls-marking .cls-banner"));
		assertThat(banner.isDisplayed()).isTrue();
		assertThat(banner.getText()).isNotBlank();
		WebElement watermark = second.driver().findElement(By.id("watermark"));
		assertThat(watermark.getAttribute("data-watermark")).startsWith("罗欣怡 HT1041 ");
		assertThat(watermark.getCssValue("pointer-events")).isEqualTo("none");
		assertThat(watermark.getCssValue("background-image")).contains("data:image/svg+xml;base64,");
		// the watermark lies over the messages without taking their clicks
		second.await().until(ExpectedConditions.elementToBeClickable(By.id("composer-text"))).click();
	}

	@Test
	void theConversationListAndTheMenuBadgeFollowNewMessages() {
		long group = chat.groupId(A, "列表", B);
		second = HeadlessChromium.start(port, 1200, 900);
		second.signIn(B, Personas.passwordOf(B));
		second.open("/chat");
		second.await().until(ExpectedConditions.presenceOfElementLocated(By.id("conversation-" + group)));
		second.await().until(d -> ((JavascriptExecutor) d).executeScript(
				"return window.chatClient && window.chatClient.connected;").equals(Boolean.TRUE));
		String before = second.driver().findElement(By.id("nav-chat-badge")).getText();

		chat.send(A, group, "列表里的新消息 " + chat.run);
		second.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation-" + group),
				"列表里的新消息 " + chat.run));
		assertThat(second.driver().findElement(By.id("conversation-" + group)).findElement(By.className("chat-unread"))
			.getText()).isEqualTo("1");
		second.await().until(d -> !d.findElement(By.id("nav-chat-badge")).getText().equals(before));
	}

	@Test
	void aWindowCatchesUpAfterItsSocketWasDownNoGapNoDuplicate() {
		long group = chat.groupId(A, "重连", B);
		second = open(B, group);
		JavascriptExecutor js = (JavascriptExecutor) second.driver();
		js.executeScript("return window.chatClient.deactivate();");
		second.await().until(ExpectedConditions.attributeContains(By.id("chat-connection"), "class", "offline"));

		String run = UUID.randomUUID().toString().substring(0, 8);
		chat.send(A, group, "第一条 " + run);
		chat.send(A, group, "第二条 " + run);
		assertThat(second.driver().findElements(message(run))).isEmpty();

		js.executeScript("window.chatClient.activate();");
		awaitOnline(second);
		second.await().until(d -> d.findElements(message(run)).size() == 2);
		assertThat(second.driver().findElements(message("第一条 " + run))).hasSize(1);
		assertThat(second.driver().findElements(message("第二条 " + run))).hasSize(1);

		// and live frames after the catch-up still arrive once
		chat.send(A, group, "第三条 " + run);
		second.await().until(d -> d.findElements(message(run)).size() == 3);
		assertThat(second.driver().findElements(message("第三条 " + run))).hasSize(1);
	}

	@Test
	void mentionsAttachmentsThreadsReactionsEditsReadOnceAndRecall() throws IOException {
		long group = ChatFixtures.id(chat.group(A, "功能", List.of(B), Map.of("classification", "CONFIDENTIAL")));
		first = open(A, group);
		second = open(B, group);

		// @-autocomplete passes the member's id: B's copy is marked as mentioning B
		WebElement composer = first.driver().findElement(By.id("composer-text"));
		composer.sendKeys("请 @罗");
		first.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#mention-suggestions li")));
		composer.sendKeys(Keys.ENTER);
		assertThat(composer.getAttribute("value")).isEqualTo("请 @罗欣怡 ");
		composer.sendKeys("看一下方案");
		// an image through the files module, shown as a thumbnail
		Path image = Files.createTempFile("chat-", ".png");
		BufferedImage pixels = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
		ImageIO.write(pixels, "png", image.toFile());
		first.driver().findElement(By.id("composer-files")).sendKeys(image.toAbsolutePath().toString());
		first.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("composer-files-list"), "📎"));
		first.driver().findElement(By.id("composer-send")).click();
		WebElement mentioned = second.await().until(ExpectedConditions.visibilityOfElementLocated(message("看一下方案")));
		assertThat(mentioned.getAttribute("class")).contains("mentions-me");
		assertThat(mentioned.findElement(By.cssSelector(".chat-body .mention")).getText()).isEqualTo("@罗欣怡");
		second.await().until(d -> d.findElement(message("看一下方案")).findElement(By.cssSelector(".chat-attachments img"))
			.getAttribute("src").matches(".*/files/\\d+/thumbnail"));

		// B reacts; both see the count, B's own reaction marked
		click(second, second.driver().findElement(message("看一下方案")).findElement(By.className("chat-react")));
		click(second, second.await().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".chat-palette .chat-emoji"))));
		second.await().until(d -> !d.findElement(message("看一下方案")).findElements(By.cssSelector(".chat-reaction.mine")).isEmpty());
		first.await().until(d -> d.findElement(message("看一下方案")).findElements(By.className("chat-reaction")).stream()
			.anyMatch(r -> r.getText().endsWith(" 1") && !r.getAttribute("class").contains("mine")));

		// B answers in the thread; A sees the reply count
		click(second, second.driver().findElement(message("看一下方案")).findElement(By.className("chat-thread-open")));
		second.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("thread-panel")));
		WebElement reply = second.await().until(ExpectedConditions.elementToBeClickable(By.id("thread-text")));
		reply.sendKeys("收到，马上看");
		reply.sendKeys(Keys.ENTER);
		second.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("thread-list"), "收到，马上看"));
		first.await().until(d -> d.findElement(message("看一下方案")).findElement(By.className("chat-thread-open"))
			.getText().contains("1"));

		// A edits the message; B sees the new text and the edited marker
		click(first, first.driver().findElement(message("看一下方案")).findElement(By.className("chat-edit")));
		WebElement edit = first.await().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".chat-edit-form textarea")));
		edit.clear();
		edit.sendKeys("请 @罗欣怡 看一下新方案");
		click(first, first.driver().findElement(By.cssSelector(".chat-edit-form button[type=submit]")));
		WebElement edited = second.await().until(ExpectedConditions.visibilityOfElementLocated(message("看一下新方案")));
		assertThat(edited.findElement(By.className("chat-edited")).getText()).isNotBlank();

		// a read-once message: B opens it once; after a reload it is consumed
		click(first, first.driver().findElement(By.id("composer-read-once")));
		send(first, "阅后即焚的口令 7391");
		first.await().until(ExpectedConditions.visibilityOfElementLocated(message("阅后即焚的口令 7391")));
		click(second, second.await().until(ExpectedConditions.elementToBeClickable(By.className("chat-open-once"))));
		second.await().until(ExpectedConditions.visibilityOfElementLocated(message("阅后即焚的口令 7391")));
		second.driver().navigate().refresh();
		awaitOnline(second);
		assertThat(second.driver().findElements(message("阅后即焚的口令 7391"))).isEmpty();
		assertThat(second.driver().findElements(By.className("chat-consumed"))).isNotEmpty();

		// A recalls the edited message; B sees the placeholder
		click(first, first.driver().findElement(message("看一下新方案")).findElement(By.className("chat-recall")));
		first.await().until(ExpectedConditions.alertIsPresent()).accept();
		second.await().until(ExpectedConditions.invisibilityOfElementLocated(message("看一下新方案")));
		assertThat(second.driver().findElements(By.className("chat-recalled"))).isNotEmpty();
		first.screenshot(SCREENS, "chat-desktop-conversation");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "zh-CN", "en" })
	void chatPagesFitAPhoneInBothLanguages(String language) throws IOException {
		long group = ChatFixtures.id(chat.group(A, "手机", List.of(B), Map.of("classification", "CONFIDENTIAL")));
		chat.send(B, group, "一条很长的消息，" + "用来检查窄屏幕上的换行。".repeat(8));
		first = HeadlessChromium.start(port, 390, 844);
		first.signIn(A, Personas.passwordOf(A));
		first.open("/?lang=" + language);
		first.await().until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
		for (String path : List.of("/chat", "/chat/new", "/chat/search?q=%E6%B6%88%E6%81%AF", "/chat/" + group)) {
			first.open(path);
			WebElement heading = first.await().until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
			assertThat(heading.getText()).as("heading of %s", path).isNotBlank();
			assertThat(first.driver().getPageSource()).as("untranslated message key on %s", path).doesNotContain("??");
			first.screenshot(SCREENS, "chat-" + language + path.replaceAll("[/?=%]", "-"));
			assertThat(first.horizontalOverflow()).as("%s is wider than the phone (%s)", path, language)
				.isLessThanOrEqualTo(0);
		}
		assertThat(first.driver().findElement(By.id("composer-send")).getText())
			.isEqualTo("en".equals(language) ? "Send" : "发送");
	}
}
