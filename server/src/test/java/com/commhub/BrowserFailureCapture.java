package com.commhub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Keeps what the browser showed when a browser journey failed: a screenshot and the page source (headed by the URL)
 * under {@code server/target/browser-failures/<test method>-<timestamp>.{png,html}}. Register it in every
 * {@code *BrowserIT}:
 *
 * <pre>
 * HeadlessChromium browser;
 *
 * &#64;RegisterExtension
 * final BrowserFailureCapture failures = new BrowserFailureCapture(() -&gt; browser);
 * </pre>
 *
 * It runs right after the test method and before {@code @AfterEach}, so the page is still open when the browser is
 * closed there. A test that had not started a browser (the supplier gives {@code null}) is left alone, and a capture
 * that goes wrong is only reported: it never hides the test's own failure.
 */
public final class BrowserFailureCapture implements AfterTestExecutionCallback {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private final Supplier<HeadlessChromium> browser;

	/** @param browser gives the test's current browser, or {@code null} if it has none */
	public BrowserFailureCapture(Supplier<HeadlessChromium> browser) {
		this.browser = browser;
	}

	/** Where the captures go: {@code target/browser-failures} of the module being tested. */
	public static Path directory() {
		return Path.of(System.getProperty("basedir", "."), "target", "browser-failures");
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		HeadlessChromium current = browser.get();
		if (context.getExecutionException().isPresent() && current != null) {
			capture(current, context.getRequiredTestMethod().getName());
		}
	}

	private static void capture(HeadlessChromium browser, String testName) {
		try {
			Path directory = directory();
			String stem = testName + "-" + LocalDateTime.now().format(STAMP);
			browser.screenshot(directory, stem);
			Files.writeString(directory.resolve(stem + ".html"),
					"<!-- " + browser.driver().getCurrentUrl() + " -->\n" + browser.driver().getPageSource(),
					StandardCharsets.UTF_8);
			System.err.println("Browser failure captured in " + directory.resolve(stem) + ".{png,html}");
		}
		catch (RuntimeException | IOException ex) {
			System.err.println("Could not capture the browser after a failure: " + ex);
		}
	}
}
