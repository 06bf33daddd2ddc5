package io.secureflows.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureflows.testsupport.Browser;
import io.secureflows.testsupport.Deployments;
import io.secureflows.testsupport.IntegrationTest;
import io.secureflows.testsupport.Reply;
import io.secureflows.testsupport.Tenant;
import io.secureflows.testsupport.TestEnvironment;
import jakarta.json.Json;
import java.io.StringReader;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
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

  @ArquillianResource java.net.URL deployment;

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

  /**
   * Two tabs share one login without storing the token: the second tab joins the first over
   * BroadcastChannel. A stale write answers 412 and changes nothing. When an operator revokes the
   * session, the next call answers 410 and the SDK signs in again (silently, with the hosted-login
   * cookie), returns to the same page, and the note saved before is still there.
   */
  @Test
  void tabsShareOneLoginAndA410SignsInAgainWithoutLosingTheNote() throws Exception {
    String first = "first note " + UUID.randomUUID();
    String fromSecondTab = "second tab's note " + UUID.randomUUID();
    try (Browser browser = Browser.startForHttps()) {
      WebDriver page = browser.driver();
      page.get(demo());
      waitForStatus(page, "Not signed in.");
      page.findElement(By.id("signIn")).click();
      new WebDriverWait(page, Duration.ofSeconds(15))
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("email")));
      page.findElement(By.id("email")).sendKeys("demo@example.com");
      page.findElement(By.id("password")).sendKeys(TestEnvironment.DEMO_PASSWORD);
      page.findElement(By.cssSelector("button[type=submit]")).click();
      waitForStatus(page, "Signed in");
      String token = tokenIn(browser.responseBody("/api/v1/token"));
      replaceNote(page, first);
      page.findElement(By.id("save")).click();
      waitForStatus(page, "Saved.");
      String firstTab = page.getWindowHandle();

      page.switchTo().newWindow(WindowType.TAB);
      page.get(demo());
      waitForStatus(page, "Signed in");
      assertThat(page.getCurrentUrl()).as("joined without a login round trip").isEqualTo(demo());
      assertThat(page.findElement(By.id("note")).getDomProperty("value")).isEqualTo(first);
      assertNoTokenStored(page, token);
      replaceNote(page, fromSecondTab);
      page.findElement(By.id("save")).click();
      waitForStatus(page, "Saved.");

      page.switchTo().window(firstTab);
      replaceNote(page, "a stale edit");
      page.findElement(By.id("save")).click();
      waitForStatus(page, "The note changed elsewhere since you loaded it");

      revokeTheDemoUsersSessions();
      page.findElement(By.id("reload")).click();
      waitForStatus(page, "Signed in");
      assertThat(page.getCurrentUrl()).as("back at the same place").isEqualTo(demo());
      assertThat(page.findElements(By.id("password")))
          .as("the hosted-login cookie signs in without a password")
          .isEmpty();
      assertThat(page.findElement(By.id("note")).getDomProperty("value"))
          .as("the stale edit changed nothing; the note answered 200 is kept")
          .isEqualTo(fromSecondTab);
      String newToken = tokenIn(browser.responseBody("/api/v1/token"));
      assertThat(newToken).isNotEqualTo(token);
      assertNoTokenStored(page, newToken);
      assertThat(browser.consoleErrors())
          .as("only the expected 412 and 410 answers, logged by the browser")
          .allSatisfy(error -> assertThat(error).containsAnyOf("412", "410"));
    }
  }

  private static void replaceNote(WebDriver page, String text) {
    page.findElement(By.id("note")).clear();
    page.findElement(By.id("note")).sendKeys(text);
  }

  /** What an operator does in the console or the admin API: revoke every active demo session. */
  private void revokeTheDemoUsersSessions() {
    io.secureflows.testsupport.ApiClient admin =
        io.secureflows.testsupport.ApiClient.forDeployment(deployment)
            .bearer(TestEnvironment.PLATFORM_API_KEY);
    String workspaceId =
        admin.get("/api/v1/admin/workspaces").items().stream()
            .map(jakarta.json.JsonValue::asJsonObject)
            .filter(workspace -> workspace.getString("name").equals("Demo workspace"))
            .map(workspace -> workspace.getString("id"))
            .findFirst()
            .orElseThrow();
    Reply sessions =
        admin.get("/api/v1/admin/workspaces/" + workspaceId + "/sessions?state=active&limit=100");
    assertThat(sessions.items()).as(sessions.body()).isNotEmpty();
    for (var session : sessions.items()) {
      String id = session.asJsonObject().getString("id");
      Reply revoked =
          admin.postJson(
              "/api/v1/admin/workspaces/" + workspaceId + "/sessions/" + id + "/revoke", "");
      assertThat(revoked.status()).as(revoked.body()).isEqualTo(204);
    }
  }

  /**
   * A browser application on its own origin (a page this test serves on loopback) imports the SDK
   * from secureFlows, signs in and keeps a note: the token endpoint and the session API answer it
   * with CORS because its origin is a registered redirect URI's. A page on an origin no application
   * registered cannot read the API's answers.
   */
  @Test
  void aPageOnARegisteredOriginUsesTheApiAcrossOriginsAndOthersCannotRead() throws Exception {
    String sf = "https://127.0.0.1:" + TestEnvironment.get().httpsPort();
    try (AppServer app = new AppServer();
        AppServer stranger = new AppServer()) {
      Tenant tenant = Tenant.create(deployment, "cors");
      String clientId = "cors-" + UUID.randomUUID().toString().substring(0, 8);
      Reply registered =
          tenant
              .platformAdmin()
              .postJson(
                  "/api/v1/admin/workspaces/" + tenant.workspaceId + "/applications",
                  "{\"clientId\":\""
                      + clientId
                      + "\",\"name\":\"Cross-origin app\",\"type\":\"web\",\"redirectUris\":[\""
                      + app.origin()
                      + "/\"]}");
      assertThat(registered.status()).as(registered.body()).isEqualTo(201);
      Tenant.User user = tenant.newUser();
      app.serve(sf, clientId);
      stranger.serve(sf, clientId);
      String note = "across origins " + UUID.randomUUID();

      try (Browser browser = Browser.startForHttps()) {
        WebDriver page = browser.driver();
        page.get(stranger.origin() + "/probe");
        waitForText(page, "probe", "blocked");
        page.get(app.origin() + "/probe");
        waitForText(page, "probe", "readable 410");
        browser.consoleErrors();

        page.get(app.origin() + "/");
        waitForText(page, "status", "Not signed in");
        page.findElement(By.id("signIn")).click();
        new WebDriverWait(page, Duration.ofSeconds(15))
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("email")));
        page.findElement(By.id("email")).sendKeys(user.email());
        page.findElement(By.id("password")).sendKeys(Tenant.PASSWORD);
        page.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(page, "status", "Signed in");
        assertThat(page.getCurrentUrl()).isEqualTo(app.origin() + "/");
        page.findElement(By.id("note")).sendKeys(note);
        page.findElement(By.id("save")).click();
        waitForText(page, "stored", note);
        noConsoleErrors(browser);
        assertNoTokenStored(page, tokenIn(browser.responseBody("/api/v1/token")));
      }
    }
  }

  /** A browser application of the test's own, on a loopback port: one page and its module. */
  private static final class AppServer implements AutoCloseable {
    private final com.sun.net.httpserver.HttpServer server;

    AppServer() throws java.io.IOException {
      server =
          com.sun.net.httpserver.HttpServer.create(
              new java.net.InetSocketAddress("127.0.0.1", 0), 0);
      server.start();
    }

    String origin() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void serve(String secureFlows, String clientId) {
      String html =
          """
          <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
          <title>Cross-origin app</title><script type="module" src="/app.js"></script></head>
          <body><p id="probe">probing</p><p id="status">Loading</p><p id="stored"></p>
          <button id="signIn" type="button">Sign in</button><input id="note">
          <button id="save" type="button">Save</button></body></html>
          """;
      String script =
          """
          import { createClient } from "SF/sdk/secureflows.js";
          const $ = (id) => document.getElementById(id);
          if (location.pathname === "/probe") {
            fetch("SF/api/v1/session/payload").then((r) => { $("probe").textContent = "readable " + r.status; },
                () => { $("probe").textContent = "blocked"; });
          }
          const sf = createClient({ issuer: "SF", clientId: "CLIENT", redirectUri: location.origin + "/" });
          await sf.handleRedirect();
          $("status").textContent = sf.isSignedIn() ? "Signed in" : "Not signed in";
          $("signIn").addEventListener("click", () => sf.login());
          $("save").addEventListener("click", async () => {
            const etag = await sf.putPayload({ note: $("note").value });
            const stored = await sf.getPayload();
            $("stored").textContent = stored.document.note + " " + (etag === stored.etag);
          });
          """
              .replace("SF", secureFlows)
              .replace("CLIENT", clientId);
      server.createContext(
          "/",
          exchange -> {
            boolean module = exchange.getRequestURI().getPath().equals("/app.js");
            byte[] body =
                (module ? script : html).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange
                .getResponseHeaders()
                .set("Content-Type", module ? "text/javascript" : "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
              out.write(body);
            }
          });
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  private static void waitForText(WebDriver page, String id, String text) {
    new WebDriverWait(page, Duration.ofSeconds(20))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
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
