package com.commhub.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.commhub.Api;
import com.commhub.BrowserFailureCapture;
import com.commhub.HeadlessChromium;
import com.commhub.IntegrationTest;
import com.commhub.Personas;

/**
 * The bell in a real browser on a phone-sized screen: htmx loads the badge into the header, the bell leads to the
 * centre, opening a notification marks it read and follows its link, and the pages fit the phone. Tagged
 * {@code browser}.
 */
@IntegrationTest
@Tag("browser")
class NotificationBrowserIT {

	static final Path SCREENS = Path.of("target/browser-screens");

	@LocalServerPort
	int port;
	@Autowired
	Notifications notifications;
	@Autowired
	JdbcTemplate jdbc;

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
	void theBadgeLeadsToTheCentreAndTheNotificationToItsPage() throws IOException {
		String persona = Personas.OTHER_EMPLOYEE;
		new Api(port).put(persona, "/api/v1/notifications/preferences")
			.body(Map.of("quietHours", false, "workStart", "09:00", "workEnd", "18:00", "workDays",
					List.of("MONDAY"), "timeZone", "Asia/Shanghai", "mutedKinds", List.of()))
			.retrieve().toBodilessEntity();
		long account = jdbc.queryForObject("select id from sec_account where lower(username) = lower(?)", Long.class,
				persona);
		String run = UUID.randomUUID().toString().substring(0, 8);
		long id = notifications.notify(new NewNotification(NewNotification.Recipient.account(account),
				NotificationKind.ARCHIVE_ACCESS_DECIDED, Urgency.URGENT,
				"notification.archiveAccessDecided.title.APPROVED", "notification.archiveAccessDecided.body",
				List.of("HT1030", "CASE-B-" + run), "/account", "test", "b-" + run)).orElseThrow();

		browser = HeadlessChromium.start(port, 390, 844);
		browser.signIn(persona, Personas.passwordOf(persona));
		browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
		browser.open("/");
		var badge = browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("notification-badge")));
		assertThat(Integer.parseInt(badge.getText().replace("+", ""))).isPositive();
		assertThat(browser.horizontalOverflow()).as("the header with the bell is wider than the phone").isLessThanOrEqualTo(0);

		browser.driver().findElement(By.id("notification-bell")).click();
		browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("notification-" + id)));
		assertThat(browser.driver().findElement(By.id("notification-" + id)).getText()).contains("CASE-B-" + run);
		browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("notification-badge")));
		browser.screenshot(SCREENS, "notification-centre");
		assertThat(browser.horizontalOverflow()).as("/notifications is wider than the phone").isLessThanOrEqualTo(0);

		browser.driver().findElement(By.id("notification-open-" + id)).click();
		browser.await().until(ExpectedConditions.urlContains("/account"));
		assertThat(jdbc.queryForObject("select read_at is not null from ntf_notification where id = ?", Boolean.class,
				id)).isTrue();

		browser.open("/notifications/preferences");
		browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("preferences-form")));
		browser.screenshot(SCREENS, "notification-preferences");
		assertThat(browser.horizontalOverflow()).as("/notifications/preferences is wider than the phone")
			.isLessThanOrEqualTo(0);
	}
}
