package com.commhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium for a browser journey ({@code *BrowserIT}, tagged {@code browser}), pointed at the
 * application on {@code localhost:port}.
 * <p>
 * Why it is set up like this:
 * <ul>
 * <li>The browser ({@value #CHROMIUM}) and the driver ({@value #CHROMEDRIVER}) are the Debian packages
 * {@code chromium} and {@code chromium-driver}, named explicitly, so that Selenium Manager never runs: it would try to
 * download a browser and a driver, and this machine (like CI) has no network.</li>
 * <li>The flags keep Chromium from phoning home (no background networking, component updates, sync or QUIC, no
 * first-run dialogs), run it without a GPU and without the sandbox (which needs privileges a build container lacks),
 * and fix the window size and the language ({@code zh-CN}, the application's default).</li>
 * <li>Each browser gets a fresh {@code --user-data-dir}, so no cookies or cache leak between tests and two browsers
 * never fight over one profile; {@link #close()} deletes it.</li>
 * </ul>
 * Use it with {@code try}-with-resources or close it in an {@code @AfterEach}; register {@link BrowserFailureCapture}
 * to keep a screenshot and the page source of a failing test.
 */
public final class HeadlessChromium implements AutoCloseable {

	public static final String CHROMIUM = "/usr/bin/chromium";

	public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	/** How long {@link #await()} waits for a condition. */
	public static final Duration WAIT = Duration.ofSeconds(20);

	private static final String DOWNLOADS = "downloads";

	static final Duration PAGE_LOAD = Duration.ofSeconds(60);

	private final int port;

	private final Path profileDirectory;

	private final WebDriver driver;

	private final WebDriverWait wait;

	private HeadlessChromium(int port, Path profileDirectory, WebDriver driver) {
		this.port = port;
		this.profileDirectory = profileDirectory;
		this.driver = driver;
		this.wait = new WebDriverWait(driver, WAIT);
		// live pages (chat, mail folders) re-render elements while a condition reads them: evaluate it again
		this.wait.ignoring(StaleElementReferenceException.class);
	}

	/** Starts a browser with a window of {@code width} × {@code height} for the application on {@code port}. */
	public static HeadlessChromium start(int port, int width, int height) {
		Path profileDirectory;
		try {
			profileDirectory = Files.createTempDirectory("commhub-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			// an explicit driver and browser: Selenium Manager must not try to download anything
			System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER);
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM);
			options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--user-data-dir=" + profileDirectory, "--window-size=" + width + "," + height, "--lang=zh-CN");
			options.setExperimentalOption("prefs", Map.of("download.default_directory",
					profileDirectory.resolve(DOWNLOADS).toString(), "download.prompt_for_download", false));
			ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(new File(CHROMEDRIVER))
				.usingAnyFreePort()
				.build();
			WebDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD);
			return new HeadlessChromium(port, profileDirectory, driver);
		}
		catch (RuntimeException ex) {
			deleteProfile(profileDirectory);
			throw ex;
		}
	}

	public WebDriver driver() {
		return driver;
	}

	/** Waits up to {@link #WAIT} for a condition. */
	public WebDriverWait await() {
		return wait;
	}

	/** The absolute URL of {@code path} (starting with {@code /}) on the application. */
	public String url(String path) {
		return "http://localhost:" + port + path;
	}

	/** Loads {@code path} (starting with {@code /}) of the application. */
	public void open(String path) {
		driver.get(url(path));
	}

	/** Waits until the field is clickable, clears it and types {@code text}. */
	public void type(By locator, String text) {
		WebElement field = wait.until(ExpectedConditions.elementToBeClickable(locator));
		field.clear();
		field.sendKeys(text);
	}

	/**
	 * Signs in on {@code /login} and waits until the browser has left the page (or the sign-in was refused, which
	 * fails the test). Where it lands depends on the account (the home page, or a forced password change).
	 */
	public void signIn(String username, String password) {
		open("/login");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-submit")));
		type(By.id("username"), username);
		type(By.id("password"), password);
		driver.findElement(By.id("login-submit")).click();
		wait.until(ExpectedConditions.or(ExpectedConditions.not(ExpectedConditions.urlContains("/login")),
				ExpectedConditions.visibilityOfElementLocated(By.id("login-error"))));
		assertThat(driver.findElements(By.id("login-error"))).as("sign-in as %s refused", username).isEmpty();
	}

	/** How many CSS pixels the page is wider than the window; {@code <= 0} when nothing overflows sideways. */
	public long horizontalOverflow() {
		Object overflow = ((JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
		return ((Number) overflow).longValue();
	}

	/** Saves what the window shows as {@code dir/name.png} (replacing an older one) and returns that file. */
	public Path screenshot(Path dir, String name) throws IOException {
		Files.createDirectories(dir);
		File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
		Path target = dir.resolve(name + ".png");
		Files.copy(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
		return target;
	}

	/**
	 * Waits until the browser has finished downloading a file whose name ends with {@code suffix} and returns it
	 * (downloads go to a folder of the temporary profile, deleted with it).
	 */
	public Path awaitDownload(String suffix) {
		Path downloads = profileDirectory.resolve(DOWNLOADS);
		return wait.until(driver -> {
			try (Stream<Path> files = Files.exists(downloads) ? Files.list(downloads) : Stream.empty()) {
				// Chromium writes "name.crdownload" first and renames it when the download is complete
				return files.filter(file -> file.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/** Quits the browser and the driver and deletes the temporary profile. */
	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			deleteProfile(profileDirectory);
		}
	}

	private static void deleteProfile(Path profileDirectory) {
		try (Stream<Path> files = Files.walk(profileDirectory)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ignored) {
			// a temp directory left behind is harmless
		}
	}
}
