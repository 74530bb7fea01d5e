package dev.autowebhook.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} + {@code chromium-driver}) driven by
 * Selenium, for the admin UI tests. Never downloads a browser or driver: the paths are fixed
 * (override with {@code -Dit.chromium} / {@code -Dit.chromedriver}). Each instance has its own
 * profile directory, so its cookies (the UI session) are its own.
 *
 * <p>JSF re-renders parts of the page after a click: wait for what the click should show
 * ({@link #waitText}, {@link #waitVisible}) before reading, never read right after clicking.
 */
public final class Browser implements AutoCloseable {

  public static final Duration WAIT = Duration.ofSeconds(20);

  private final WebDriver driver;
  private final String baseUrl;
  private final Path profile;

  private Browser(String baseUrl) {
    this.baseUrl = baseUrl;
    try {
      this.profile = Files.createTempDirectory("chromium-profile");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String chromium = System.getProperty("it.chromium", "/usr/bin/chromium");
    String chromedriver = System.getProperty("it.chromedriver", "/usr/bin/chromedriver");
    if (!Files.isExecutable(Path.of(chromium)) || !Files.isExecutable(Path.of(chromedriver))) {
      throw new IllegalStateException("The admin UI tests need Chromium and its driver at "
          + chromium + " and " + chromedriver + ": apt-get install chromium chromium-driver");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,1000",
        "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(chromedriver).toFile())
        .build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  /** A fresh browser (no cookies) on the server's base URL. */
  public static Browser open(AppServer server) {
    return new Browser(server.baseUrl());
  }

  public WebDriver driver() {
    return driver;
  }

  public Browser go(String path) {
    driver.get(baseUrl + path);
    return this;
  }

  /** Logs in through the form and waits for the dashboard. */
  public Browser login(String user, String password) {
    go("/login.xhtml");
    type(By.id("login:username"), user);
    type(By.id("login:password"), password);
    click(By.id("login:submit"));
    waitUrlContains("/admin/dashboard.xhtml");
    return this;
  }

  public Browser loginAsAdmin() {
    return login(AppServer.ADMIN_USER, AppServer.ADMIN_PASSWORD);
  }

  public WebElement find(By by) {
    return waiter().until(ExpectedConditions.presenceOfElementLocated(by));
  }

  public List<WebElement> findAll(By by) {
    return driver.findElements(by);
  }

  public boolean present(By by) {
    return !driver.findElements(by).isEmpty();
  }

  public Browser type(By by, String text) {
    WebElement e = waiter().until(ExpectedConditions.elementToBeClickable(by));
    e.clear();
    e.sendKeys(text);
    return this;
  }

  public Browser click(By by) {
    waiter().until(ExpectedConditions.elementToBeClickable(by)).click();
    return this;
  }

  /** Waits until the element's text contains {@code text}; returns the element's text. */
  public String waitText(By by, String text) {
    // read the text inside the wait: an ajax update may replace the element right after
    return waiter().until(d -> {
      String current = d.findElement(by).getText();
      return current.contains(text) ? current : null;
    });
  }

  public WebElement waitVisible(By by) {
    return waiter().until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  public void waitUrlContains(String part) {
    waiter().until(ExpectedConditions.urlContains(part));
  }

  /** Waits for PrimeFaces' pending ajax requests (if the page has PrimeFaces) to finish. */
  public void waitAjax() {
    waiter().until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
        "return !window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty();")));
  }

  public String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  public Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** Saves a PNG of the current page under {@code web/target/screenshots/} and returns its path. */
  public Path screenshot(String name) {
    try {
      Path dir = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
      Files.createDirectories(dir);
      Path file = dir.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Picks an option of a PrimeFaces select menu by its label and waits until the menu shows it,
   * its panel is closed (a closing panel over the next button intercepts its click) and its ajax
   * is done. Tries again when the click landed while the panel was still opening (under load the
   * first click can be lost).
   */
  public Browser choose(String menuId, String label) {
    By panel = By.id(menuId + "_panel");
    By item = By.cssSelector("[id='" + menuId + "_panel'] li[data-label='" + label + "']");
    By shown = By.id(menuId + "_label");
    for (int attempt = 1; ; attempt++) {
      try {
        if (!driver.findElement(panel).isDisplayed()) {
          click(By.id(menuId));
        }
        click(item);
        new WebDriverWait(driver, Duration.ofSeconds(5))
            .ignoring(StaleElementReferenceException.class)
            .until(d -> d.findElement(shown).getText().equals(label)
                && !d.findElement(panel).isDisplayed());
        waitAjax();
        return this;
      } catch (WebDriverException e) { // lost or intercepted click while the panel moved
        if (attempt == 3) {
          throw e;
        }
        sleepQuietly(300);
      }
    }
  }

  private static void sleepQuietly(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A wait that retries when the page re-rendered the element it was reading (ajax updates). */
  public WebDriverWait waiter() {
    WebDriverWait wait = new WebDriverWait(driver, WAIT);
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a temp dir left behind is harmless
      }
    }
  }
}
