package io.secureflows.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium, headless, through its own chromedriver (both installed by {@code
 * payara/test.sh}; never a downloaded browser or driver), with the flags that keep it off the
 * network. Screenshots go to {@code target/screenshots} for reviewers.
 */
public final class Browser implements AutoCloseable {
  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private final WebDriver driver;

  private Browser(WebDriver driver) {
    this.driver = driver;
  }

  /** A headless browser; {@code javaScript} false turns scripts off for every page. */
  public static Browser start(boolean javaScript) throws Exception {
    return start(javaScript, false);
  }

  /**
   * A headless browser for the HTTPS listener, which serves the test run's own self-signed
   * certificate (accepted by this browser only), recording the pages' console messages (CSP
   * violations included) for {@link #consoleErrors()}.
   */
  public static Browser startForHttps() throws Exception {
    return start(true, true);
  }

  private static Browser start(boolean javaScript, boolean https) throws Exception {
    if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
      throw new IllegalStateException(
          "Browser tests need Debian's chromium and chromium-driver: run payara/test.sh, which installs them");
    }
    Path profile = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1024,900",
        "--user-data-dir=" + profile);
    if (https) {
      options.addArguments("--ignore-certificate-errors");
      LoggingPreferences logs = new LoggingPreferences();
      logs.enable(LogType.BROWSER, Level.ALL);
      logs.enable(LogType.PERFORMANCE, Level.ALL);
      options.setCapability("goog:loggingPrefs", logs);
    }
    if (!javaScript) {
      options.setExperimentalOption(
          "prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    if (https) {
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
    }
    return new Browser(driver);
  }

  /**
   * The console errors and security-policy reports of the pages since the last call: every message
   * at SEVERE level, and any message that mentions the Content Security Policy.
   */
  public List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(
            entry ->
                entry.getLevel().intValue() >= Level.SEVERE.intValue()
                    || entry.getMessage().contains("Content Security Policy"))
        .map(LogEntry::getMessage)
        .toList();
  }

  /**
   * The body of the latest response whose address ends with {@code pathSuffix}, read from the
   * browser's network log (DevTools): what a page received without showing it anywhere.
   */
  public String responseBody(String pathSuffix) {
    String requestId = null;
    for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE).getAll()) {
      try (var reader =
          jakarta.json.Json.createReader(new java.io.StringReader(entry.getMessage()))) {
        var message = reader.readObject().getJsonObject("message");
        if ("Network.responseReceived".equals(message.getString("method", ""))) {
          var params = message.getJsonObject("params");
          if (params.getJsonObject("response").getString("url", "").endsWith(pathSuffix)) {
            requestId = params.getString("requestId");
          }
        }
      }
    }
    if (requestId == null) {
      throw new IllegalStateException("no response for " + pathSuffix + " in the network log");
    }
    Map<String, Object> body =
        ((ChromeDriver) driver)
            .executeCdpCommand("Network.getResponseBody", Map.of("requestId", requestId));
    return (String) body.get("body");
  }

  public WebDriver driver() {
    return driver;
  }

  /** Saves what the page looks like now as {@code target/screenshots/<name>.png}. */
  public Path screenshot(String name) throws Exception {
    Path folder = Files.createDirectories(Path.of("target/screenshots"));
    Path file = folder.resolve(name + ".png");
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    return file;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
