package io.secureflows.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureflows.testsupport.Browser;
import io.secureflows.testsupport.Deployments;
import io.secureflows.testsupport.IntegrationTest;
import io.secureflows.testsupport.TestEnvironment;
import jakarta.json.Json;
import java.io.StringReader;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser SDK through the demo application, in headless Chromium over HTTPS: hosted login and
 * back, a note saved in the session payload, a reload that forgets the token, a silent sign-in with
 * the hosted-login cookie, the same note. At every step the sessionToken is nowhere but in the
 * page's memory: not in localStorage or sessionStorage, not in the address bar, not in the DOM.
 */
@IntegrationTest
class BrowserSdkIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.secureFlows();
  }

  private static String demo() {
    return "https://127.0.0.1:" + TestEnvironment.get().httpsPort() + "/demo/";
  }

  @Test
  void theTokenStaysInMemoryAndASilentSignInFindsTheSameNote() throws Exception {
    String note = "remember the milk " + UUID.randomUUID();
    List<String> tokens = new ArrayList<>();
    try (Browser browser = Browser.startForHttps()) {
      WebDriver page = browser.driver();
      page.get(demo());
      waitForStatus(page, "Not signed in.");
      noConsoleErrors(browser);
      page.findElement(By.id("signIn")).click();

      new WebDriverWait(page, Duration.ofSeconds(15))
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("email")));
      assertThat(page.getCurrentUrl()).contains("/login/authorize").contains("code_challenge=");
      assertNoTokenStored(page, null);
      page.findElement(By.id("email")).sendKeys("demo@example.com");
      page.findElement(By.id("password")).sendKeys(TestEnvironment.DEMO_PASSWORD);
      page.findElement(By.cssSelector("button[type=submit]")).click();

      waitForStatus(page, "Signed in");
      String token = tokenIn(browser.responseBody("/api/v1/token"));
      assertThat(token).startsWith("eyJ");
      tokens.add(token);
      assertThat(page.getCurrentUrl()).isEqualTo(demo()).doesNotContain("code=");
      assertNoTokenStored(page, token);
      browser.screenshot("demo-signed-in");

      page.findElement(By.id("note")).clear();
      page.findElement(By.id("note")).sendKeys(note);
      page.findElement(By.id("save")).click();
      waitForStatus(page, "Saved.");
      assertNoTokenStored(page, token);
      noConsoleErrors(browser);

      page.navigate().refresh();
      waitForStatus(page, "Not signed in.");
      page.findElement(By.id("signIn")).click();
      waitForStatus(page, "Signed in");
      assertThat(page.findElements(By.id("password")))
          .as("the hosted-login cookie signs in without a password")
          .isEmpty();
      assertThat(page.findElement(By.id("note")).getDomProperty("value")).isEqualTo(note);
      token = tokenIn(browser.responseBody("/api/v1/token"));
      assertNoTokenStored(page, token);
      noConsoleErrors(browser);
      browser.screenshot("demo-note-after-silent-sign-in");
      tokens.add(token);
    }
    String console = Files.readString(TestEnvironment.consoleLog());
    assertThat(console)
        .as("Payara's output is recorded in " + TestEnvironment.consoleLog())
        .contains("PayaraMicro");
    for (String token : tokens) {
      assertThat(console)
          .as("the server's output holds no token, nor a token's signature")
          .doesNotContain(token)
          .doesNotContain(token.substring(token.lastIndexOf('.') + 1));
    }
  }

  private static String tokenIn(String tokenResponse) {
    return Json.createReader(new StringReader(tokenResponse))
        .readObject()
        .getString("sessionToken");
  }

  private static void waitForStatus(WebDriver page, String text) {
    new WebDriverWait(page, Duration.ofSeconds(20))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), text));
  }

  /**
   * Neither storage holds the token (nor anything token-shaped), the login's round-trip entry is
   * gone once the browser is back, and neither the address nor the DOM shows it.
   */
  private static void assertNoTokenStored(WebDriver page, String token) {
    JavascriptExecutor js = (JavascriptExecutor) page;
    String local =
        (String) js.executeScript("return JSON.stringify(Object.entries(localStorage));");
    String session =
        (String) js.executeScript("return JSON.stringify(Object.entries(sessionStorage));");
    assertThat(local).isEqualTo("[]");
    assertThat(session).doesNotContain("eyJ");
    if (token != null) {
      assertThat(session).isEqualTo("[]");
      String everything = local + session + page.getCurrentUrl() + page.getPageSource();
      assertThat(everything).doesNotContain(token);
      String cookies = (String) js.executeScript("return document.cookie;");
      assertThat(cookies).doesNotContain("eyJ");
    }
  }

  private static void noConsoleErrors(Browser browser) {
    List<String> errors = browser.consoleErrors();
    assertThat(errors).as("console errors and CSP reports").isEmpty();
  }
}
